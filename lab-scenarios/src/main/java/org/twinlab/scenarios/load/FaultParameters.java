package org.twinlab.scenarios.load;

import java.util.Optional;

/** The parameter each fault kind cannot do without. */
final class FaultParameters {
  private FaultParameters() {}

  static Optional<String> required(String kind) {
    return Optional.ofNullable(switch (kind) {
      case "stuck_at" -> "value";
      case "offset" -> "offset";
      case "drift" -> "per_second";
      case "noise" -> "stddev";
      case "dropout" -> "probability";
      case "bearing_wear" -> "per_minute";
      default -> null;
    });
  }
}
