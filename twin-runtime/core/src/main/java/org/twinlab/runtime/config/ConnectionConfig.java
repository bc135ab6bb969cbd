package org.twinlab.runtime.config;

import java.util.Optional;
import org.twinlab.connectors.mqtt.MqttVersion;

/**
 * One link to a rig or broker.
 *
 * @param protocol "opcua" or "mqtt"
 * @param url an OPC UA endpoint URL (opc.tcp://host:4840/path) or a broker URI (tcp://host:1883)
 * @param passwordEnv the environment variable holding the MQTT password: secrets never sit in files
 * @param discoverTopics an MQTT topic filter watched so that topics can be discovered (e.g. lab/#)
 */
public record ConnectionConfig(String id, String protocol, String url, MqttVersion mqttVersion, int qos,
    Optional<String> username, Optional<String> passwordEnv, Optional<String> discoverTopics) {

  public static final String OPCUA = "opcua";
  public static final String MQTT = "mqtt";

  public static ConnectionConfig opcua(String id, String url) {
    return new ConnectionConfig(id, OPCUA, url, MqttVersion.V5, 1, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static ConnectionConfig mqtt(String id, String url, MqttVersion version) {
    return new ConnectionConfig(id, MQTT, url, version, 1, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ConnectionConfig withDiscoverTopics(String filter) {
    return new ConnectionConfig(id, protocol, url, mqttVersion, qos, username, passwordEnv, Optional.of(filter));
  }
}
