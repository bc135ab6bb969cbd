package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a submitted mapping test, {@code {cases: [{name, given, settle, when, property, tolerance,
 * within, hold}, …]}}, and refuses it with the case and field at fault.
 */
final class MappingTestReader {
  private static final List<String> FIELDS = List.of("name", "given", "settle", "when", "property", "tolerance", "within", "hold");

  private MappingTestReader() {}

  static List<MappingCase> read(Map<String, Object> fields, TwinModel model) {
    if (!(fields.get("cases") instanceof List<?> cases) || cases.isEmpty()) {
      throw TwinRequestException.invalid("cases", "a mapping test is a list of cases: {cases: [{name, when, property, tolerance, within, hold}]}");
    }
    if (cases.size() > TestSuiteReader.MAX_CASES) throw TwinRequestException.invalid("cases", "at most " + TestSuiteReader.MAX_CASES + " cases");
    // the grading's result is recorded beside the action's fields: no field may pose as part of it
    for (String k : fields.keySet()) {
      if (!k.equals("cases")) throw TwinRequestException.invalid(k, "a mapping test has cases and nothing else");
    }
    List<MappingCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String at = "cases[" + i + "]";
      if (!(cases.get(i) instanceof Map<?, ?> c)) throw TwinRequestException.invalid(at, "a case is a mapping");
      for (Object k : c.keySet()) {
        if (!FIELDS.contains(String.valueOf(k))) throw TwinRequestException.invalid(at + "." + k, "a mapping case has " + String.join(", ", FIELDS));
      }
      String name = c.get("name") == null ? "case " + (i + 1) : String.valueOf(c.get("name"));
      Map<String, Object> given = TestSuiteReader.map(c.get("given"), at + ".given");
      for (String p : given.keySet()) TestSuiteReader.requireProperty(model, p, at + ".given." + p);
      Duration settle = TestSuiteReader.duration(c.get("settle"), at + ".settle", Duration.ofSeconds(5));
      Map<String, Object> when = TestSuiteReader.map(c.get("when"), at + ".when");
      String kind = "none";
      Map<String, Object> stimulus = Map.of();
      if (!when.isEmpty()) {
        if (when.size() != 1) throw TwinRequestException.invalid(at + ".when", "one stimulus: write, command or rig");
        kind = when.keySet().iterator().next();
        Object v = when.get(kind);
        switch (kind) {
          case "write" -> {
            stimulus = TestSuiteReader.map(v, at + ".when.write");
            TestSuiteReader.requireProperty(model, String.valueOf(stimulus.get("property")), at + ".when.write.property");
            if (!stimulus.containsKey("value")) throw TwinRequestException.invalid(at + ".when.write.value", "the value to write");
          }
          case "command" -> stimulus = Map.of("command", String.valueOf(v));
          case "rig" -> {
            stimulus = TestSuiteReader.map(v, at + ".when.rig");
            for (String p : stimulus.keySet()) TestSuiteReader.requireProperty(model, p, at + ".when.rig." + p);
          }
          default -> throw TwinRequestException.invalid(at + ".when." + kind, "a stimulus is write, command or rig");
        }
      }
      if (!(c.get("property") instanceof String property)) throw TwinRequestException.invalid(at + ".property", "the property whose twin value follows the rig's");
      TestSuiteReader.requireProperty(model, property, at + ".property");
      double tolerance = 0;
      if (c.get("tolerance") != null) {
        if (!(c.get("tolerance") instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
          throw TwinRequestException.invalid(at + ".tolerance", "a number, 0 or more, in the property's unit");
        }
        tolerance = n.doubleValue();
      }
      Duration within = TestSuiteReader.duration(c.get("within"), at + ".within", Duration.ofSeconds(10));
      Duration hold = TestSuiteReader.duration(c.get("hold"), at + ".hold", Duration.ofSeconds(5));
      out.add(new MappingCase(name, given, settle, kind, stimulus, property, tolerance, within, hold));
    }
    return out;
  }
}
