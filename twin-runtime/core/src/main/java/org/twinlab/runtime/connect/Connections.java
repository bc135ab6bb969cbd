package org.twinlab.runtime.connect;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Connector;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.opcua.OpcUaConnector;
import org.twinlab.connectors.sparkplug.SparkplugConnector;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.bus.SampleBatch;
import org.twinlab.runtime.config.ConnectionConfig;

/**
 * The runtime's connectors, one per configured connection. Samples go onto the event bus to the
 * twin that asked for them: a signal id is "twin/…", so routing needs no lookup table. The last
 * state of each connector, and what the live binding checks found, are kept for the health check.
 */
public final class Connections implements AutoCloseable {
  private final Map<String, Connector> connectors = new LinkedHashMap<>();
  private final Map<String, String> protocols = new LinkedHashMap<>();
  private final Map<String, ConnectionEvent> states = new ConcurrentHashMap<>();
  private final List<ConnectionConfig> configs;
  private final BindingFindings findings = new BindingFindings();
  private final java.util.Set<String> started = ConcurrentHashMap.newKeySet();
  /** Signals under this prefix only feed topic discovery; no twin receives them. */
  private static final String DISCOVERY = "~discovery";

  /**
   * @param pki the OPC UA client certificate and trust list (the data directory's pki/)
   * @param clock what the connectors date their states, and samples their peers sent undated, with
   */
  public Connections(Vertx vertx, List<ConnectionConfig> configs, java.nio.file.Path pki, java.time.Clock clock) {
    this.configs = List.copyOf(configs);
    for (ConnectionConfig c : configs) {
      protocols.put(c.id(), c.protocol());
      states.put(c.id(), new ConnectionEvent(c.id(), ConnectionState.CONNECTING, Optional.empty(), clock.instant()));
      connectors.put(c.id(), create(c, new Router(vertx), pki, clock));
    }
  }

  /** The signal id a twin's binding subscribes under. */
  public static String signalId(String twin, String key) {
    return twin + "/" + key;
  }

  static String twinOf(String signalId) {
    int slash = signalId.indexOf('/');
    return slash < 0 ? signalId : signalId.substring(0, slash);
  }

  public void start() {
    start(connectors.keySet());
  }

  /**
   * Starts the named connections that have not started yet: a node of a clustered lab connects
   * only to the rigs of the twins it runs, and to another rig's when it takes that twin over.
   */
  public synchronized void start(java.util.Collection<String> ids) {
    for (ConnectionConfig c : configs) {
      if (!ids.contains(c.id()) || !started.add(c.id())) continue;
      connectors.get(c.id()).start();
      c.discoverTopics().ifPresent(filter -> connectors.get(c.id())
          .subscribe(List.of(new org.twinlab.connectors.SignalRequest(signalId(DISCOVERY, c.id()), filter, 0, 0))));
    }
  }

  /** Connection id to protocol, for checking binding addresses. */
  public Map<String, String> protocols() {
    return Collections.unmodifiableMap(protocols);
  }

  /** What the live checks found wrong with the bindings in force on these connections. */
  public BindingFindings findings() {
    return findings;
  }

  public Optional<Connector> get(String id) {
    return Optional.ofNullable(connectors.get(id));
  }

  /**
   * The latest state of every started connection, in configuration order (all of them, unless this
   * is a node of a cluster, which leaves the rigs of twins other nodes run alone).
   */
  public List<ConnectionEvent> states() {
    List<ConnectionEvent> out = new ArrayList<>();
    connectors.keySet().stream().filter(started::contains).forEach(id -> out.add(states.get(id)));
    return out;
  }

  @Override
  public void close() {
    connectors.values().forEach(Connector::close);
  }

  private static Connector create(ConnectionConfig c, ConnectorListener listener, java.nio.file.Path pki, java.time.Clock clock) {
    return switch (c.protocol()) {
      case ConnectionConfig.OPCUA -> new OpcUaConnector(c.opcuaConnector(c.id(), pki), listener, clock);
      case ConnectionConfig.MQTT -> new MqttConnector(c.mqttConnector(c.id()), listener, clock);
      case ConnectionConfig.SPARKPLUG -> new SparkplugConnector(c.sparkplugConnector(c.id()), listener, clock);
      default -> throw new IllegalArgumentException("unknown protocol " + c.protocol());
    };
  }

  /** Hands a connector's samples to the twins on the event bus; runs on the connector's thread. */
  private final class Router implements ConnectorListener {
    private final Vertx vertx;

    Router(Vertx vertx) {
      this.vertx = vertx;
    }

    @Override
    public void onSamples(List<Sample> samples) {
      if (samples.isEmpty()) return;
      String first = twinOf(samples.get(0).signal());
      String prefix = first + "/";
      boolean oneTwin = samples.stream().allMatch(s -> s.signal().startsWith(prefix));
      if (oneTwin) {
        if (!first.equals(DISCOVERY)) vertx.eventBus().send(Bus.samples(first), new SampleBatch(first, samples));
        return;
      }
      Map<String, List<Sample>> byTwin = new HashMap<>();
      samples.forEach(s -> byTwin.computeIfAbsent(twinOf(s.signal()), t -> new ArrayList<>()).add(s));
      byTwin.remove(DISCOVERY);
      byTwin.forEach((twin, batch) -> vertx.eventBus().send(Bus.samples(twin), new SampleBatch(twin, batch)));
    }

    @Override
    public void onStateChanged(ConnectionEvent event) {
      states.put(event.connector(), event);
      vertx.eventBus().publish(Bus.CONNECTIONS, event);
    }
  }
}
