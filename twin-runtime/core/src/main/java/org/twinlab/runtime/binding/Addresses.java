package org.twinlab.runtime.binding;

import java.util.Optional;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.opcua.NodeAddress;
import org.twinlab.connectors.sparkplug.SparkplugAddress;

/** Checks a signal address against its connection's protocol before anything is subscribed. */
final class Addresses {
  private Addresses() {}

  static Optional<String> check(String protocol, String address) {
    if (address.isBlank()) return Optional.of("the address is empty");
    return switch (protocol) {
      case "opcua" -> NodeAddress.isWellFormed(address) ? Optional.empty()
          : Optional.of("'" + address + "' is not an OPC UA node id (e.g. nsu=urn:twinlab:plc;s=\"DB\".\"Tag\" or ns=3;i=1001)");
      case "mqtt" -> {
        try {
          MqttAddress.parse(address);
          yield Optional.empty();
        } catch (IllegalArgumentException e) {
          yield Optional.of(e.getMessage());
        }
      }
      case "sparkplug" -> {
        try {
          SparkplugAddress.parse(address);
          yield Optional.empty();
        } catch (IllegalArgumentException e) {
          yield Optional.of(e.getMessage());
        }
      }
      default -> Optional.of("unknown protocol " + protocol);
    };
  }
}
