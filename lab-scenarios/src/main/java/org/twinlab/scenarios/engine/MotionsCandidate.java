package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.check.Sample;
import org.twinlab.scenarios.model.ActionAttributes;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;

/**
 * A candidate going through the motions after reading the briefing: it takes every kind of action
 * the scenario rewards, at about the reference's times, but each without substance. A binding is
 * re-saved as it was (or bound to another signal's address), a report names the wrong alarm and no
 * cause, a lifecycle step is a stop and start, a write writes the value already there, an alarm
 * that is not active is acknowledged, a test suite asserts nothing that can fail, an export covers
 * an unrelated window, test data gives figures made up rather than counted, an imported model is an empty one of the
 * other kind, a mapping test's one case tolerates any difference, parameters read are made up, a storage strategy keeps every property as it comes, a chart shows the ten
 * seconds before it, and a command or emergency stop is given at the very start, before anything
 * calls for it; an artefact is its title and a line. A scenario that rewards this assesses the motions, not the skill.
 */
public final class MotionsCandidate implements Candidate {
  public static final String WHO = "motions";
  /** When a command or an emergency stop is given: at once, not when the situation calls for it. */
  static final Duration EARLY = Duration.ofSeconds(1);

  private record Planned(Duration at, Consumer<ScenarioRun> act) {}

  private final Scenario scenario;
  private final TwinModel model;
  private final List<Planned> plan = new ArrayList<>();
  private int next;

  /**
   * @param referenceTimes when the reference took each of its steps, in their order (as
   *     {@link ReferenceCandidate#takenAt()} tells); a step it never took is done halfway
   */
  public MotionsCandidate(Scenario scenario, TwinModel model, List<Optional<Duration>> referenceTimes) {
    this.scenario = scenario;
    this.model = model;
    List<ReferenceStep> steps = scenario.reference();
    for (int i = 0; i < steps.size(); i++) {
      ReferenceStep s = steps.get(i);
      Duration at = i < referenceTimes.size() && referenceTimes.get(i).isPresent() ? referenceTimes.get(i).get()
          : s.at().orElse(scenario.timeLimit().dividedBy(2));
      planHollow(s.action(), s.with(), at);
    }
    for (String kind : RewardedActions.of(scenario)) {
      if (steps.stream().noneMatch(s -> s.action().equals(kind))) planHollow(kind, Map.of(), scenario.timeLimit().dividedBy(3));
    }
    plan.sort(Comparator.comparing(Planned::at)); // stable: steps due together keep the reference's order
  }

  /** A watch on the opposite of what the reference watches, with no delay: it fires on the normal run and is quiet when it matters. */
  private static Map<String, Object> invertedWatch(Map<String, Object> with) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("name", with.getOrDefault("name", "watch"));
    w.put("condition", with.containsKey("condition") ? "not (" + with.get("condition") + ")" : "twin.lifecycle == \"running\"");
    return w;
  }

  @Override
  public void act(ScenarioRun run) {
    while (next < plan.size() && !run.ended() && run.elapsed().compareTo(plan.get(next).at()) >= 0) {
      plan.get(next++).act().accept(run);
    }
  }

  private void planHollow(String kind, Map<String, Object> with, Duration at) {
    switch (kind) {
      case "start", "pause", "stop" -> plan(at, run -> {
        run.act(WHO, "stop", rigOf(with));
        run.act(WHO, "start", rigOf(with));
      });
      case "deploy" -> plan(at, run -> run.act(WHO, "deploy", with(rigOf(with), "bindings", List.of())));
      case "remove" -> plan(at, run -> {
        run.act(WHO, "stop", rigOf(with));
        run.act(WHO, "remove", rigOf(with));
        run.act(WHO, "deploy", rigOf(with));
      });
      case "upgrade" -> plan(at, run -> { // the version asked for, rolled back at once: nothing tried out, nothing kept
        run.act(WHO, "upgrade", with);
        run.act(WHO, "rollback", rigOf(with));
      });
      case "command", "emergency_stop" -> plan(EARLY, run -> run.act(WHO, kind, with.isEmpty() ? firstCommand(kind) : with));
      case "write" -> plan(at, run -> write(run, with));
      case "alarm_ack" -> plan(at, run -> acknowledgeInactive(run, with));
      case "report" -> plan(at, run -> run.act(WHO, "report", wrongReport(with)));
      case "export" -> plan(at, run -> run.act(WHO, "export", unrelatedExport(with)));
      case "test_suite" -> plan(at, run -> run.act(WHO, "test_suite", with(rigOf(with), "cases", List.of(vacuousCase()))));
      case "joint_program" -> plan(at, run -> run.act(WHO, "joint_program", with(rigOf(with), "steps", List.of(vacuousCase()))));
      case "watch" -> plan(at, run -> run.act(WHO, "watch", invertedWatch(with)));
      case "security_suite" -> plan(at, run -> run.act(WHO, "security_suite", with(rigOf(with), "cases", List.of(new SecurityMotions(model).legalWrite()))));
      case "test_data" -> plan(at, run -> run.act(WHO, "test_data", madeUpData(with)));
      case "model_import" -> plan(at, run -> run.act(WHO, "model_import", new ModelMotions(model).emptyModel(with)));
      case "mapping_test" -> plan(at, run -> run.act(WHO, "mapping_test", with(rigOf(with), "cases", List.of(new ModelMotions(model).looseCase()))));
      case "parameter_reading" -> plan(at, run -> run.act(WHO, "parameter_reading", new ModelMotions(model).madeUpReadings(with)));
      case "storage_strategy" -> plan(at, run -> run.act(WHO, "storage_strategy", keepEverything(with)));
      case "chart" -> plan(at, run -> run.act(WHO, "chart", unrelatedChart(with)));
      case "test_setup" -> plan(at, run -> run.act(WHO, "test_setup", new ToolMotions(model).crossedProbes(with)));
      case "perf_script" -> plan(at, run -> run.act(WHO, "perf_script", new ToolMotions(model).lenientScript(with)));
      case "binding_create", "binding_edit", "binding_delete" -> hollowBinding(kind, with, at);
      case "artefact" -> plan(at, run -> run.act(WHO, "artefact", hollowArtefact(with)));
      default -> plan(at, run -> run.act(WHO, kind, with)); // backup and the like: nothing to hollow out
    }
  }

  private void plan(Duration at, Consumer<ScenarioRun> act) {
    plan.add(new Planned(at, act));
  }

  // ---- the hollow actions

  /** Writes the value the twin shows already, or, if it shows none, the value the setup wrote. */
  private void write(ScenarioRun run, Map<String, Object> with) {
    String property = with.containsKey("property") ? String.valueOf(with.get("property"))
        : model.properties().values().stream().filter(PropertyDef::writable).map(PropertyDef::path).findFirst().orElse(null);
    if (property == null) return;
    Object value = current(run, "twin." + property).orElseGet(() -> scenario.setup().rigWrites().get(property));
    if (value == null) value = model.property(property).map(MotionsCandidate::harmless).orElse(null);
    if (value != null) run.act(WHO, "write", with(with(rigOf(with), "property", property), "value", value));
  }

  /** Acknowledges an alarm that is not active: the one asked for if it is not, else another. */
  private void acknowledgeInactive(ScenarioRun run, Map<String, Object> with) {
    Object wanted = with.get("alarm");
    List<String> candidates = new ArrayList<>();
    if (wanted != null) candidates.add(String.valueOf(wanted));
    model.alarms().stream().map(AlarmDef::id).filter(a -> !candidates.contains(a)).forEach(candidates::add);
    String alarm = candidates.stream().filter(a -> !Boolean.TRUE.equals(current(run, "alarm." + a).orElse(false)))
        .findFirst().orElse(candidates.isEmpty() ? null : candidates.get(0));
    if (alarm != null) run.act(WHO, "alarm_ack", with(rigOf(with), "alarm", alarm));
  }

  /**
   * A report that fills the form wrongly: another alarm's code, another cause category, another
   * property and a number far off from the ones the reference gives, a symptom that says nothing
   * and no cause.
   */
  Map<String, Object> wrongReport(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(rigOf(with));
    Object right = with.get("alarm_code");
    model.alarms().stream().map(AlarmDef::id).filter(a -> !a.equals(right)).findFirst().ifPresent(a -> out.put("alarm_code", a));
    Object category = with.get("cause_category");
    ActionAttributes.CAUSE_CATEGORIES.stream().filter(c -> !c.equals(category)).findFirst().ifPresent(c -> out.put("cause_category", c));
    Object property = with.get("property");
    if (property != null) {
      model.properties().keySet().stream().filter(p -> !p.equals(property)).findFirst().ifPresent(p -> out.put("property", p));
    }
    if (with.get("value") instanceof Number n) out.put("value", n.doubleValue() * 10 + 1000);
    out.put("symptom", "checked the twin");
    return out;
  }

  /** The artefact asked for by its kind and title, with a line of text and none of its sections or figures. */
  static Map<String, Object> hollowArtefact(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(rigOf(with));
    out.put("kind", with.getOrDefault("kind", "report"));
    out.put("title", with.getOrDefault("title", "Draft"));
    out.put("text", "Draft: to be completed after the exam.");
    return out;
  }

  /** A few seconds from long ago, in the other format. */
  private static Map<String, Object> unrelatedExport(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(rigOf(with));
    out.put("from", "-10s");
    out.put("to", "-5s");
    out.put("format", "csv".equals(with.get("format")) ? "json" : "csv");
    return out;
  }

  /**
   * Test data for the reference's property, window and source with every figure made up, not
   * counted: counts far above any the window could hold, values far from the property's.
   */
  Map<String, Object> madeUpData(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(rigOf(with));
    String numeric = model.properties().values().stream().filter(p -> p.type().isNumeric()).map(PropertyDef::path).findFirst().orElse("");
    out.put("property", with.getOrDefault("property", numeric));
    out.put("from", with.getOrDefault("from", "-1m"));
    out.put("to", with.getOrDefault("to", "now"));
    out.put("source", with.getOrDefault("source", "online"));
    for (String count : List.of("samples", "unknown", "out_of_range")) {
      if (with.get(count) instanceof Number n) out.put(count, n.longValue() * 2 + 100);
    }
    for (String value : List.of("min", "max", "mean")) {
      if (with.get(value) instanceof Number n) out.put(value, n.doubleValue() + 1000);
    }
    if (with.get("bounds") instanceof List<?> bounds && with.get("counts") instanceof List<?> counts) {
      out.put("bounds", bounds);
      out.put("counts", counts.stream().map(c -> c instanceof Number n ? n.longValue() * 2 + 100 : 100).toList());
    }
    if (out.keySet().stream().noneMatch(ActionAttributes.TEST_DATA_FIGURES::contains)) out.put("samples", 0);
    return out;
  }

  /** A storage strategy that keeps every property as it comes: nothing chosen, nothing downsampled. */
  private Map<String, Object> keepEverything(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(rigOf(with));
    out.put("properties", String.join(",", model.properties().keySet()));
    out.put("store", with.getOrDefault("store", "embedded"));
    return out;
  }

  /** The reference's chart by name and properties over ten seconds just before, whatever they held. */
  private static Map<String, Object> unrelatedChart(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(rigOf(with));
    out.put("name", with.getOrDefault("name", "chart"));
    if (with.containsKey("properties")) out.put("properties", with.get("properties"));
    out.put("from", "-10s");
    out.put("to", "now");
    return out;
  }

  /** One case that holds whatever the twin does: it can catch no defect. */
  private Map<String, Object> vacuousCase() {
    String numeric = model.properties().values().stream().filter(p -> p.type().isNumeric()).map(PropertyDef::path).findFirst()
        .orElse(model.properties().keySet().iterator().next());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "the twin answers");
    c.put("settle", "1s");
    c.put("then", "twin." + numeric + " > -1000000000");
    c.put("within", "1s");
    return c;
  }

  /**
   * A binding the setup gave is saved again as it was; one the setup did not give is bound to
   * another reference binding's address (or to an address that reads nothing); a delete is undone
   * at once by saving the binding again, or left out when the setup did not say what it was.
   */
  private void hollowBinding(String kind, Map<String, Object> with, Duration at) {
    Object property = with.get("property");
    Optional<Map<String, Object>> given = scenario.setup().bindings().stream()
        .filter(b -> property != null && property.equals(b.get("property")) && !Boolean.TRUE.equals(b.get("remove"))).findFirst();
    if (kind.equals("binding_delete")) {
      given.ifPresent(b -> plan(at, run -> {
        run.act(WHO, "binding_delete", with(rigOf(with), "property", property));
        run.act(WHO, "binding_create", b);
      }));
      return;
    }
    if (given.isPresent()) {
      plan(at, run -> run.act(WHO, kind, given.get()));
      return;
    }
    if (with.isEmpty()) return; // named by a check only: the setup's bindings are all a candidate knows of
    plan(at, run -> run.act(WHO, kind, with(with, "address", otherAddress(with))));
  }

  private Object otherAddress(Map<String, Object> with) {
    Object own = with.get("address");
    return scenario.reference().stream().filter(s -> s.action().startsWith("binding_")).map(s -> s.with().get("address"))
        .filter(a -> a != null && !a.equals(own)).findFirst().orElse(own + "_unused");
  }

  private Map<String, Object> firstCommand(String kind) {
    if (kind.equals("emergency_stop")) return Map.of();
    return model.components().stream().flatMap(c -> c.commands().stream()).findFirst()
        .<Map<String, Object>>map(c -> Map.of("command", c.path())).orElse(Map.of());
  }

  // ---- helpers

  static Optional<Object> current(ScenarioRun run, String signal) {
    List<Sample> samples = run.trace().samples(signal);
    return samples.isEmpty() ? Optional.empty() : Optional.ofNullable(samples.get(samples.size() - 1).value());
  }

  static Object harmless(PropertyDef p) {
    return switch (p.type()) {
      case BOOL -> false;
      case ENUM -> p.enumValues().isEmpty() ? null : p.enumValues().get(0);
      case INT -> p.range().map(r -> (Object) (long) r.min()).orElse(0L);
      case DOUBLE -> p.range().map(r -> (Object) r.min()).orElse(0.0);
      case STRING -> "";
    };
  }

  /** The joint station's rig the step was for, if it named one. */
  static Map<String, Object> rigOf(Map<String, Object> with) {
    return with.containsKey("rig") ? Map.of("rig", with.get("rig")) : Map.of();
  }

  static Map<String, Object> with(Map<String, Object> fields, String key, Object value) {
    Map<String, Object> out = new LinkedHashMap<>(fields);
    out.put(key, value);
    return out;
  }
}
