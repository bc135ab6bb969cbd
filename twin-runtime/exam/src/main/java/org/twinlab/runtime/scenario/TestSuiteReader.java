package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.expr.Expr;

/**
 * Reads a submitted test suite, {@code {cases: [{name, given, settle, when, then, within}, …]}}, and
 * refuses it with the case and field at fault ({@code cases[2].then: column 9: …}).
 */
final class TestSuiteReader {
  static final int MAX_CASES = 50;
  private static final Duration MAX_WAIT = Duration.ofMinutes(10);

  private TestSuiteReader() {}

  static List<TestCase> read(Map<String, Object> fields, TwinModel model) {
    if (!(fields.get("cases") instanceof List<?> cases) || cases.isEmpty()) {
      throw TwinRequestException.invalid("cases", "a test suite is a list of cases: {cases: [{name, given, when, then, within}]}");
    }
    if (cases.size() > MAX_CASES) throw TwinRequestException.invalid("cases", "at most " + MAX_CASES + " cases");
    // the grading's result is recorded beside the action's fields: no field may pose as part of it
    for (String k : fields.keySet()) {
      if (!k.equals("cases")) throw TwinRequestException.invalid(k, "a test suite has cases and nothing else");
    }
    List<TestCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) out.add(readCase(cases.get(i), "cases[" + i + "]", i, path -> model.property(path).isPresent(), model.id()));
    return out;
  }

  static void requireProperty(TwinModel model, String path, String field) {
    if (model.property(path).isEmpty()) throw TwinRequestException.invalid(field, "the " + model.id() + " model has no property '" + path + "'");
  }

  /**
   * Reads one case (or one step of a program, which has the same fields), at {@code at}.
   *
   * @param hasProperty whether the station has a property, by path
   * @param station the station's rigs as a message names them
   */
  static TestCase readCase(Object raw, String at, int i, java.util.function.Predicate<String> hasProperty, String station) {
    if (!(raw instanceof Map<?, ?> c)) throw TwinRequestException.invalid(at, "a case is a mapping");
    for (Object k : c.keySet()) {
      if (!List.of("name", "given", "settle", "when", "then", "within").contains(String.valueOf(k))) {
        throw TwinRequestException.invalid(at + "." + k, "a case has name, given, settle, when, then and within");
      }
    }
    Station model = new Station(hasProperty, station);
    String name = c.get("name") == null ? "case " + (i + 1) : String.valueOf(c.get("name"));
    Map<String, Object> given = map(c.get("given"), at + ".given");
    for (String p : given.keySet()) requireProperty(model, p, at + ".given." + p);
    Duration settle = duration(c.get("settle"), at + ".settle", Duration.ofSeconds(5));
    Duration within = duration(c.get("within"), at + ".within", Duration.ofSeconds(10));
    Map<String, Object> when = map(c.get("when"), at + ".when");
    String kind = "none";
    Map<String, Object> stimulus = Map.of();
    if (!when.isEmpty()) {
      if (when.size() != 1) throw TwinRequestException.invalid(at + ".when", "one stimulus: write, command or rig");
      kind = when.keySet().iterator().next();
      Object v = when.get(kind);
      switch (kind) {
        case "write" -> {
          stimulus = map(v, at + ".when.write");
          requireProperty(model, String.valueOf(stimulus.get("property")), at + ".when.write.property");
          if (!stimulus.containsKey("value")) throw TwinRequestException.invalid(at + ".when.write.value", "the value to write");
        }
        case "command" -> stimulus = Map.of("command", String.valueOf(v));
        case "rig" -> {
          stimulus = map(v, at + ".when.rig");
          for (String p : stimulus.keySet()) requireProperty(model, p, at + ".when.rig." + p);
        }
        default -> throw TwinRequestException.invalid(at + ".when." + kind, "a stimulus is write, command or rig");
      }
    }
    if (!(c.get("then") instanceof String thenText)) throw TwinRequestException.invalid(at + ".then", "what the twin must show, e.g. twin.pump.running == false");
    Expr then;
    try {
      then = CheckParser.parseExpression(thenText);
    } catch (ExprSyntaxException e) {
      throw TwinRequestException.invalid(at + ".then", "column " + e.column() + ": " + e.getMessage());
    }
    for (Expr ref : CheckParser.references(then)) {
      if (ref instanceof Expr.Signal s && s.name().startsWith("rig.")) {
        throw TwinRequestException.invalid(at + ".then", "a test reads what the twin shows (twin.*, alarm.*), not the rig");
      }
      if (ref instanceof Expr.Signal s && s.name().startsWith("twin.")) requireProperty(model, s.name().substring(5), at + ".then");
    }
    return new TestCase(name, given, settle, kind, stimulus, then, thenText, within);
  }

  /** What a case is read against: the station's properties. */
  private record Station(java.util.function.Predicate<String> has, String id) {}

  private static void requireProperty(Station model, String path, String field) {
    if (!model.has().test(path)) throw TwinRequestException.invalid(field, "the " + model.id() + " model has no property '" + path + "'");
  }

  static Map<String, Object> map(Object v, String field) {
    if (v == null) return Map.of();
    if (!(v instanceof Map<?, ?> m)) throw TwinRequestException.invalid(field, "a mapping");
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }

  static Duration duration(Object v, String field, Duration otherwise) {
    if (v == null) return otherwise;
    Optional<Duration> d = CheckParser.parseDuration(String.valueOf(v)).filter(x -> !x.isNegative() && x.compareTo(MAX_WAIT) <= 0);
    return d.orElseThrow(() -> TwinRequestException.invalid(field, "a duration such as 5s or 2m, at most 10m"));
  }
}
