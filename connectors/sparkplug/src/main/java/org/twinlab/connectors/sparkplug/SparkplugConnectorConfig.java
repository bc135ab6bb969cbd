package org.twinlab.connectors.sparkplug;

import java.time.Duration;
import java.util.Optional;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;

/**
 * How to reach the edge nodes of one Sparkplug group: the broker as for any MQTT connection (URI,
 * version, credentials, TLS) and the group this connection speaks for.
 *
 * @param rebirthInterval the least time between two rebirth requests to the same node, so that a
 *     node that keeps sending what cannot be read is not flooded with commands
 * @param hostId when set, the connector announces itself as the Sparkplug host application of that
 *     id: {@code spBv1.0/STATE/<hostId>} online while connected (retained), offline when it stops or
 *     its link dies (its will), which edge nodes configured with that primary host wait for
 */
public record SparkplugConnectorConfig(MqttConnectorConfig mqtt, String group, Duration rebirthInterval, Optional<String> hostId) {

  public SparkplugConnectorConfig {
    SparkplugAddress.requireId("group", group);
    hostId.ifPresent(h -> SparkplugAddress.requireId("host", h));
    if (rebirthInterval.isNegative()) throw new IllegalArgumentException("the rebirth interval cannot be negative");
  }

  public static SparkplugConnectorConfig of(MqttConnectorConfig mqtt, String group) {
    return new SparkplugConnectorConfig(mqtt, group, Duration.ofSeconds(2), Optional.empty());
  }

  public SparkplugConnectorConfig withHostId(String id) {
    return new SparkplugConnectorConfig(mqtt, group, rebirthInterval, Optional.of(id));
  }

  public String id() {
    return mqtt.id();
  }
}
