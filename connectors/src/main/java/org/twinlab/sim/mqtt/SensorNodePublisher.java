package org.twinlab.sim.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.mqtt.NoDelaySocketFactory;
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
  private final String telemetryTopic;
  private final String configTopic;
  private final MqttAsyncClient client;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private volatile boolean closed;
  private double lastPublishAt = Double.NEGATIVE_INFINITY;
  private volatile double nextConnectAt;
  private volatile int failures;

  public SensorNodePublisher(RigSimulator sim, String serverUri, String prefix, String nodeId) throws MqttException {
    this.sim = sim;
    this.telemetryTopic = prefix + "/" + nodeId + "/telemetry";
    this.configTopic = prefix + "/" + nodeId + "/config";
    this.client = new MqttAsyncClient(serverUri, "twinlab-sim-" + nodeId + "-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
    client.setCallback(new ConfigListener());
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
    if (rig.communicationLost()) {
      if (client.isConnected()) disconnect();
      return;
    }
    if (!client.isConnected()) {
      if (now >= nextConnectAt) connect(now);
      return;
    }
    long intervalMs = ((Number) rig.groundTruth().getOrDefault("node.interval_ms", 1000L)).longValue();
    if ((now - lastPublishAt) * 1000 + 1e-6 < intervalMs) return;
    lastPublishAt = now;
    try {
      client.publish(telemetryTopic, document(rig.read()), 0, false);
    } catch (MqttException e) {
      LOG.debug("publish failed: {}", e.toString());
    }
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
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(3);
    o.setKeepAliveInterval(10);
    o.setSocketFactory(new NoDelaySocketFactory());
    try {
      client.connect(o, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          failures = 0;
          try {
            client.subscribe(configTopic, 1);
          } catch (MqttException e) {
            LOG.debug("cannot subscribe to {}: {}", configTopic, e.toString());
          }
          connecting.set(false);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          nextConnectAt = now + Math.min(5, 0.25 * (1 << Math.min(failures++, 5)));
          connecting.set(false);
        }
      });
    } catch (MqttException e) {
      connecting.set(false);
      nextConnectAt = now + 1;
    }
  }

  private void disconnect() {
    try {
      client.disconnectForcibly(0, 100, false);
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (client.isConnected()) client.disconnect(500).waitForCompletion(1000);
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing left to release
    }
  }

  /** Applies {"interval_ms": N} (and any other writable field) from the config topic. */
  private final class ConfigListener implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        var doc = JSON.readTree(message.getPayload());
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
      } catch (java.io.IOException e) {
        LOG.info("config message is not JSON: {}", e.getMessage());
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
