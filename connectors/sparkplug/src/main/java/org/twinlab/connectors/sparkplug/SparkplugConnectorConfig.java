package org.twinlab.connectors.sparkplug;

import java.time.Duration;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;

/**
 * How to reach the edge nodes of one Sparkplug group: the broker as for any MQTT connection (URI,
 * version, credentials, TLS) and the group this connection speaks for.
 *
 * @param rebirthInterval the least time between two rebirth requests to the same node, so that a
 *     node that keeps sending what cannot be read is not flooded with commands
 */
public record SparkplugConnectorConfig(MqttConnectorConfig mqtt, String group, Duration rebirthInterval) {

  public SparkplugConnectorConfig {
    SparkplugAddress.requireId("group", group);
    if (rebirthInterval.isNegative()) throw new IllegalArgumentException("the rebirth interval cannot be negative");
  }

  public static SparkplugConnectorConfig of(MqttConnectorConfig mqtt, String group) {
    return new SparkplugConnectorConfig(mqtt, group, Duration.ofSeconds(2));
  }

  public String id() {
    return mqtt.id();
  }
}
