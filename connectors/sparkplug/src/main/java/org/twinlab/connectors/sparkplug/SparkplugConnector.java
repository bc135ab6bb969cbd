package org.twinlab.connectors.sparkplug;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.ConnectorSupport;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.WriteResult;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.connectors.mqtt.TlsFailures;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Metric;

/**
 * A Sparkplug B 3.0 host application for one group, over the MQTT connector's broker link: births
 * make metrics GOOD with their values, data updates them by name or alias, deaths turn them BAD, and
 * what cannot be trusted (a sequence gap, an unknown alias, a node not yet born) asks the node for
 * a rebirth. Writes are NCMD/DCMD commands typed as the birth certificate types the metric.
 *
 * <p>Every message is handled on the connector's serial lane, which owns the {@link EdgeNodes}.
 */
public final class SparkplugConnector extends ConnectorSupport {
  private static final Logger LOG = LoggerFactory.getLogger(SparkplugConnector.class);
  static final String REBIRTH = "Node Control/Rebirth";

  private final SparkplugConnectorConfig config;
  private final EdgeNodes nodes;
  /** Signal id to its request and parsed address; changed only on the lane. */
  private final Map<String, Route> routes = new HashMap<>();
  private final Map<SparkplugAddress, List<Route>> byMetric = new HashMap<>();
  /** Nodes known before the broker link was lost, asked to be born again once it is back. */
  private final Set<EdgeId> knownBeforeLoss = new LinkedHashSet<>();
  private volatile MqttLink link;
  /** The timestamp of the current link's online STATE, which its offline STATE repeats. */
  private volatile long onlineSince;
  private int attempt;

  private record Route(SignalRequest request, SparkplugAddress address) {}

  public SparkplugConnector(SparkplugConnectorConfig config, ConnectorListener listener, java.time.Clock clock) {
    super("sparkplug", config.id(), listener, clock);
    this.config = config;
    this.nodes = new EdgeNodes(clock, config.rebirthInterval());
  }

  @Override
  public void start() {
    emit(ConnectionState.CONNECTING, null);
    worker.execute(this::connect);
  }

  private void connect() {
    if (closed) return;
    Events events = new Events();
    MqttLink l;
    // one timestamp for this link's online STATE and its will, as the specification pairs them
    long stateTime = clock.millis();
    try {
      l = MqttLink.open(config.hostId().map(h -> config.mqtt().withWill(new MqttConnectorConfig.Will(SparkplugTopic.state(h),
          state(false, stateTime), 1, true))).orElse(config.mqtt()), events);
      events.owner = l;
    } catch (Exception e) {
      emit(ConnectionState.FAILED, "cannot create the MQTT client: " + describe(e));
      return;
    }
    link = l;
    onlineSince = stateTime;
    l.connect()
        .thenCompose(v -> l.subscribe(SparkplugTopic.groupFilter(config.group()), config.mqtt().qos()))
        .thenCompose(v -> config.hostId().map(h -> l.publish(SparkplugTopic.state(h), state(true, stateTime), 1, true))
            .orElse(CompletableFuture.completedFuture(null)))
        .whenCompleteAsync((v, e) -> {
          if (closed || link != l) return;
          if (e != null) {
            retry(l, TlsFailures.explain(e).orElseGet(() -> describe(e)));
            return;
          }
          attempt = 0;
          emit(ConnectionState.CONNECTED, null);
          Set<EdgeId> ask = new LinkedHashSet<>(knownBeforeLoss);
          knownBeforeLoss.clear();
          routes.values().forEach(r -> ask.add(r.address().edge().nodeId()));
          ask.forEach(n -> nodes.rebirthIfUnknown(n).ifPresent(this::requestRebirth));
        }, worker);
  }

  private void retry(MqttLink failed, String why) {
    if (link != failed) return;
    link = null;
    failed.close();
    // deaths sent while the link was down are lost: nothing is believed until each node is born again
    knownBeforeLoss.addAll(nodes.forgetAll());
    markAllBad(List.copyOf(requests()), "not connected: " + why);
    emit(ConnectionState.RECONNECTING, why);
    worker.schedule(this::connect, config.mqtt().backoff().delay(attempt++).toMillis());
  }

  private List<SignalRequest> requests() {
    return routes.values().stream().map(Route::request).toList();
  }

  @Override
  public CompletableFuture<Void> subscribe(List<SignalRequest> signals) {
    List<Route> added = new ArrayList<>();
    List<Sample> elsewhere = new ArrayList<>();
    try {
      for (SignalRequest r : signals) {
        SparkplugAddress a = SparkplugAddress.parse(r.address());
        if (a.group().equals(config.group())) {
          added.add(new Route(r, a));
        } else {
          // one signal of another group is that signal's fault, not its neighbours': BAD, and the rest flow
          elsewhere.add(new Sample(r.signal(), r.address(), null, clock.instant(), Quality.bad("Bad_NodeIdUnknown: " + otherGroup(r.address(), a))));
        }
      }
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.runAsync(() -> {
      if (!elsewhere.isEmpty()) listener.onSamples(elsewhere);
      added.forEach(r -> {
        Route old = routes.put(r.request().signal(), r);
        if (old != null) byMetric.getOrDefault(old.address(), new ArrayList<>()).remove(old);
        byMetric.computeIfAbsent(r.address(), a -> new ArrayList<>()).add(r);
      });
      // what the births already said, so that a signal bound late does not wait for the next change
      List<Sample> now = new ArrayList<>();
      Set<EdgeId> unknown = new LinkedHashSet<>();
      for (Route r : added) {
        Optional<EdgeNodes.Known> k = nodes.metric(r.address());
        if (k.isPresent()) {
          now.add(new Sample(r.request().signal(), r.address().toString(), k.get().value(), k.get().at(), k.get().quality()));
        } else if (nodes.alive(r.address().edge())) {
          now.add(notInBirth(r, clock.instant()));
        } else {
          unknown.add(r.address().edge().nodeId());
        }
      }
      if (!now.isEmpty()) listener.onSamples(now);
      if (state == ConnectionState.CONNECTED) unknown.forEach(n -> nodes.rebirthIfUnknown(n).ifPresent(this::requestRebirth));
    }, worker);
  }

  /** Parses an address and keeps it to this connection's group: another group is another connection. */
  private SparkplugAddress inGroup(String address) {
    SparkplugAddress a = SparkplugAddress.parse(address);
    if (!a.group().equals(config.group())) throw new IllegalArgumentException(otherGroup(address, a));
    return a;
  }

  private String otherGroup(String address, SparkplugAddress a) {
    return "'" + address + "' is in the group '" + a.group() + "'; this connection is for the group '" + config.group() + "'";
  }

  @Override
  public CompletableFuture<Void> unsubscribe(Collection<String> signalIds) {
    return CompletableFuture.runAsync(() -> signalIds.forEach(id -> {
      Route r = routes.remove(id);
      if (r == null) return;
      List<Route> rs = byMetric.get(r.address());
      if (rs != null) {
        rs.remove(r);
        if (rs.isEmpty()) byMetric.remove(r.address());
      }
    }), worker);
  }

  @Override
  public CompletableFuture<WriteResult> write(String address, Object value) {
    SparkplugAddress a;
    try {
      a = inGroup(address);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(WriteResult.failed(e.getMessage()));
    }
    return CompletableFuture.supplyAsync(() -> command(a, value), worker).thenCompose(f -> f);
  }

  private CompletableFuture<WriteResult> command(SparkplugAddress a, Object value) {
    MqttLink l = link;
    if (l == null || state != ConnectionState.CONNECTED) {
      return CompletableFuture.completedFuture(WriteResult.unavailable("not connected to " + config.mqtt().serverUri()));
    }
    Optional<EdgeNodes.Known> known = nodes.metric(a);
    if (known.isEmpty()) {
      // the node's own word on what it has, or no word yet
      if (nodes.alive(a.edge())) {
        return CompletableFuture.completedFuture(WriteResult.failed("the birth certificate of " + a.edge() + " has no metric '"
            + a.metric() + "'"));
      }
      return CompletableFuture.completedFuture(WriteResult.unavailable(a.edge() + " has not been born (no "
          + (a.device().isPresent() ? "DBIRTH" : "NBIRTH") + " seen since connecting)"));
    }
    if (!nodes.alive(a.edge())) {
      return CompletableFuture.completedFuture(WriteResult.unavailable(a.edge() + " is dead (its death certificate came last)"));
    }
    MetricType type = known.get().type();
    StringBuilder why = new StringBuilder();
    Optional<Object> fitted = type.fit(value, why);
    if (fitted.isEmpty()) return CompletableFuture.completedFuture(WriteResult.typeMismatch(a + ": " + why));
    byte[] payload = SparkplugPayloads.encode(clock.instant(), OptionalLong.empty(), List.of(Metric.named(a.metric(), type, fitted.get())));
    // Sparkplug sends commands at QoS 0; the answer is the node's next data message
    return l.publish(SparkplugTopic.command(a.edge()), payload, 0, false)
        .handle((v, e) -> e == null ? WriteResult.OK : WriteResult.unavailable(describe(e)));
  }

  private void requestRebirth(EdgeId nodeId) {
    MqttLink l = link;
    if (l == null) return;
    LOG.debug("{}: asking {} for a rebirth", id, nodeId);
    byte[] payload = SparkplugPayloads.encode(clock.instant(), OptionalLong.empty(), List.of(Metric.named(REBIRTH, MetricType.BOOLEAN, true)));
    l.publish(SparkplugTopic.command(nodeId), payload, 0, false).exceptionally(e -> {
      LOG.debug("{}: the rebirth request to {} failed: {}", id, nodeId, describe(e));
      return null;
    });
  }

  /** Metrics of every birth seen under a prefix of their address (all when empty), with their latest value. */
  @Override
  public CompletableFuture<List<DiscoveredSignal>> discover(String prefix) {
    String p = prefix == null ? "" : prefix;
    return CompletableFuture.supplyAsync(() -> {
      List<DiscoveredSignal> out = new ArrayList<>();
      for (EdgeNodes.Known k : nodes.all()) {
        String address = k.address().toString();
        if (!address.startsWith(p)) continue;
        boolean writable = k.type() != MetricType.UNSUPPORTED && !k.address().metric().equals(EdgeNodes.BD_SEQ);
        String status = k.quality().isGood() ? "Good" : k.quality().reason();
        out.add(new DiscoveredSignal(address, k.address().metric(), k.type().label(), writable, false, true, k.value(), status,
            List.of()));
      }
      out.sort((x, y) -> x.address().compareTo(y.address()));
      return out;
    }, worker);
  }

  @Override
  public void close() {
    shutDown(() -> {
      MqttLink l = link;
      link = null;
      if (l == null) return;
      // a clean disconnect sends no will: the host says it is going itself
      if (config.hostId().isPresent() && state == ConnectionState.CONNECTED) {
        try {
          l.publish(SparkplugTopic.state(config.hostId().get()), state(false, onlineSince), 1, true).get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.debug("{}: the offline STATE was not sent: {}", id, describe(e));
        }
      }
      l.close();
    });
  }

  /** The STATE payload of Sparkplug 3.0: {@code {"online":true,"timestamp":1700000000000}}. */
  static byte[] state(boolean online, long timestamp) {
    return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void onMessage(String topic, byte[] bytes) {
    Optional<SparkplugTopic> t = SparkplugTopic.parse(topic);
    if (t.isEmpty() || !t.get().edge().group().equals(config.group())) return;
    SparkplugPayloads.Payload payload;
    try {
      payload = SparkplugPayloads.decode(bytes);
    } catch (IllegalArgumentException e) {
      LOG.debug("{}: {} on {}", id, e.getMessage(), topic);
      return;
    }
    EdgeNodes.Outcome o = nodes.onMessage(t.get(), payload);
    List<Sample> out = new ArrayList<>();
    for (EdgeNodes.Update u : o.updates()) {
      for (Route r : byMetric.getOrDefault(u.address(), List.of())) {
        out.add(new Sample(r.request().signal(), u.address().toString(), u.value(), u.at(), u.quality()));
      }
    }
    for (EdgeId born : o.born()) {
      Instant now = clock.instant();
      byMetric.forEach((a, rs) -> {
        if (a.edge().equals(born) && nodes.metric(a).isEmpty()) rs.forEach(r -> out.add(notInBirth(r, now)));
      });
    }
    if (!out.isEmpty()) listener.onSamples(out);
    o.rebirths().forEach(this::requestRebirth);
  }

  private static Sample notInBirth(Route r, Instant now) {
    return new Sample(r.request().signal(), r.address().toString(), null, now,
        Quality.bad("Bad_NodeIdUnknown: the birth certificate of " + r.address().edge() + " has no metric '" + r.address().metric() + "'"));
  }

  /** Events of one link; a late event of a replaced link is ignored. */
  private final class Events implements MqttLink.Events {
    private volatile MqttLink owner;

    @Override
    public void message(String topic, byte[] payload) {
      MqttLink l = owner;
      later(() -> {
        if (!closed && link == l) onMessage(topic, payload);
      });
    }

    @Override
    public void lost(Throwable cause) {
      MqttLink l = owner;
      later(() -> {
        if (!closed && l != null) retry(l, "connection lost: " + describe(cause));
      });
    }
  }
}
