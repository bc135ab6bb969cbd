package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a submitted security test script, {@code {cases: [{name, write: {property, value}, expect: refused|accepted}, …]}},
 * and refuses it with the case and field at fault.
 */
final class SecuritySuiteReader {
  private SecuritySuiteReader() {}

  static List<SecurityCase> read(Map<String, Object> fields, TwinModel model) {
    if (!(fields.get("cases") instanceof List<?> cases) || cases.isEmpty()) {
      throw TwinRequestException.invalid("cases", "a security script is a list of cases: {cases: [{name, write: {property, value}, expect: refused}]}");
    }
    if (cases.size() > TestSuiteReader.MAX_CASES) throw TwinRequestException.invalid("cases", "at most " + TestSuiteReader.MAX_CASES + " cases");
    // the grading's result is recorded beside the action's fields: no field may pose as part of it
    for (String k : fields.keySet()) {
      if (!k.equals("cases")) throw TwinRequestException.invalid(k, "a security script has cases and nothing else");
    }
    List<SecurityCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String at = "cases[" + i + "]";
      if (!(cases.get(i) instanceof Map<?, ?> c)) throw TwinRequestException.invalid(at, "a case is a mapping");
      for (Object k : c.keySet()) {
        if (!List.of("name", "write", "expect").contains(String.valueOf(k))) {
          throw TwinRequestException.invalid(at + "." + k, "a security case has name, write and expect");
        }
      }
      if (!(c.get("write") instanceof Map<?, ?> w)) throw TwinRequestException.invalid(at + ".write", "the write to try: {property, value}");
      String property = String.valueOf(w.get("property"));
      if (model.property(property).isEmpty()) {
        throw TwinRequestException.invalid(at + ".write.property", "the " + model.id() + " model has no property '" + property + "'");
      }
      if (!w.containsKey("value")) throw TwinRequestException.invalid(at + ".write.value", "the value to write");
      Object expect = c.get("expect");
      if (!"refused".equals(expect) && !"accepted".equals(expect)) {
        throw TwinRequestException.invalid(at + ".expect", "refused or accepted");
      }
      String name = c.get("name") == null ? "case " + (i + 1) : String.valueOf(c.get("name"));
      out.add(new SecurityCase(name, property, w.get("value"), "refused".equals(expect)));
    }
    return out;
  }
}
