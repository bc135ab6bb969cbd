package org.twinlab.scenarios.exam;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.twinlab.models.Localized;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.scenarios.load.DocumentHeader;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.NearName;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.standard.Clause;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.SkillFunction;
import org.twinlab.scenarios.standard.Standard;

/**
 * Reads an exam file against the scenario library and the standard. Every problem is reported at
 * once at {@code file:line:column} with its field: an unknown scenario or task, a scenario of
 * another level, a time limit under the standard's 120 minutes or below the parts' budgets, parts
 * that cannot share one station, and a level function no part assesses.
 *
 * <p>The station: every part must run on the same station rig (the first rig model of its
 * scenario); the exam's station carries every rig any part names, so a joint-work part brings its
 * second rig along.
 */
public final class ExamLoader {
  /** The standard's shortest practical skill test (§1.9). */
  public static final Duration MINIMUM = Duration.ofMinutes(120);

  private final Standard standard;
  private final Map<String, Scenario> library;

  public ExamLoader(Standard standard, List<Scenario> library) {
    this.standard = standard;
    this.library = library.stream().collect(Collectors.toMap(Scenario::id, Function.identity(), (a, b) -> a,
        java.util.LinkedHashMap::new));
  }

  public Exam load(Path file) throws InvalidInputException, IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return load(file.toString(), r);
    }
  }

  public Exam load(String source, Reader text) throws InvalidInputException {
    return YamlDocument.parse(source, text).readMapping((m, p) -> new Reading(source, m, p).exam());
  }

  private final class Reading {
    private final String source;
    private final YamlMap m;
    private final Problems problems;
    private Level level = Level.L5;

    Reading(String source, YamlMap m, Problems problems) {
      this.source = source;
      this.m = m;
      this.problems = problems;
    }

    Exam exam() {
      DocumentHeader header = DocumentHeader.read(m, problems, "exam", "l4-practical");
      String id = header.id();
      int version = header.version();
      Localized title = header.title();
      Localized briefing = header.briefing();
      header.level().ifPresent(l -> level = l);
      Optional<YamlValue> limitAt = m.require("time_limit", problems);
      Duration limit = limitAt.flatMap(this::duration).orElse(MINIMUM);
      if (limit.compareTo(MINIMUM) < 0) {
        limitAt.ifPresent(v -> v.problem(problems, "a practical skill test lasts at least 120m (" + standard.code() + " §1.9)"));
      }
      Exam.Order order = m.get("order").flatMap(v -> v.asString(problems).flatMap(s -> {
        Optional<Exam.Order> o = switch (s) {
          case "given" -> Optional.of(Exam.Order.GIVEN);
          case "candidate" -> Optional.of(Exam.Order.CANDIDATE);
          default -> Optional.empty();
        };
        if (o.isEmpty()) v.problem(problems, "an order is given (the exam's) or candidate (the candidate picks the next part)");
        return o;
      })).orElse(Exam.Order.GIVEN);
      double passMark = m.number("pass_mark", problems).orElse((double) standard.passMark());
      if (passMark <= 0 || passMark > 100) m.get("pass_mark").ifPresent(v -> v.problem(problems, "a pass mark is above 0 and at most 100"));
      List<ExamPart> parts = m.list("parts", problems, (v, p) -> v.asMap(p).flatMap(this::part));
      if (parts.isEmpty() && problems.isEmpty()) m.require("parts", problems);
      Set<String> seen = new LinkedHashSet<>();
      for (ExamPart part : parts) {
        if (!seen.add(part.id())) m.get("parts").ifPresent(v -> v.problem(problems, "scenario '" + part.id() + "' is set twice"));
      }
      Duration budgets = parts.stream().map(ExamPart::time).reduce(Duration.ZERO, Duration::plus);
      if (budgets.compareTo(limit) > 0) {
        limitAt.ifPresent(v -> v.problem(problems, "the parts' times add up to " + minutes(budgets) + ", over the exam's " + minutes(limit)));
      }
      List<String> rigs = station(parts);
      functions(parts);
      m.rejectUnknown(problems);
      return new Exam(id, version, title, briefing, level, limit, order, passMark, parts, rigs, source);
    }

    private Optional<ExamPart> part(YamlMap p) {
      Optional<YamlValue> at = p.require("scenario", problems);
      Optional<Scenario> scenario = at.flatMap(v -> v.asString(problems).flatMap(name -> {
        Scenario s = library.get(name);
        if (s == null) {
          v.problem(problems, "no library scenario '" + name + "'" + NearName.hint(name, List.copyOf(library.keySet())));
        } else if (s.level() != level) {
          v.problem(problems, "'" + name + "' is a level " + s.level().number() + " scenario; this exam is level " + level.number());
        }
        return Optional.ofNullable(s);
      }));
      List<String> tasks = new ArrayList<>();
      Optional<YamlValue> tasksAt = p.get("tasks");
      tasksAt.ifPresent(v -> {
        for (YamlValue t : v.asList(problems)) {
          t.asString(problems).ifPresent(name -> {
            List<String> known = scenario.map(s -> s.tasks().stream().map(TaskDef::id).toList()).orElse(List.of());
            if (scenario.isPresent() && !known.contains(name)) {
              t.problem(problems, "scenario '" + scenario.get().id() + "' has no task '" + name + "'" + NearName.hint(name, known));
            } else if (tasks.contains(name)) {
              t.problem(problems, "task '" + name + "' is named twice");
            } else {
              tasks.add(name);
            }
          });
        }
        if (tasks.isEmpty() && problems.isEmpty()) v.problem(problems, "name at least one task, or leave tasks out for all");
      });
      Optional<Duration> time = p.get("time").flatMap(this::duration);
      p.rejectUnknown(problems);
      if (scenario.isEmpty()) return Optional.empty();
      Scenario s = scenario.get();
      List<String> chosen = tasks.isEmpty() ? s.tasks().stream().map(TaskDef::id).toList() : tasks;
      Duration budget = time.orElse(s.timeLimit());
      return Optional.of(new ExamPart(timed(only(s, chosen), budget), chosen, budget));
    }

    /** Every part on the same station rig; the exam's station carries all their rigs. */
    private List<String> station(List<ExamPart> parts) {
      List<String> rigs = new ArrayList<>();
      if (parts.isEmpty()) return rigs;
      String rig = parts.get(0).scenario().rig();
      for (ExamPart part : parts) {
        if (!part.scenario().rig().equals(rig)) {
          m.get("parts").ifPresent(v -> v.problem(problems, "'" + part.id() + "' runs on the " + part.scenario().rig()
              + " station; this exam's parts run on the " + rig + " station (one station for the whole exam)"));
        }
        part.scenario().rigs().stream().filter(r -> !rigs.contains(r)).forEach(rigs::add);
      }
      return rigs;
    }

    /** The exam assesses every function of its level, or it cannot be weighed as the standard's table. */
    private void functions(List<ExamPart> parts) {
      if (!problems.isEmpty()) return;
      Set<String> assessed = new LinkedHashSet<>();
      for (ExamPart part : parts) {
        for (TaskDef t : part.scenario().tasks()) {
          for (CheckDef c : t.checks()) {
            standard.clause(c.clause().orElse(t.clause())).map(Clause::function).map(SkillFunction::key).ifPresent(assessed::add);
          }
        }
      }
      for (SkillFunction f : standard.functions(level)) {
        if (!assessed.contains(f.key())) {
          m.get("parts").ifPresent(v -> v.problem(problems, "no part assesses function " + f.number() + " " + f.key()
              + " (" + f.name().en() + ") of level " + level.number() + "; an exam assesses every function of its level"));
        }
      }
    }

    private Optional<Duration> duration(YamlValue v) {
      return DocumentHeader.duration(v, problems, "120m or 2h");
    }
  }

  /** The scenario as the part sets it: run for the part's time, which a live station's clock takes from the scenario. */
  static Scenario timed(Scenario s, Duration time) {
    if (s.timeLimit().equals(time)) return s;
    return new Scenario(s.id(), s.version(), s.title(), s.briefing(), s.level(), s.skill(), s.clauses(), s.rigs(), time, s.passMark(),
        s.setup(), s.faults(), s.tasks(), s.reference(), s.judgements(), s.source());
  }

  /** The scenario with only the chosen tasks, and only the clauses they still cite. */
  static Scenario only(Scenario s, List<String> tasks) {
    List<TaskDef> kept = s.tasks().stream().filter(t -> tasks.contains(t.id())).toList();
    if (kept.size() == s.tasks().size()) return s;
    Set<String> cited = new LinkedHashSet<>();
    for (TaskDef t : kept) {
      cited.add(t.clause());
      t.checks().forEach(c -> c.clause().ifPresent(cited::add));
    }
    List<String> clauses = s.clauses().stream().filter(cited::contains).toList();
    // the reference solves only the tasks set: a step of a task left out would be evidence for nothing
    List<ReferenceStep> steps = s.reference().stream().filter(r -> r.task().map(tasks::contains).orElse(true)).toList();
    Set<String> checks = new LinkedHashSet<>();
    kept.forEach(t -> t.checks().forEach(c -> checks.add(c.id())));
    Map<String, Integer> judgements = new LinkedHashMap<>(s.judgements());
    judgements.keySet().retainAll(checks);
    return new Scenario(s.id(), s.version(), s.title(), s.briefing(), s.level(), s.skill(), clauses.isEmpty() ? s.clauses() : clauses,
        s.rigs(), s.timeLimit(), s.passMark(), s.setup(), s.faults(), kept, steps, judgements, s.source());
  }

  private static String minutes(Duration d) {
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }
}
