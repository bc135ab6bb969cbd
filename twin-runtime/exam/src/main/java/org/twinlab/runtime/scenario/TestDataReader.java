package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.history.TimeWindow;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a test-data submission, {@code {property, from, to, source, samples, unknown, out_of_range,
 * min, max, mean, bounds, counts}}, and refuses it with the field at fault. The grading is recorded
 * beside these fields, so no other field may pose as part of it.
 */
public final class TestDataReader {
  public static final List<String> FIELDS = List.of("property", "from", "to", "source", "samples", "unknown", "out_of_range",
      "min", "max", "mean", "bounds", "counts");
  public static final List<String> SOURCES = List.of("online", "offline");
  static final Duration MAX_WINDOW = Duration.ofHours(1);
  static final int MAX_CLASSES = 20;

  private TestDataReader() {}

  /** @param now the station's time, from which {@code -5m} and {@code now} are read */
  public static TestDataSubmission read(Map<String, Object> fields, TwinModel model, Instant now) {
    for (String k : fields.keySet()) {
      if (!FIELDS.contains(k)) throw TwinRequestException.invalid(k, "test data has " + String.join(", ", FIELDS) + " and nothing else");
    }
    String property = text(fields, "property");
    PropertyDef def = model.property(property)
        .orElseThrow(() -> TwinRequestException.invalid("property", "the " + model.id() + " model has no property '" + property + "'"));
    if (!def.type().isNumeric()) throw TwinRequestException.invalid("property", property + " is not numeric: its data has no min, max or mean");
    TimeWindow window = window(fields, now);
    String source = text(fields, "source");
    if (!SOURCES.contains(source)) throw TwinRequestException.invalid("source", "where the data came from: online (live feed, history API) or offline (an export file)");
    Map<String, Double> figures = new LinkedHashMap<>();
    for (String f : TestDataFigures.SCALARS) {
      if (!fields.containsKey(f)) continue;
      double v = number(fields.get(f), f);
      if (TestDataFigures.COUNTS.contains(f)) whole(v, f);
      figures.put(f, v);
    }
    List<Double> bounds = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    if (fields.containsKey("bounds") != fields.containsKey("counts")) {
      String missing = fields.containsKey("bounds") ? "counts" : "bounds";
      throw TwinRequestException.invalid(missing, "a frequency table gives both bounds (ascending) and counts (one per class)");
    }
    if (fields.containsKey("bounds")) {
      List<?> b = list(fields.get("bounds"), "bounds");
      if (b.size() < 2 || b.size() > MAX_CLASSES + 1) throw TwinRequestException.invalid("bounds", "2 to " + (MAX_CLASSES + 1) + " bounds, ascending");
      for (int i = 0; i < b.size(); i++) {
        double v = number(b.get(i), "bounds[" + i + "]");
        if (i > 0 && v <= bounds.get(i - 1)) throw TwinRequestException.invalid("bounds[" + i + "]", "bounds rise: " + v + " is not above " + bounds.get(i - 1));
        bounds.add(v);
      }
      List<?> c = list(fields.get("counts"), "counts");
      if (c.size() != bounds.size() - 1) throw TwinRequestException.invalid("counts", (bounds.size() - 1) + " counts, one per class between the bounds");
      for (int i = 0; i < c.size(); i++) counts.add((long) whole(number(c.get(i), "counts[" + i + "]"), "counts[" + i + "]"));
    }
    if (figures.isEmpty() && counts.isEmpty()) {
      throw TwinRequestException.invalid("samples", "give at least one figure: samples, unknown, out_of_range, min, max, mean, or bounds and counts");
    }
    return new TestDataSubmission(property, window.from(), window.to(), source, figures, bounds, counts);
  }

  private static TimeWindow window(Map<String, Object> fields, Instant now) {
    TimeWindow w;
    try {
      w = TimeWindow.parse(text(fields, "from"), text(fields, "to"), now);
    } catch (TimeWindow.BadTime e) {
      throw TwinRequestException.invalid(e.field(), e.getMessage());
    }
    if (w.to().isAfter(now)) throw TwinRequestException.invalid("to", "the window ends after now: no data is recorded there yet");
    if (w.length().compareTo(MAX_WINDOW) > 0) throw TwinRequestException.invalid("from", "a window of test data is at most 1 h long");
    return w;
  }

  private static String text(Map<String, Object> fields, String name) {
    Object v = fields.get(name);
    if (v == null || String.valueOf(v).isBlank()) throw TwinRequestException.invalid(name, name + " is required");
    return String.valueOf(v);
  }

  private static double number(Object v, String field) {
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) throw TwinRequestException.invalid(field, field + " is a number");
    return n.doubleValue();
  }

  private static double whole(double v, String field) {
    if (v < 0 || v != Math.rint(v)) throw TwinRequestException.invalid(field, field + " is a count: a whole number, 0 or more");
    return v;
  }

  private static List<?> list(Object v, String field) {
    if (!(v instanceof List<?> l)) throw TwinRequestException.invalid(field, field + " is a list of numbers");
    return l;
  }
}
