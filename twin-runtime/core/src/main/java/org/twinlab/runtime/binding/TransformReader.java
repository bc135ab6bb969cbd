package org.twinlab.runtime.binding;

import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/** Reads a binding's {@code transform:} mapping and checks it fits the property it drives. */
final class TransformReader {
  private TransformReader() {}

  static Optional<Transform> read(YamlValue v, Optional<PropertyDef> property, Problems problems) {
    return v.asMap(problems).map(m -> {
      Optional<Integer> bit = m.get("bit").flatMap(b -> b.asLong(problems)).map(Long::intValue);
      if (bit.isPresent() && (bit.get() < 0 || bit.get() > 63)) m.get("bit").ifPresent(b -> b.problem(problems, "a bit is 0..63"));
      if (bit.isPresent() && !BindingLoader.bool(property)) m.get("bit").ifPresent(b -> b.problem(problems, "a bit drives a bool property"));
      boolean invert = m.bool("invert", false, problems);
      Optional<double[]> range = m.get("range").flatMap(r -> range(r, problems));
      double scale = m.number("scale", problems).orElse(1.0);
      if (scale == 0) m.get("scale").ifPresent(s -> s.problem(problems, "a scale of 0 loses the signal"));
      double offset = m.number("offset", problems).orElse(0.0);
      Optional<String[]> unit = m.get("unit").flatMap(u -> unit(u, property, problems));
      Optional<double[]> clamp = m.get("clamp").flatMap(c -> c.asPair(problems));
      if (clamp.isPresent() && clamp.get()[0] >= clamp.get()[1]) m.get("clamp").ifPresent(c -> c.problem(problems, "min must be below max"));
      double deadband = m.number("deadband", problems).orElse(0.0);
      if (deadband < 0) m.get("deadband").ifPresent(d -> d.problem(problems, "cannot be negative"));
      boolean numericSteps = range.isPresent() || m.has("scale") || m.has("offset") || unit.isPresent() || clamp.isPresent() || deadband > 0;
      if (numericSteps && !BindingLoader.numeric(property)) {
        m.self().problem(problems, property.get().path() + " is " + property.get().type().label() + ": numeric transforms do not apply");
      }
      m.rejectUnknown(problems);
      return new Transform(bit, invert, range, scale, offset, unit.map(u -> u[0]), unit.map(u -> u[1]), clamp, deadband);
    });
  }

  private static Optional<double[]> range(YamlValue v, Problems problems) {
    return v.asMap(problems).flatMap(m -> {
      Optional<double[]> raw = m.require("raw", problems).flatMap(r -> r.asPair(problems));
      Optional<double[]> value = m.require("value", problems).flatMap(r -> r.asPair(problems));
      m.rejectUnknown(problems);
      if (raw.isEmpty() || value.isEmpty()) return Optional.empty();
      if (raw.get()[0] == raw.get()[1]) {
        m.get("raw").ifPresent(r -> r.problem(problems, "the raw range is empty"));
        return Optional.empty();
      }
      return Optional.of(new double[] {raw.get()[0], raw.get()[1], value.get()[0], value.get()[1]});
    });
  }

  private static Optional<String[]> unit(YamlValue v, Optional<PropertyDef> property, Problems problems) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> from = m.requireString("from", problems);
      String to = m.string("to", problems).orElse(property.map(PropertyDef::unit).orElse(""));
      m.rejectUnknown(problems);
      if (from.isEmpty()) return Optional.empty();
      if (Units.conversion(from.get(), to).isEmpty()) {
        m.self().problem(problems, Units.whyNot(from.get(), to));
        return Optional.empty();
      }
      return Optional.of(new String[] {from.get(), to});
    });
  }
}
