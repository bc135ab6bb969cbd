package org.twinlab.sim.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.sim.Reading;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimSignal;

/**
 * Publishes a simulated sensor node's readings as one JSON document per interval, the way
 * battery-powered condition-monitoring nodes do:
 * {@code {"ts":1732170000000,"motor":{"current":12.1,...},"vibration":{"x":1.2,...},"node":{...}}}
 * on {@code <prefix>/<node>/telemetry}; {@code <prefix>/<node>/config} takes {"interval_ms": N}.
 * A sensor that drops out is left out of the document.
 */
public final class SensorNodePublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SensorNodePublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RigSimulator sim;
  private final MqttConnectorConfig config;
  private final String telemetryTopic;
  private final String configTopic;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private volatile MqttLink link;
  private volatile boolean closed;
  private volatile double nextConnectAt;
  private volatile int failures;
  private double lastPublishAt = Double.NEGATIVE_INFINITY;

  public SensorNodePublisher(RigSimulator sim, String serverUri, String prefix, String nodeId) {
    this(sim, serverUri, prefix, nodeId, MqttVersion.V5);
  }

  /** A node that speaks the given MQTT version: field nodes are often still 3.1.1. */
  public SensorNodePublisher(RigSimulator sim, String serverUri, String prefix, String nodeId, MqttVersion version) {
    this.sim = sim;
    this.config = MqttConnectorConfig.of("sim-" + nodeId, serverUri).withVersion(version);
    this.telemetryTopic = prefix + "/" + nodeId + "/telemetry";
    this.configTopic = prefix + "/" + nodeId + "/config";
  }

  public String telemetryTopic() {
    return telemetryTopic;
  }

  public String configTopic() {
    return configTopic;
  }

  /** Called after each physics step: keeps the link as the faults say, and publishes when due. */
  public void afterStep(RigSimulator rig) {
    if (closed) return;
    double now = rig.timeSeconds();
    MqttLink l = link;
    if (rig.communicationLost()) {
      if (l != null) drop(l);
      return;
    }
    if (l == null) {
      if (now >= nextConnectAt) connect(now);
      return;
    }
    long intervalMs = ((Number) rig.groundTruth().getOrDefault("node.interval_ms", 1000L)).longValue();
    if ((now - lastPublishAt) * 1000 + 1e-6 < intervalMs) return;
    lastPublishAt = now;
    l.publish(telemetryTopic, document(rig.read()), 0, false)
        .exceptionally(e -> {
          LOG.debug("publish failed: {}", e.toString());
          return null;
        });
  }

  byte[] document(Map<String, Reading> readings) {
    ObjectNode root = JSON.createObjectNode();
    root.put("ts", System.currentTimeMillis());
    for (SimSignal s : sim.signals()) {
      Reading r = readings.get(s.path());
      if (r == null || !r.ok()) continue;
      ObjectNode section = root.has(s.group()) ? (ObjectNode) root.get(s.group()) : root.putObject(s.group());
      Object v = r.value();
      if (v instanceof Double d) section.put(s.tag(), Math.round(d * 1000) / 1000.0);
      else if (v instanceof Long l) section.put(s.tag(), l);
      else if (v instanceof Boolean b) section.put(s.tag(), b);
      else section.put(s.tag(), String.valueOf(v));
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void connect(double now) {
    if (!connecting.compareAndSet(false, true)) return;
    Events events = new Events();
    MqttLink l;
    try {
      l = MqttLink.open(config, events);
    } catch (Exception e) {
      LOG.warn("cannot create the MQTT client: {}", e.toString());
      nextConnectAt = now + 5;
      connecting.set(false);
      return;
    }
    events.owner = l;
    l.connect().thenCompose(v -> l.subscribe(configTopic, 1)).whenComplete((v, e) -> {
      if (e == null && !closed) {
        failures = 0;
        link = l;
      } else {
        l.close();
        // a sensor node that is back on the broker within a second of it, as the twin's own connector is
        nextConnectAt = now + Math.min(1, 0.25 * (1 << Math.min(failures++, 5)));
      }
      connecting.set(false);
    });
  }

  private void drop(MqttLink l) {
    if (link == l) link = null;
    l.close();
  }

  @Override
  public void close() {
    closed = true;
    MqttLink l = link;
    link = null;
    if (l != null) l.close();
  }

  /** Applies {"node":{"interval_ms": N}} (or a top-level field) from the config topic to writable signals. */
  private void applyConfig(byte[] payload) {
    try {
      var doc = JSON.readTree(payload);
      for (SimSignal s : sim.signals()) {
        if (!s.writable()) continue;
        var v = doc.at("/" + s.group() + "/" + s.tag());
        if (v.isMissingNode()) v = doc.get(s.tag());
        if (v == null || v.isMissingNode()) continue;
        Object value = v.isBoolean() ? (Object) v.booleanValue() : v.isIntegralNumber() ? (Object) v.longValue()
            : v.isNumber() ? (Object) v.doubleValue() : v.asText();
        var outcome = sim.write(s.path(), value);
        if (!outcome.accepted()) LOG.info("config {} refused: {}", s.path(), outcome.reason());
      }
    } catch (IOException e) {
      LOG.info("config message is not JSON: {}", e.getMessage());
    }
  }

  /** Events of one link; a lost link is dropped and the next step connects anew. */
  private final class Events implements MqttLink.Events {
    private volatile MqttLink owner;

    @Override
    public void message(String topic, byte[] payload) {
      if (topic.equals(configTopic)) applyConfig(payload);
    }

    @Override
    public void lost(Throwable cause) {
      MqttLink l = owner;
      if (l != null) drop(l);
    }
  }
}
