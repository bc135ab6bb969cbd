package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.mqtt.TopicFilter;
import org.twinlab.connectors.opcua.NodeAddress;
import org.twinlab.runtime.binding.SignalRef;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.sim.Reading;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimSignal;
import org.twinlab.sim.WriteOutcome;

/**
 * A simulated rig reached the way the real one is, by binding addresses: OPC UA node ids of its
 * PLC ({@code nsu=urn:twinlab:plc;s="DB_Process"."Tank"."LevelRaw"}) and MQTT topics of its
 * sensor node ({@code twinlab/motor-1/telemetry#/vibration/x}). It delivers what the connectors
 * would: a sample per sampling interval, BAD for a node id the server does not have or a sensor
 * that did not answer, nothing at all for a topic nobody publishes, and nothing while the link is
 * down. Time moves only through {@link #advance}.
 */
final class SimulatedRig {
  /** The physics step, as the demo lab runs it. */
  static final double STEP_S = 0.02;
  private static final String PLC_NAMESPACE = "urn:twinlab:plc";
  private static final int PLC_NAMESPACE_INDEX = 2;

  private final RigSimulator sim;
  private final StationNames names;
  private final Map<String, String> protocols;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final List<Sample> immediate = new ArrayList<>();
  private double owedSeconds;
  private boolean linkDown;

  private static final class Subscription {
    final String signal;
    final String address;
    final boolean opcua;
    final double periodMs;
    final Optional<String> path;
    double dueInMs;

    Subscription(SignalRequest r, boolean opcua, double periodMs, Optional<String> path) {
      this.signal = r.signal();
      this.address = r.address();
      this.opcua = opcua;
      this.periodMs = periodMs;
      this.path = path;
    }
  }

  SimulatedRig(RigSimulator sim, StationNames names) {
    this.sim = sim;
    this.names = names;
    this.protocols = names.protocols();
  }

  RigSimulator sim() {
    return sim;
  }

  void subscribe(String connection, List<SignalRequest> requests, Instant now) {
    for (SignalRequest r : requests) {
      boolean opcua = ConnectionConfig.OPCUA.equals(protocols.get(connection));
      Optional<String> path = resolve(connection, r.address(), false);
      double period = opcua ? Math.max(50, r.samplingIntervalMs()) : 0;
      subscriptions.put(r.signal(), new Subscription(r, opcua, period, path));
      if (opcua && path.isEmpty()) {
        immediate.add(new Sample(r.signal(), r.address(), null, now, Quality.bad("Bad_NodeIdUnknown: the server has no node " + r.address())));
      }
    }
  }

  void unsubscribe(List<String> signalIds) {
    signalIds.forEach(subscriptions::remove);
  }

  /** Moves the physics on by dt and returns what the connectors would have delivered meanwhile. */
  List<Sample> advance(Duration dt, Instant now) {
    List<Sample> out = new ArrayList<>(immediate);
    immediate.clear();
    owedSeconds += dt.toNanos() / 1e9;
    while (owedSeconds >= STEP_S - 1e-9) {
      sim.step(STEP_S);
      owedSeconds -= STEP_S;
    }
    boolean lost = sim.communicationLost();
    if (lost && !linkDown) {
      for (Subscription s : subscriptions.values()) {
        if (s.opcua) out.add(new Sample(s.signal, s.address, null, now, Quality.bad("Bad_ConnectionClosed: the server is unreachable")));
      }
    }
    linkDown = lost;
    if (lost) return out;
    Map<String, Reading> readings = null;
    double ms = dt.toNanos() / 1e6;
    double mqttPeriod = -1; // looked up only when a node publishes: most steps none does
    for (Subscription s : subscriptions.values()) {
      s.dueInMs -= ms;
      if (s.dueInMs > 1e-6 || s.path.isEmpty()) continue;
      if (!s.opcua && mqttPeriod < 0) mqttPeriod = publishingIntervalMs();
      double period = s.opcua ? s.periodMs : mqttPeriod;
      s.dueInMs += period;
      if (s.dueInMs <= 0) s.dueInMs = period;
      if (readings == null) readings = sim.read();
      Reading r = readings.get(s.path.get());
      if (r.ok()) {
        out.add(new Sample(s.signal, s.address, s.opcua ? r.value() : asPublished(r.value()), now, Quality.GOOD));
      } else if (s.opcua) {
        out.add(new Sample(s.signal, s.address, null, now, Quality.bad("Bad_SensorFailure: " + r.failure())));
      } // a node leaves a failed reading out of its document
    }
    return out;
  }

  /** Writes a raw value to the signal a write target addresses, as the rig's PLC or node would take it. */
  WriteOutcome write(SignalRef target, Object raw) {
    if (sim.communicationLost()) return WriteOutcome.refused("the rig cannot be reached");
    Optional<String> path = resolve(target.connection(), target.address(), true);
    if (path.isEmpty()) return WriteOutcome.refused("the rig has no signal at " + target.address());
    return sim.write(path.get(), raw);
  }

  /** The simulator signal an address names on one of the station's connections, if any. */
  Optional<String> resolve(String connection, String address, boolean forWrite) {
    String protocol = protocols.get(connection);
    if (ConnectionConfig.OPCUA.equals(protocol)) return plcSignal(address);
    if (ConnectionConfig.MQTT.equals(protocol)) return nodeSignal(address, forWrite);
    return Optional.empty();
  }

  private Optional<String> plcSignal(String address) {
    return NodeAddress.stringIdentifierIn(address, PLC_NAMESPACE, PLC_NAMESPACE_INDEX)
        .flatMap(symbol -> sim.signals().stream().filter(s -> s.symbol().equals(symbol)).map(SimSignal::path).findFirst());
  }

  private Optional<String> nodeSignal(String address, boolean forWrite) {
    MqttAddress a;
    try {
      a = MqttAddress.parse(address);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    String topic = "twinlab/" + names.node() + (forWrite ? "/config" : "/telemetry");
    if (a.pointer().isEmpty() || !(forWrite ? a.filter().equals(topic) : TopicFilter.matches(a.filter(), topic))) return Optional.empty();
    String[] parts = a.pointer().get().toString().substring(1).split("/");
    if (parts.length != 2) return Optional.empty();
    return sim.signals().stream()
        .filter(s -> s.group().equals(parts[0]) && s.tag().equals(parts[1]) && (!forWrite || s.writable()))
        .map(SimSignal::path).findFirst();
  }

  private static boolean isOpcUa(Subscription s) {
    return s.opcua;
  }

  private double publishingIntervalMs() {
    Object v = sim.groundTruth().get("node.interval_ms");
    return v instanceof Number n ? Math.max(100, n.doubleValue()) : 1000;
  }

  /** A node publishes numbers to three decimals, as the MQTT sensor node does. */
  private static Object asPublished(Object v) {
    return v instanceof Double d ? Math.round(d * 1000) / 1000.0 : v;
  }
}
