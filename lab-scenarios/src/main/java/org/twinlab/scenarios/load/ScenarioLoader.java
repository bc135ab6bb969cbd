package org.twinlab.scenarios.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.Ids;
import org.twinlab.models.Localized;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.scenarios.check.Check;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.expr.Expr;
import org.twinlab.scenarios.model.Actions;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.NearName;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Rubric;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.Setup;
import org.twinlab.scenarios.model.Skill;
import org.twinlab.scenarios.model.StationRigs;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.standard.Clause;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;

/**
 * Reads a scenario file and checks it against the standard (every clause exists at the scenario's
 * level) and its rig model: every property, command, alarm and fault named in setup, faults,
 * checks and their event filters, reference steps and the test suites they submit exists, and a
 * filter tests only attributes its event has. All problems are reported at once, each at
 * {@code file:line:column} with its field, a near name suggested for a misspelt one.
 */
public final class ScenarioLoader {
  private final Standard standard;

  public ScenarioLoader(Standard standard) {
    this.standard = standard;
  }

  public Scenario load(Path file) throws InvalidInputException, IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return load(file.toString(), r);
    }
  }

  public Scenario load(String source, Reader text) throws InvalidInputException {
    return YamlDocument.parse(source, text).readMapping((m, p) -> new Reading(source, m, p).scenario());
  }

  /** One file being read: its problems, its model and the ids seen so far. */
  private final class Reading {
    private final String source;
    private final YamlMap m;
    private final Problems problems;
    private StationRigs rigs;
    private Level level = Level.L5;
    private final Set<String> checkIds = new HashSet<>();
    private final Set<String> faultIds = new HashSet<>();
    private final List<String> taskIds = new ArrayList<>();
    private final Map<String, YamlValue> guardPlaces = new HashMap<>();
    private final List<String> clauses = new ArrayList<>();

    Reading(String source, YamlMap m, Problems problems) {
      this.source = source;
      this.m = m;
      this.problems = problems;
    }

    Scenario scenario() {
      DocumentHeader header = DocumentHeader.read(m, problems, "scenario", "l4-operate-estop");
      String id = header.id();
      int version = header.version();
      Localized title = header.title();
      Localized briefing = header.briefing();
      header.level().ifPresent(l -> level = l);
      Skill skill = m.require("skill", problems).flatMap(v -> v.asString(problems).flatMap(s -> {
        Optional<Skill> k = Skill.of(s);
        if (k.isEmpty()) v.problem(problems, "a skill is install, monitor, debug, test, operate or develop");
        return k;
      })).orElse(Skill.OPERATE);
      m.require("clauses", problems).ifPresent(v -> {
        for (YamlValue c : v.asList(problems)) c.asString(problems).ifPresent(ref -> clause(c, ref).ifPresent(clauses::add));
        if (clauses.isEmpty() && problems.isEmpty()) v.problem(problems, "cite at least one clause, e.g. '" + standard.code() + " L5 3.1.3'");
      });
      List<String> rigIds = m.require("rig", problems).map(this::rigs).orElse(List.of("?"));
      Duration limit = m.require("time_limit", problems).flatMap(v -> duration(v)).orElse(Duration.ofMinutes(30));
      double passMark = m.number("pass_mark", problems).orElse((double) standard.passMark());
      if (passMark <= 0 || passMark > 100) m.get("pass_mark").ifPresent(v -> v.problem(problems, "a pass mark is above 0 and at most 100"));
      Setup setup = m.get("setup").flatMap(v -> v.asMap(problems)).map(this::setup).orElse(new Setup(Map.of(), false, 1, "running", List.of()));
      List<FaultDef> faults = m.list("faults", problems, (v, p) -> v.asMap(p).flatMap(this::fault));
      List<TaskDef> tasks = m.list("tasks", problems, (v, p) -> v.asMap(p).flatMap(this::task));
      if (tasks.isEmpty()) m.require("tasks", problems);
      tasks.forEach(t -> taskIds.add(t.id()));
      guards(tasks);
      List<ReferenceStep> reference = m.list("reference", problems, (v, p) -> v.asMap(p).flatMap(this::step));
      if (reference.isEmpty()) m.require("reference", problems);
      Map<String, Integer> judgements = judgements(tasks);
      m.rejectUnknown(problems);
      return new Scenario(id, version, title, briefing, level, skill, clauses, rigIds, limit, passMark, setup, faults, tasks,
          reference, judgements, source);
    }

    /** The station's rig models: one (rig: tank-process) or, for joint work, several (rig: [tank-process, motor-vibration]). */
    private List<String> rigs(YamlValue v) {
      List<YamlValue> nodes = v.isList() ? v.asList(problems) : List.of(v);
      List<String> ids = new ArrayList<>();
      List<TwinModel> models = new ArrayList<>();
      for (YamlValue n : nodes) {
        n.asString(problems).ifPresent(rig -> {
          if (ids.contains(rig)) {
            n.problem(problems, "rig '" + rig + "' is named twice: a station has one rig of each model");
          } else if (ModelLibrary.BUILT_IN.contains(rig)) {
            models.add(ModelLibrary.loadBuiltIn(rig));
          } else {
            n.problem(problems, "no rig model '" + rig + "' (" + String.join(", ", ModelLibrary.BUILT_IN) + ")");
          }
          ids.add(rig);
        });
      }
      if (ids.isEmpty()) {
        v.problem(problems, "name the station's rig model, or a list of them for joint work");
        return List.of("?");
      }
      if (models.size() == ids.size()) {
        StationRigs station = new StationRigs(models);
        station.clash().ifPresentOrElse(
            c -> v.problem(problems, "these rigs cannot share a station: both have a " + c + ", so checks could not tell them apart"),
            () -> rigs = station);
      }
      return ids;
    }

    private Optional<String> clause(YamlValue at, String ref) {
      Optional<String> why = standard.explain(ref);
      if (why.isPresent()) {
        at.problem(problems, why.get());
        return Optional.empty();
      }
      Clause c = standard.clause(ref).orElseThrow();
      if (c.level() != level) {
        at.problem(problems, ref + " is a level " + c.level().number() + " clause; this scenario is level " + level.number());
        return Optional.empty();
      }
      return Optional.of(c.reference());
    }

    private Optional<Duration> duration(YamlValue v) {
      return DocumentHeader.duration(v, problems, "30s, 20m or 1m30s");
    }

    private Setup setup(YamlMap s) {
      Map<String, Object> writes = new LinkedHashMap<>();
      boolean idle = false;
      long seed = 1;
      Optional<YamlMap> rigMap = s.get("rig").flatMap(v -> v.asMap(problems));
      if (rigMap.isPresent()) {
        YamlMap r = rigMap.get();
        idle = r.bool("idle", false, problems);
        seed = r.get("seed").flatMap(v -> v.asLong(problems)).orElse(1L);
        r.get("writes").flatMap(v -> v.asMap(problems)).ifPresent(w -> {
          for (String key : w.keys()) {
            YamlValue value = w.get(key).orElseThrow();
            if (rigs != null && !rigs.hasProperty(key)) value.problem(problems, rigs.lacksProperty(key));
            writes.put(key, value.asScalar(problems));
          }
        });
        r.rejectUnknown(problems);
      }
      String twin = s.string("twin", problems).orElse("running");
      if (!Setup.TWIN_STATES.contains(twin)) {
        s.get("twin").ifPresent(v -> v.problem(problems, "the twin starts " + String.join(", ", Setup.TWIN_STATES)));
      }
      List<Map<String, Object>> bindings = new ArrayList<>();
      s.get("bindings").ifPresent(v -> {
        for (YamlValue b : v.asList(problems)) {
          b.asMap(problems).ifPresent(bm -> {
            Optional<String> prop = bm.requireString("property", problems);
            prop.filter(p -> rigs != null && !rigs.hasProperty(p)).ifPresent(p -> bm.get("property")
                .ifPresent(pv -> pv.problem(problems, rigs.lacksProperty(p))));
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = (Map<String, Object>) Plain.of(b, problems);
            bindings.add(plain);
          });
        }
      });
      s.rejectUnknown(problems);
      return new Setup(writes, idle, seed, twin, bindings);
    }

    private Optional<FaultDef> fault(YamlMap f) {
      Optional<String> id = f.requireString("id", problems);
      id.ifPresent(i -> {
        if (!Ids.isId(i)) f.get("id").ifPresent(v -> v.problem(problems, "'" + i + "' is not an id: lower case letters, digits and _"));
        if (!faultIds.add(i)) f.get("id").ifPresent(v -> v.problem(problems, "fault id '" + i + "' is used twice"));
      });
      Optional<String> kind = f.requireString("kind", problems);
      kind.filter(k -> !FaultDef.KINDS.contains(k)).ifPresent(k -> f.get("kind").ifPresent(v ->
          v.problem(problems, "a fault kind is one of " + String.join(", ", FaultDef.KINDS))));
      String target = f.string("target", problems).orElse("*");
      if (!"communication_loss".equals(kind.orElse("")) && !f.has("target")) f.require("target", problems);
      if ("communication_loss".equals(kind.orElse(""))) {
        // a link goes down on one rig of the station: the first unless the target names another
        if (f.has("target") && rigs != null && rigs.models().stream().noneMatch(r -> r.id().equals(target))) {
          f.get("target").ifPresent(v -> v.problem(problems, "a communication loss targets one of the station's rigs: "
              + String.join(", ", rigs.models().stream().map(TwinModel::id).toList())));
        }
      } else if (f.has("target") && rigs != null && FaultDef.ON_COMPONENTS.contains(kind.orElse(""))) {
        // a jam or wear acts on a component (pump, pusher2, vibration), not on one of its signals
        if (!rigs.hasComponent(target)) {
          f.get("target").ifPresent(v -> v.problem(problems, rigs.lacksComponent(target)));
        }
      } else if (f.has("target") && rigs != null && !rigs.hasProperty(target)) {
        f.get("target").ifPresent(v -> v.problem(problems, rigs.lacksProperty(target)));
      }
      Map<String, Object> parameters = new LinkedHashMap<>();
      for (String p : FaultParameters.ALL) {
        f.get(p).ifPresent(v -> {
          Object value = v.asScalar(problems);
          kind.filter(FaultDef.KINDS::contains).flatMap(k -> FaultParameters.problem(k, p, value)).ifPresent(why -> v.problem(problems, why));
          parameters.put(p, value);
        });
      }
      kind.flatMap(FaultParameters::required).filter(p -> !parameters.containsKey(p))
          .ifPresent(p -> f.require(p, problems));
      Optional<Duration> at = f.get("at").flatMap(this::duration);
      Optional<YamlValue> on = f.get("on");
      Optional<Expr> trigger = on.flatMap(this::expression);
      if (at.isPresent() == on.isPresent()) f.self().problem(problems, "give exactly one of at: <time after the start> or on: <condition>");
      Optional<Duration> lasting = f.get("lasting").flatMap(this::duration);
      boolean hidden = f.bool("hidden", true, problems);
      f.rejectUnknown(problems);
      if (id.isEmpty() || kind.isEmpty()) return Optional.empty();
      return Optional.of(new FaultDef(id.get(), kind.get(), target, parameters, at, trigger,
          on.flatMap(YamlValue::text).orElse(""), lasting, hidden));
    }

    private Optional<Expr> expression(YamlValue v) {
      return v.asString(problems).flatMap(text -> {
        try {
          Expr e = CheckParser.parseExpression(text);
          for (Expr ref : CheckParser.references(e)) checkReference(ref, v);
          return Optional.of(e);
        } catch (ExprSyntaxException ex) {
          problems.add(v.locationWithin(ex.column()), v.path(), ex.getMessage());
          return Optional.empty();
        }
      });
    }

    private Optional<TaskDef> task(YamlMap t) {
      Optional<String> id = t.requireString("id", problems);
      Optional<Localized> prompt = t.require("prompt", problems).flatMap(v -> ModelLoader.localized(v, problems));
      double weight = t.number("weight", problems).orElse(1.0);
      if (weight <= 0) t.get("weight").ifPresent(v -> v.problem(problems, "a weight is above 0"));
      Optional<String> clause = t.get("clause").flatMap(v -> v.asString(problems).flatMap(ref -> clause(v, ref)));
      if (clause.isPresent() && !clauses.contains(clause.get())) {
        t.get("clause").ifPresent(v -> v.problem(problems, clause.get() + " is not among the scenario's clauses"));
      }
      String taskClause = clause.orElse(clauses.isEmpty() ? "" : clauses.get(0));
      List<CheckDef> checks = t.list("checks", problems, (v, p) -> v.asMap(p).flatMap(c -> check(c, taskClause)));
      if (checks.isEmpty()) t.require("checks", problems);
      t.rejectUnknown(problems);
      if (id.isEmpty() || prompt.isEmpty()) return Optional.empty();
      return Optional.of(new TaskDef(id.get(), prompt.get(), weight, taskClause, checks));
    }

    private Optional<CheckDef> check(YamlMap c, String taskClause) {
      Optional<String> id = c.requireString("id", problems);
      id.ifPresent(i -> {
        if (!checkIds.add(i)) c.get("id").ifPresent(v -> v.problem(problems, "check id '" + i + "' is used twice in this scenario"));
      });
      double points = c.number("points", problems).orElse(1.0);
      if (points <= 0) c.get("points").ifPresent(v -> v.problem(problems, "points are above 0"));
      Optional<YamlValue> measureNode = c.get("measure");
      Optional<YamlValue> judgeNode = c.get("judge");
      if (measureNode.isPresent() == judgeNode.isPresent()) {
        c.self().problem(problems, "a check is either measure: <check> (judged by the engine) or judge: {en, zh} (marked by examiners)");
      }
      Optional<Check> measure = measureNode.flatMap(this::measure);
      Optional<Localized> judge = judgeNode.flatMap(v -> ModelLoader.localized(v, problems));
      Optional<Rubric> rubric = Optional.empty();
      List<String> evidence = List.of();
      if (judgeNode.isPresent()) {
        rubric = c.get("rubric").flatMap(this::rubric);
        if (!c.has("rubric")) {
          problems.add(c.self().location(), c.self().path() + ".rubric",
              "a judged check gives its rubric: what earns each mark, rubric: {0: {en, zh}, 1: …, 2: …, 3: …}");
        }
        evidence = c.get("evidence").map(this::evidence).orElse(List.of());
      } else {
        for (String only : List.of("rubric", "evidence")) {
          c.get(only).ifPresent(v -> v.problem(problems, only + ": belongs to a judged check (judge: {en, zh}); a measurement is judged by the engine"));
        }
      }
      Optional<String> clause = c.get("clause").flatMap(v -> v.asString(problems).flatMap(ref -> clause(v, ref)));
      boolean hidden = c.bool("hidden", false, problems);
      Optional<YamlValue> guardsNode = c.get("guards");
      Optional<String> guards = guardsNode.flatMap(v -> v.asString(problems));
      Optional<Localized> name = c.get("name").flatMap(v -> ModelLoader.localized(v, problems));
      c.rejectUnknown(problems);
      if (id.isEmpty() || (measure.isEmpty() && judge.isEmpty())) return Optional.empty();
      guards.ifPresent(g -> guardsNode.ifPresent(v -> guardPlaces.put(id.get(), v)));
      return Optional.of(new CheckDef(id.get(), measure.isPresent() ? CheckDef.Kind.MEASUREMENT : CheckDef.Kind.JUDGEMENT, points,
          measure, measureNode.flatMap(YamlValue::text).orElse(""), judge, rubric, evidence, clause, hidden, guards, name));
    }

    /** A judged check's rubric: a descriptor {en, zh} for every mark 0 to 3, so each mark means the same to every examiner. */
    private Optional<Rubric> rubric(YamlValue v) {
      return v.asMap(problems).flatMap(r -> {
        List<Localized> descriptors = new ArrayList<>();
        for (int mark = 0; mark <= CheckDef.JUDGEMENT_SCALE; mark++) {
          String key = String.valueOf(mark);
          Optional<Localized> d = r.get(key).flatMap(x -> ModelLoader.localized(x, problems));
          if (r.get(key).isEmpty()) {
            problems.add(r.node(key).map(YamlValue::location).orElse(r.self().location()), r.self().path() + "." + key,
                "give the descriptor of mark " + mark + ": what earns it, {en, zh} (a rubric describes every mark 0 to " + CheckDef.JUDGEMENT_SCALE + ")");
          }
          d.ifPresent(descriptors::add);
        }
        r.rejectUnknown(problems);
        return descriptors.size() == CheckDef.JUDGEMENT_SCALE + 1 ? Optional.of(new Rubric(descriptors)) : Optional.empty();
      });
    }

    /** The action kinds a judgement is marked on, when the check names them. */
    private List<String> evidence(YamlValue v) {
      List<String> kinds = new ArrayList<>();
      List<YamlValue> items = v.asList(problems);
      if (items.isEmpty() && v.isList()) v.problem(problems, "name the action kinds the judgement is marked on, e.g. [report, binding_edit]");
      for (YamlValue k : items) {
        k.asString(problems).ifPresent(kind -> {
          if (!Actions.KINDS.contains(kind)) {
            k.problem(problems, "no action '" + kind + "'" + NearName.hint(kind, Actions.KINDS) + " (" + String.join(", ", Actions.KINDS) + ")");
          } else if (!kinds.contains(kind)) {
            kinds.add(kind);
          }
        });
      }
      return kinds;
    }

    private Optional<Check> measure(YamlValue v) {
      return v.asString(problems).flatMap(text -> {
        try {
          Check check = CheckParser.parse(text);
          for (Expr ref : CheckParser.references(check)) checkReference(ref, v);
          return Optional.of(check);
        } catch (ExprSyntaxException ex) {
          problems.add(v.locationWithin(ex.column()), v.path(), ex.getMessage());
          return Optional.empty();
        }
      });
    }

    /** A name in a check must exist: the model's properties and alarms, the scenario's faults, the known actions. */
    private void checkReference(Expr ref, YamlValue at) {
      if (ref instanceof Expr.Signal s) {
        String ns = s.name().substring(0, s.name().indexOf('.'));
        String rest = s.name().substring(ns.length() + 1);
        if (rigs == null) return;
        boolean known = ns.equals("alarm")
            ? rigs.hasAlarm(rest)
            : rigs.hasProperty(rest) || (ns.equals("twin") && rest.equals("lifecycle"));
        if (!known) problems.add(at.locationWithin(s.column()), at.path(), ns.equals("alarm") ? rigs.lacksAlarm(rest) : rigs.lacksProperty(rest));
      } else if (ref instanceof Expr.EventMatch e) {
        String rest = e.kind().substring(e.kind().indexOf('.') + 1);
        if (e.kind().startsWith("action.") && !Actions.KINDS.contains(rest)) {
          problems.add(at.locationWithin(e.column()), at.path(), "no action '" + rest + "'" + NearName.hint(rest, Actions.KINDS)
              + " (" + String.join(", ", Actions.KINDS) + ")");
        } else if (e.kind().startsWith("fault.") && !faultIds.contains(rest)) {
          problems.add(at.locationWithin(e.column()), at.path(), "no fault '" + rest + "' in this scenario" + NearName.hint(rest, faultIds));
        } else if (e.kind().startsWith("watch.") && !rest.equals("fired")) {
          problems.add(at.locationWithin(e.column()), at.path(), "a watch's event is watch.fired, not watch." + rest);
        }
        EventFilters.check(e, rigs, (column, message) -> problems.add(at.locationWithin(column), at.path(), message));
      }
    }

    private Optional<ReferenceStep> step(YamlMap s) {
      Optional<Duration> at = s.get("at").flatMap(this::duration);
      Optional<YamlValue> whenNode = s.get("when");
      Optional<Expr> when = whenNode.flatMap(this::expression);
      if (at.isPresent() == whenNode.isPresent()) s.self().problem(problems, "give exactly one of at: <time> or when: <condition>");
      Optional<String> action = s.requireString("do", problems);
      Optional<YamlValue> taskNode = s.get("task");
      Optional<String> task = taskNode.flatMap(v -> v.asString(problems));
      task.filter(t -> !taskIds.contains(t)).ifPresent(t -> taskNode.get().problem(problems,
          "no task '" + t + "' in this scenario" + NearName.hint(t, taskIds) + " (" + String.join(", ", taskIds) + ")"));
      action.filter(a -> !Actions.KINDS.contains(a)).ifPresent(a -> s.get("do").ifPresent(v ->
          v.problem(problems, "no action '" + a + "'" + NearName.hint(a, Actions.KINDS) + " (" + String.join(", ", Actions.KINDS) + ")")));
      Map<String, Object> with = new LinkedHashMap<>();
      Optional<String> known = action.filter(Actions.KINDS::contains);
      ReferenceFields fields = new ReferenceFields(rigs, problems);
      if (known.isPresent() && !s.has("with")) fields.absent(known.get(), s);
      s.get("with").ifPresent(v -> {
        // a separate view of the mapping, so that its own unknown fields are told apart
        known.ifPresent(kind -> v.asMap(new Problems()).ifPresent(w -> fields.check(kind, w)));
        Object plain = Plain.of(v, problems);
        if (plain instanceof Map<?, ?> map) map.forEach((k, x) -> with.put(String.valueOf(k), x));
        else v.problem(problems, "with: is a mapping of the action's fields");
      });
      s.rejectUnknown(problems);
      if (action.isEmpty()) return Optional.empty();
      return Optional.of(new ReferenceStep(at, when, whenNode.flatMap(YamlValue::text).orElse(""), action.get(), with, task));
    }

    /**
     * A guard names another check of the scenario; guards may chain (a guard of a guard earns once
     * the whole chain has), but never go round in a circle, where nothing could ever earn.
     */
    private void guards(List<TaskDef> tasks) {
      Map<String, CheckDef> byId = new LinkedHashMap<>();
      tasks.forEach(t -> t.checks().forEach(c -> byId.put(c.id(), c)));
      for (CheckDef c : byId.values()) {
        if (c.guards().isEmpty()) continue;
        String guarded = c.guards().get();
        YamlValue at = guardPlaces.get(c.id());
        if (guarded.equals(c.id())) {
          at.problem(problems, "a check cannot guard itself");
        } else if (!byId.containsKey(guarded)) {
          at.problem(problems, "no check '" + guarded + "' in this scenario" + NearName.hint(guarded, List.copyOf(byId.keySet())));
        } else {
          List<String> chain = new ArrayList<>(List.of(c.id()));
          Optional<String> next = Optional.of(guarded);
          while (next.isPresent() && byId.containsKey(next.get()) && !chain.contains(next.get())) {
            chain.add(next.get());
            next = byId.get(next.get()).guards();
          }
          if (next.isPresent() && next.get().equals(c.id())) {
            chain.add(c.id());
            at.problem(problems, "guards go round in a circle, so none of them could earn: " + String.join(" → ", chain));
          }
        }
      }
    }

    private Map<String, Integer> judgements(List<TaskDef> tasks) {
      Map<String, Integer> out = new LinkedHashMap<>();
      Optional<YamlMap> given = m.get("judgements").flatMap(v -> v.asMap(problems));
      Set<String> judged = new HashSet<>();
      tasks.forEach(t -> t.checks().stream().filter(c -> c.kind() == org.twinlab.scenarios.model.CheckDef.Kind.JUDGEMENT)
          .forEach(c -> judged.add(c.id())));
      given.ifPresent(g -> {
        for (String key : g.keys()) {
          YamlValue v = g.get(key).orElseThrow();
          if (!judged.contains(key)) v.problem(problems, "no judged check '" + key + "' in this scenario");
          v.asLong(problems).ifPresent(n -> {
            if (n < 0 || n > CheckDef.JUDGEMENT_SCALE) v.problem(problems, "a mark is 0 to " + CheckDef.JUDGEMENT_SCALE);
            else out.put(key, n.intValue());
          });
        }
      });
      for (String id : judged) {
        if (!out.containsKey(id) && problems.isEmpty()) {
          m.self().problem(problems, "judgements: give the mark (0-3) the reference solution earns on judged check '" + id + "'");
        }
      }
      return out;
    }
  }
}
