package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * Judges model parameters a candidate read off the viewer or the twin's page (standard clause L3
 * 2.2.5) against what the twin showed when they were handed in: a number within 2 % of its
 * property's range (or 0.5 without one), anything else equal. Only a reading of what the twin
 * shows can match, so watching the parameters is the only way to earn it.
 *
 * <p>Recorded with {@code readings}, {@code matched}, {@code matched_properties} and
 * {@code unmatched} (the paths, comma-separated).
 */
public final class ParameterReadingGrader {
  static final int MAX_READINGS = 50;
  private static final double SHARE_OF_RANGE = 0.02;
  private static final double WITHOUT_RANGE = 0.5;

  private final TwinModel model;

  public ParameterReadingGrader(TwinModel model) {
    this.model = model;
  }

  /** The readings, property by property; refuses malformed ones naming the field. */
  public Map<String, Object> read(Map<String, Object> fields) {
    for (String k : fields.keySet()) {
      if (!k.equals("readings")) throw TwinRequestException.invalid(k, "a parameter reading has readings and nothing else");
    }
    if (!(fields.get("readings") instanceof Map<?, ?> given) || given.isEmpty()) {
      throw TwinRequestException.invalid("readings", "the values read, by property: {tank.level: 301.2, pump.running: true}");
    }
    if (given.size() > MAX_READINGS) throw TwinRequestException.invalid("readings", "at most " + MAX_READINGS + " readings");
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : given.entrySet()) {
      String path = String.valueOf(e.getKey());
      if (model.property(path).isEmpty()) throw TwinRequestException.invalid("readings." + path, "the " + model.id() + " model has no property '" + path + "'");
      Object v = e.getValue();
      if (!(v instanceof Number || v instanceof Boolean || v instanceof String)) {
        throw TwinRequestException.invalid("readings." + path, "the value read: a number, true or false, or a text");
      }
      out.put(path, v);
    }
    return out;
  }

  /** @param shown the twin's properties when the readings were handed in */
  public ActionOutcome grade(Map<String, Object> fields, Collection<PropertyState> shown) {
    Map<String, Object> readings = read(fields);
    List<String> matched = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (var r : readings.entrySet()) {
      Optional<Object> twin = shown.stream().filter(p -> p.property().equals(r.getKey()) && p.quality().isGood() && p.value() != null)
          .findFirst().map(PropertyState::value);
      boolean ok = twin.isPresent() && agrees(model.property(r.getKey()).orElseThrow(), r.getValue(), twin.get());
      (ok ? matched : unmatched).add(r.getKey());
    }
    Map<String, String> result = new LinkedHashMap<>();
    result.put("readings", Integer.toString(readings.size()));
    result.put("matched", Integer.toString(matched.size()));
    result.put("matched_properties", String.join(",", matched));
    result.put("unmatched", String.join(",", unmatched));
    return new ActionOutcome(true, matched.size() + " of " + readings.size() + " readings agree with the twin"
        + (unmatched.isEmpty() ? "" : " (not: " + String.join(", ", unmatched) + ")"), result);
  }

  private static boolean agrees(PropertyDef def, Object read, Object twin) {
    if (read instanceof Number a && twin instanceof Number b) {
      double tolerance = def.range().map(r -> (r.max() - r.min()) * SHARE_OF_RANGE).orElse(WITHOUT_RANGE);
      return Math.abs(a.doubleValue() - b.doubleValue()) <= tolerance;
    }
    return String.valueOf(read).equals(String.valueOf(twin));
  }
}
