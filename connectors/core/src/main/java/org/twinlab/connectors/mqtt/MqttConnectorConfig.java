package org.twinlab.connectors.mqtt;

import java.time.Duration;
import java.util.Optional;
import org.twinlab.connectors.Backoff;

/**
 * How to reach one MQTT broker.
 *
 * @param serverUri e.g. {@code tcp://127.0.0.1:1883}, or {@code ssl://broker:8883} with {@code tls}
 * @param password never in a file of the repository: the runtime reads it from the environment or
 *     a secret file, and {@link #toString()} leaves it out
 * @param qos for subscriptions; writes always use QoS 1
 * @param timestampPointer JSON Pointer to an epoch-millisecond source time in JSON payloads; the
 *     receive time is used when the payload has none
 * @param tls the CAs to trust and the client certificate for an {@code ssl://} broker; without it
 *     an {@code ssl://} broker is checked against the JDK's CA list
 * @param will what the broker publishes when the link ends without a disconnect (a crash, a cut
 *     cable): a Sparkplug host's offline STATE
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
    String timestampPointer,
    Optional<MqttTls> tls,
    Optional<Will> will) {

  /** A last will: topic, payload, QoS and whether the broker keeps it as the topic's retained message. */
  public record Will(String topic, byte[] payload, int qos, boolean retained) {}

  public MqttConnectorConfig {
    if (qos < 0 || qos > 1) throw new IllegalArgumentException("qos must be 0 or 1");
    if (tls.isPresent() && !serverUri.startsWith("ssl://")) {
      throw new IllegalArgumentException("TLS settings need an ssl:// broker URI, not " + serverUri);
    }
  }

  public static MqttConnectorConfig of(String id, String serverUri) {
    return new MqttConnectorConfig(id, serverUri, "twinlab-" + id + "-" + Long.toHexString(System.nanoTime()),
        MqttVersion.V5, Optional.empty(), Optional.empty(), 1, Duration.ofSeconds(10), Backoff.DEFAULT, "/ts", Optional.empty(),
        Optional.empty());
  }

  /** The TLS a link uses: the configured settings, or for an ssl:// broker without them the JDK's CA list. */
  public Optional<MqttTls> linkTls() {
    if (tls.isPresent() || !serverUri.startsWith("ssl://")) return tls;
    return Optional.of(MqttTls.trusting(java.util.List.of()));
  }

  public MqttConnectorConfig withVersion(MqttVersion v) {
    return new MqttConnectorConfig(id, serverUri, clientId, v, username, password, qos, keepAlive, backoff, timestampPointer, tls, will);
  }

  public MqttConnectorConfig withQos(int q) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, username, password, q, keepAlive, backoff, timestampPointer, tls, will);
  }

  public MqttConnectorConfig withBackoff(Backoff b) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, username, password, qos, keepAlive, b, timestampPointer, tls, will);
  }

  public MqttConnectorConfig withCredentials(String user, String pass) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, Optional.of(user), Optional.ofNullable(pass), qos, keepAlive,
        backoff, timestampPointer, tls, will);
  }

  public MqttConnectorConfig withTls(MqttTls t) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, username, password, qos, keepAlive, backoff, timestampPointer,
        Optional.of(t), will);
  }

  public MqttConnectorConfig withClientId(String c) {
    return new MqttConnectorConfig(id, serverUri, c, version, username, password, qos, keepAlive, backoff, timestampPointer, tls, will);
  }

  public MqttConnectorConfig withWill(Will w) {
    return new MqttConnectorConfig(id, serverUri, clientId, version, username, password, qos, keepAlive, backoff, timestampPointer, tls,
        Optional.of(w));
  }

  @Override
  public String toString() {
    return "MqttConnectorConfig[id=" + id + ", serverUri=" + serverUri + ", clientId=" + clientId + ", version=" + version
        + ", username=" + username.orElse("-") + ", password=" + (password.isPresent() ? "(set)" : "-") + ", qos=" + qos
        + ", tls=" + tls.map(MqttTls::toString).orElse("-") + "]";
  }
}
