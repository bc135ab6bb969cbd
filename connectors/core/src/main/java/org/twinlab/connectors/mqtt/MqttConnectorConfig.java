package org.twinlab.connectors.mqtt;

import java.time.Duration;
import java.util.Optional;
import org.twinlab.connectors.Backoff;

/**
 * How to reach one MQTT broker.
 *
 * @param serverUri e.g. {@code tcp://127.0.0.1:1883}
 * @param password never in a file of the repository: the runtime reads it from the environment
 * @param qos for subscriptions; writes always use QoS 1
 * @param timestampPointer JSON Pointer to an epoch-millisecond source time in JSON payloads; the
 *     receive time is used when the payload has none
 */
public record MqttConnectorConfig(
    String id,
    String serverUri,
    String clientId,
    MqttVersion version,
    Optional<String> username,
    Optional<String> password,
    int qos,
    Duration keepAlive,
    Backoff backoff,
    String timestampPointer) {

  public MqttConnectorConfig {
    if (qos < 0 || qos > 1) throw new IllegalArgumentException("qos must be 0 or 1");
  }

  public static MqttConnectorConfig of(String id, String serverUri) {
    return new MqttConnectorConfig(id, serverUri, "twinlab-" + id + "-" + Long.toHexString(System.nanoTime()),
        MqttVersion.V5, Optional.empty(), Optional.empty(), 1, Duration.ofSeconds(10), Backoff.DEFAULT, "/ts");
  }

  public MqttConnectorConfig withVersion(MqttVersion v) {
    return new MqttConnectorConfig(id, serverUri, clientId, v, username, password, qos, keepAlive, backoff, timestampPointer);
  }

  public MqttConnectorConfig withQos(int q) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, username, password, q, keepAlive, backoff, timestampPointer);
  }

  public MqttConnectorConfig withBackoff(Backoff b) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, username, password, qos, keepAlive, b, timestampPointer);
  }

  public MqttConnectorConfig withCredentials(String user, String pass) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, Optional.of(user), Optional.of(pass), qos, keepAlive, backoff, timestampPointer);
  }
}
