package org.twinlab.connectors.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Optional;

/**
 * An MQTT signal address: a topic filter, optionally followed by {@code #} and a JSON Pointer into
 * the payload, e.g. {@code lab/motor-1/telemetry#/vibration/x}; with a '#' wildcard filter the
 * pointer follows it directly ({@code lab/##/temp}).
 */
public record MqttAddress(String filter, Optional<JsonPointer> pointer) {

  public static MqttAddress parse(String address) {
    int split = pointerStart(address);
    String filter = split < 0 ? address : address.substring(0, split);
    if (!TopicFilter.isValid(filter)) {
      throw new IllegalArgumentException("'" + filter + "' is not a valid MQTT topic filter");
    }
    if (split < 0) return new MqttAddress(filter, Optional.empty());
    String pointer = address.substring(split + 1);
    try {
      return new MqttAddress(filter, Optional.of(JsonPointer.compile(pointer)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + pointer + "' is not a JSON Pointer (it starts with '/')");
    }
  }

  /** A JSON Pointer starts with '/', and '#' in a valid filter is always last, so "#/" splits. */
  private static int pointerStart(String address) {
    return address.indexOf("#/");
  }
}
