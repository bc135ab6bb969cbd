package org.twinlab.runtime.binding;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Conversions between the units rigs and models use. Each unit maps to a base of its quantity
 * by a linear function (temperature has an offset), so any two units of a quantity convert.
 */
public final class Units {
  private record Unit(String quantity, double factor, double offset) {
    double toBase(double v) {
      return v * factor + offset;
    }

    double fromBase(double v) {
      return (v - offset) / factor;
    }
  }

  private static final Map<String, Unit> UNITS = Map.ofEntries(
      Map.entry("m", new Unit("length", 1, 0)),
      Map.entry("cm", new Unit("length", 0.01, 0)),
      Map.entry("mm", new Unit("length", 0.001, 0)),
      Map.entry("m/s", new Unit("speed", 1, 0)),
      Map.entry("m/min", new Unit("speed", 1 / 60.0, 0)),
      Map.entry("mm/s", new Unit("speed", 0.001, 0)),
      Map.entry("km/h", new Unit("speed", 1 / 3.6, 0)),
      Map.entry("°C", new Unit("temperature", 1, 0)),
      Map.entry("K", new Unit("temperature", 1, -273.15)),
      Map.entry("°F", new Unit("temperature", 5 / 9.0, -32 * 5 / 9.0)),
      Map.entry("L/min", new Unit("flow", 1, 0)),
      Map.entry("L/h", new Unit("flow", 1 / 60.0, 0)),
      Map.entry("m³/h", new Unit("flow", 1000 / 60.0, 0)),
      Map.entry("Hz", new Unit("frequency", 1, 0)),
      Map.entry("rpm", new Unit("frequency", 1 / 60.0, 0)),
      Map.entry("bar", new Unit("pressure", 1e5, 0)),
      Map.entry("kPa", new Unit("pressure", 1e3, 0)),
      Map.entry("Pa", new Unit("pressure", 1, 0)),
      Map.entry("A", new Unit("current", 1, 0)),
      Map.entry("mA", new Unit("current", 0.001, 0)),
      Map.entry("%", new Unit("ratio", 1, 0)),
      Map.entry("‰", new Unit("ratio", 0.1, 0)),
      Map.entry("s", new Unit("time", 1, 0)),
      Map.entry("ms", new Unit("time", 0.001, 0)),
      Map.entry("min", new Unit("time", 60, 0)));

  private Units() {}

  public static boolean known(String unit) {
    return UNITS.containsKey(unit);
  }

  /** The conversion from one unit to another, or why there is none. */
  public static Optional<DoubleUnaryOperator> conversion(String from, String to) {
    Unit a = UNITS.get(from);
    Unit b = UNITS.get(to);
    if (a == null || b == null || !a.quantity().equals(b.quantity())) return Optional.empty();
    return Optional.of(v -> b.fromBase(a.toBase(v)));
  }

  public static String whyNot(String from, String to) {
    if (!known(from)) return "unknown unit '" + from + "' (known: " + String.join(", ", new java.util.TreeSet<>(UNITS.keySet())) + ")";
    if (!known(to)) return "unknown unit '" + to + "'";
    return "'" + from + "' (" + UNITS.get(from).quantity() + ") does not convert to '" + to + "' (" + UNITS.get(to).quantity() + ")";
  }
}
