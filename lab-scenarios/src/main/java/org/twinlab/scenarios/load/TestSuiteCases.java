package org.twinlab.scenarios.load;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.expr.Expr;
import org.twinlab.scenarios.model.StationRigs;

/**
 * Checks the cases of a test suite a reference step submits, as the platform will read them
 * ({@code {name, given, settle, when, then, within}}), against the model of the rig it runs on:
 * a misspelt property would otherwise surface only when the scenario is played, without its place.
 */
final class TestSuiteCases {
  /** As many as the platform grades in one suite. */
  static final int MAX_CASES = 50;
  private static final Duration MAX_WAIT = Duration.ofMinutes(10);

  private final StationRigs model;
  private final Problems problems;

  /** @param model the rig the suite runs on, or null when it is not known (names are then not checked) */
  TestSuiteCases(StationRigs model, Problems problems) {
    this.model = model;
    this.problems = problems;
  }

  void check(YamlValue cases) {
    List<YamlValue> list = cases.asList(problems);
    if (list.isEmpty()) cases.problem(problems, "a test suite is a list of cases: [{name, given, settle, when, then, within}]");
    if (list.size() > MAX_CASES) cases.problem(problems, "at most " + MAX_CASES + " cases");
    for (YamlValue c : list) c.asMap(problems).ifPresent(this::testCase);
  }

  private void testCase(YamlMap c) {
    c.string("name", problems);
    c.get("given").flatMap(v -> v.asMap(problems)).ifPresent(this::properties);
    c.get("settle").ifPresent(this::duration);
    c.get("within").ifPresent(this::duration);
    c.get("when").flatMap(v -> v.asMap(problems)).ifPresent(this::stimulus);
    c.require("then", problems).ifPresent(this::then);
    c.rejectUnknown(problems);
  }

  /** Rig values by property path: given: {pid.setpoint: 300}, when: {rig: {heater.on: true}}. */
  private void properties(YamlMap values) {
    for (String path : values.keys()) {
      values.node(path).ifPresent(v -> property(v, path));
    }
  }

  private void property(YamlValue at, String path) {
    if (model != null && !model.hasProperty(path)) at.problem(problems, model.lacksProperty(path));
  }

  private void duration(YamlValue v) {
    Optional<Duration> d = v.text().flatMap(CheckParser::parseDuration).filter(x -> x.compareTo(MAX_WAIT) <= 0);
    if (d.isEmpty()) v.problem(problems, "a duration such as 5s or 2m, at most 10m");
  }

  /** One stimulus: write: {property, value}, command: PATH or rig: {PATH: value, …}. */
  private void stimulus(YamlMap when) {
    List<String> kinds = when.keys();
    if (kinds.size() != 1) {
      when.self().problem(problems, "one stimulus: write: {property, value}, command: <command> or rig: {<property>: <value>}");
      return;
    }
    YamlValue v = when.node(kinds.get(0)).orElseThrow();
    switch (kinds.get(0)) {
      case "write" -> v.asMap(problems).ifPresent(w -> {
        w.requireString("property", problems).ifPresent(p -> property(w.get("property").orElseThrow(), p));
        w.require("value", problems);
        w.rejectUnknown(problems);
      });
      case "command" -> v.asString(problems).ifPresent(command -> {
        if (model != null && !model.hasCommand(command)) v.problem(problems, model.lacksCommand(command));
      });
      case "rig" -> v.asMap(problems).ifPresent(this::properties);
      default -> v.problem(problems, "a stimulus is write, command or rig");
    }
  }

  /** What the twin must show: twin.* and alarm.* only, for a test reads the twin, not the rig. */
  private void then(YamlValue v) {
    v.asString(problems).ifPresent(text -> {
      try {
        for (Expr ref : CheckParser.references(CheckParser.parseExpression(text))) reference(ref, v);
      } catch (ExprSyntaxException e) {
        problems.add(v.locationWithin(e.column()), v.path(), e.getMessage());
      }
    });
  }

  private void reference(Expr ref, YamlValue at) {
    if (!(ref instanceof Expr.Signal s) || s.name().startsWith("rig.")) {
      int column = ref instanceof Expr.Signal sig ? sig.column() : ((Expr.EventMatch) ref).column();
      problems.add(at.locationWithin(column), at.path(), "a test reads what the twin shows (twin.…, alarm.…), not the rig or events");
      return;
    }
    if (model == null) return;
    String name = s.name().substring(s.name().indexOf('.') + 1);
    if (s.name().startsWith("alarm.") && !model.hasAlarm(name)) {
      problems.add(at.locationWithin(s.column()), at.path(), model.lacksAlarm(name));
    } else if (s.name().startsWith("twin.") && !model.hasProperty(name)) {
      problems.add(at.locationWithin(s.column()), at.path(), model.lacksProperty(name));
    }
  }
}
