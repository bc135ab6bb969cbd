package org.twinlab.models;

import java.util.Locale;
import java.util.Optional;

/** What sort of rig a model describes, which decides its usual protocol. */
public enum RigKind {
  /** A PLC-controlled station serving OPC UA. */
  PLC_STATION,
  /** A sensor node publishing MQTT. */
  SENSOR_NODE;

  public static Optional<RigKind> parse(String text) {
    try {
      return Optional.of(valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
