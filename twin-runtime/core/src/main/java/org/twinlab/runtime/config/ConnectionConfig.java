package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttTls;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.connectors.sparkplug.SparkplugConnectorConfig;
import org.twinlab.connectors.opcua.OpcUaConnectorConfig;

/**
 * One link to a rig or broker.
 *
 * @param protocol "opcua", "mqtt", or "sparkplug" (Sparkplug B edge nodes on an MQTT broker)
 * @param url an OPC UA endpoint URL (opc.tcp://host:4840/path) or a broker URI (tcp://host:1883,
 *     ssl://host:8883)
 * @param passwordEnv the environment variable holding the MQTT password: secrets never sit in files
 * @param passwordFile or the file holding it (e.g. a container secret), read when the link is made
 * @param discoverTopics an MQTT topic filter watched so that topics can be discovered (e.g. lab/#)
 * @param tls the CAs and client certificate of an ssl:// broker, read from their PEM files
 * @param sparkplugGroup the Sparkplug group whose edge nodes a sparkplug connection reads; empty otherwise
 * @param sparkplugHostId the host application id a sparkplug connection announces its STATE under, if any
 * @param opcuaSecurity an OPC UA connection's security policy, mode and user identity (default: None, anonymous)
 */
public record ConnectionConfig(String id, String protocol, String url, MqttVersion mqttVersion, int qos,
    Optional<String> username, Optional<String> passwordEnv, Optional<Path> passwordFile, Optional<String> discoverTopics,
    Optional<MqttTls> tls, Optional<String> sparkplugGroup, Optional<String> sparkplugHostId, OpcUaSecurityConfig opcuaSecurity) {

  public static final String OPCUA = "opcua";
  public static final String MQTT = "mqtt";
  public static final String SPARKPLUG = "sparkplug";

  public static ConnectionConfig opcua(String id, String url) {
    return new ConnectionConfig(id, OPCUA, url, MqttVersion.V5, 1, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OpcUaSecurityConfig.NONE);
  }

  public static ConnectionConfig mqtt(String id, String url, MqttVersion version) {
    return new ConnectionConfig(id, MQTT, url, version, 1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), OpcUaSecurityConfig.NONE);
  }

  /** The edge nodes of one Sparkplug B group on a broker. */
  public static ConnectionConfig sparkplug(String id, String url, String group) {
    return new ConnectionConfig(id, SPARKPLUG, url, MqttVersion.V5, 1, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(group), Optional.empty(), OpcUaSecurityConfig.NONE);
  }

  /** Whether the link is to an MQTT broker: plain topics or Sparkplug B, which share the broker settings. */
  public boolean onBroker() {
    return MQTT.equals(protocol) || SPARKPLUG.equals(protocol);
  }

  public ConnectionConfig withDiscoverTopics(String filter) {
    return new ConnectionConfig(id, protocol, url, mqttVersion, qos, username, passwordEnv, passwordFile, Optional.of(filter), tls,
        sparkplugGroup, sparkplugHostId, opcuaSecurity);
  }

  public ConnectionConfig withOpcUaSecurity(OpcUaSecurityConfig s) {
    return new ConnectionConfig(id, protocol, url, mqttVersion, qos, username, passwordEnv, passwordFile, discoverTopics, tls,
        sparkplugGroup, sparkplugHostId, s);
  }

  /**
   * How the OPC UA connector reaches this server; {@code clientId} names the client (the runtime's,
   * or a check's) and {@code pki} holds its certificate and trust list (the data directory's pki/).
   *
   * @throws IllegalStateException naming the variable or file when the password cannot be read, never the value
   */
  public OpcUaConnectorConfig opcuaConnector(String clientId, Path pki) {
    // as for MQTT, a password that cannot be read stops the start, naming its variable or file; it is read again per session
    if (opcuaSecurity.kind() == OpcUaSecurityConfig.Kind.USERNAME) opcuaSecurity.password(id);
    OpcUaConnectorConfig config = OpcUaConnectorConfig.of(clientId, url);
    return opcuaSecurity.equals(OpcUaSecurityConfig.NONE) ? config : config.withSecurity(opcuaSecurity.connectorSecurity(id, pki));
  }

  /**
   * The MQTT password, read now from its environment variable or file (trailing line break
   * trimmed); empty when none is configured.
   *
   * @throws IllegalStateException naming the variable or file when it cannot be read, never the value
   */
  public Optional<String> password() {
    if (passwordEnv.isPresent()) {
      String p = System.getenv(passwordEnv.get());
      if (p == null) {
        throw new IllegalStateException("connection " + id + ": the MQTT password is read from the environment variable "
            + passwordEnv.get() + ", which is not set");
      }
      return Optional.of(p);
    }
    if (passwordFile.isPresent()) {
      try {
        return Optional.of(stripLineBreak(Files.readString(passwordFile.get())));
      } catch (IOException e) {
        throw new IllegalStateException("connection " + id + ": cannot read the MQTT password file " + passwordFile.get() + ": "
            + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  /** How the MQTT connector reaches this broker; {@code id} names the client (the runtime's, or a check's). */
  public MqttConnectorConfig mqttConnector(String clientId) {
    MqttConnectorConfig config = MqttConnectorConfig.of(clientId, url).withVersion(mqttVersion).withQos(qos);
    if (username.isPresent()) config = config.withCredentials(username.get(), password().orElse(null));
    return tls.isPresent() ? config.withTls(tls.get()) : config;
  }

  /** How the Sparkplug connector reaches this group's edge nodes; {@code id} names the client. */
  public SparkplugConnectorConfig sparkplugConnector(String clientId) {
    SparkplugConnectorConfig config = SparkplugConnectorConfig.of(mqttConnector(clientId), sparkplugGroup.orElseThrow(() ->
        new IllegalStateException("connection " + id + " is not a Sparkplug connection")));
    return sparkplugHostId.map(config::withHostId).orElse(config);
  }

  /** Only the final line break an editor adds: spaces may be part of a password. */
  static String stripLineBreak(String text) {
    if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
    if (text.endsWith("\n")) return text.substring(0, text.length() - 1);
    return text;
  }
}
