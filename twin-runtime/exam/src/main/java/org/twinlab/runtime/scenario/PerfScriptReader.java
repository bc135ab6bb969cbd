package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.PropertyType;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a submitted performance test script,
 * {@code {property, values: [a, b], rate, seconds, metric, threshold_ms}}, and refuses it with the
 * field at fault.
 */
final class PerfScriptReader {
  static final List<String> FIELDS = List.of("property", "values", "rate", "seconds", "metric", "threshold_ms");
  static final int MAX_WRITES = 600;

  private PerfScriptReader() {}

  static PerfScript read(Map<String, Object> fields, TwinModel model) {
    // the grading's result is recorded beside the action's fields: no field may pose as part of it
    for (String k : fields.keySet()) {
      if (!FIELDS.contains(k)) throw TwinRequestException.invalid(k, "a performance script has " + String.join(", ", FIELDS) + " and nothing else");
    }
    String property = String.valueOf(fields.get("property"));
    PropertyDef p = model.property(property)
        .orElseThrow(() -> TwinRequestException.invalid("property", "the " + model.id() + " model has no property '" + property + "'"));
    if (!p.writable() || (p.type() != PropertyType.DOUBLE && p.type() != PropertyType.INT)) {
      throw TwinRequestException.invalid("property", property + " is not a writable number: the load writes it and times the twin showing it");
    }
    if (!(fields.get("values") instanceof List<?> vs) || vs.size() != 2) {
      throw TwinRequestException.invalid("values", "the two values the load writes in turn: [300, 320]");
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      if (!(vs.get(i) instanceof Number n) || !p.accepts(n)) {
        throw TwinRequestException.invalid("values[" + i + "]", "a value " + property + " takes" + p.range().map(r -> ", " + r.min() + " to " + r.max()).orElse(""));
      }
      values.add(n.doubleValue());
    }
    if (values.get(0).equals(values.get(1))) throw TwinRequestException.invalid("values", "two different values, so each write changes what the twin shows");
    double rate = number(fields, "rate", 0.1, 5, "writes per second");
    double seconds = number(fields, "seconds", 5, 600, "how long the load runs, in seconds");
    Object metric = fields.get("metric");
    if (!PerfScript.METRICS.contains(metric)) throw TwinRequestException.invalid("metric", "one of " + String.join(", ", PerfScript.METRICS));
    double threshold = number(fields, "threshold_ms", 1, 60_000, "the latency the metric may reach, in ms");
    PerfScript s = new PerfScript(property, values, rate, seconds, (String) metric, threshold);
    if (s.writes() < 1 || s.writes() > MAX_WRITES) {
      throw TwinRequestException.invalid("seconds", "rate × seconds is the number of writes: 1 to " + MAX_WRITES + ", not " + s.writes());
    }
    return s;
  }

  private static double number(Map<String, Object> fields, String field, double min, double max, String what) {
    if (!(fields.get(field) instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
      throw TwinRequestException.invalid(field, what + ": a number from " + fmt(min) + " to " + fmt(max));
    }
    return n.doubleValue();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
