package org.twinlab.scenarios.load;

import java.util.List;
import java.util.Optional;

/** The one parameter each fault kind takes, and the values it takes: what the simulators can inject. */
final class FaultParameters {
  /** Every parameter of any kind, as a fault gives them. */
  static final List<String> ALL = List.of("value", "offset", "per_second", "stddev", "probability", "per_minute");

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

  /** Why a parameter given to a fault of a known kind is wrong, if it is; a stray one would be silently ignored. */
  static Optional<String> problem(String kind, String parameter, Object value) {
    Optional<String> takes = required(kind);
    if (!takes.map(parameter::equals).orElse(false)) {
      String article = "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
      return Optional.of(article + kind + " fault takes " + takes.map(p -> p + ", not " + parameter).orElse("no " + parameter + " (no parameter at all)"));
    }
    if (parameter.equals("value")) return Optional.empty(); // a stuck reading takes the property's own type
    if (!(value instanceof Number n)) return Optional.of(parameter + " is a number");
    double x = n.doubleValue();
    return switch (parameter) {
      case "stddev", "per_minute" -> x < 0 ? Optional.of(parameter + " is 0 or more") : Optional.empty();
      case "probability" -> x < 0 || x > 1 ? Optional.of("a probability is 0 to 1") : Optional.empty();
      default -> Optional.empty();
    };
  }
}
