package org.twinlab.scenarios.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.standard.Clause;
import org.twinlab.scenarios.standard.SkillFunction;
import org.twinlab.scenarios.standard.Standard;

/**
 * Turns verdicts and marks into a score sheet.
 *
 * <ul>
 *   <li>A measurement earns its points when it passed and none when it failed. A judgement earns
 *       points × mark / 3. An indeterminate or pending check, or an unmarked judgement, is left out
 *       of both earned and possible points and flagged.
 *   <li>A guard check (one that {@code guards} another) earns only once the check it guards has
 *       earned something: a guard of work that failed or earned nothing fails, a guard of work not
 *       decided yet waits with it.
 *   <li>A task's percent is its earned over its possible points.
 *   <li>Each check belongs to the function of its clause (the task's unless it names its own).
 *       Within a function a check weighs its task's weight times its share of the task's points.
 *   <li>The total weighs each function's percent by the level's weight table, over the functions
 *       the scenario assesses; it passes at the scenario's pass mark.
 *   <li>The secured total is the same with every check not decided yet counted as possible and
 *       earning nothing: what the candidate has whatever the open checks come to. While any check
 *       is open the sheet is provisional and has no result yet, only these two figures.
 * </ul>
 */
public final class Scoring {
  private final Standard standard;

  public Scoring(Standard standard) {
    this.standard = standard;
  }

  /** The standard whose weights this scoring applies: two scorings of one standard score alike. */
  public Standard standard() {
    return standard;
  }

  /**
   * @param verdicts the engine's verdict for each measurement, by check id
   * @param marks the examiners' combined mark (0-3) for each judgement, by check id
   */
  public ScoreSheet score(Scenario s, Map<String, Verdict> verdicts, Map<String, Integer> marks) {
    List<CheckScore> checks = new ArrayList<>();
    List<TaskScore> tasks = new ArrayList<>();
    Map<String, double[]> byFunction = new LinkedHashMap<>(); // function key → {weighted earned, weighted possible}
    Map<String, CheckScore> ungated = new LinkedHashMap<>();
    Map<String, String> guardOf = new LinkedHashMap<>();
    for (TaskDef task : s.tasks()) {
      for (CheckDef c : task.checks()) {
        ungated.put(c.id(), checkScore(task, c, verdicts, marks));
        c.guards().ifPresent(g -> guardOf.put(c.id(), g));
      }
    }
    Map<String, CheckScore> gatedScores = new LinkedHashMap<>();
    for (TaskDef task : s.tasks()) {
      double taskPoints = task.checks().stream().mapToDouble(CheckDef::points).sum();
      double earned = 0;
      double possible = 0;
      for (CheckDef c : task.checks()) {
        CheckScore cs = effective(c.id(), guardOf, ungated, gatedScores);
        checks.add(cs);
        double weight = task.weight() * c.points() / taskPoints;
        double[] f = byFunction.computeIfAbsent(cs.function(), k -> new double[3]);
        f[2] += weight;
        if (cs.earned() == null) continue;
        earned += cs.earned();
        possible += c.points();
        f[0] += weight * cs.earned() / c.points();
        f[1] += weight;
      }
      tasks.add(new TaskScore(task.id(), task.weight(), earned, possible, possible == 0 ? null : 100 * earned / possible));
    }
    List<FunctionScore> functions = new ArrayList<>();
    double weighted = 0;
    double weights = 0;
    double securedWeighted = 0;
    double securedWeights = 0;
    for (SkillFunction f : standard.functions(s.level())) {
      double[] acc = byFunction.get(f.key());
      boolean assessed = checks.stream().anyMatch(c -> c.function().equals(f.key()));
      if (!assessed) continue;
      Double percent = acc == null || acc[1] == 0 ? null : 100 * acc[0] / acc[1];
      functions.add(new FunctionScore(f.key(), f.name(), f.weight(), percent));
      if (percent != null) {
        weighted += f.weight() * percent;
        weights += f.weight();
      }
      if (acc != null && acc[2] > 0) {
        securedWeighted += f.weight() * 100 * acc[0] / acc[2];
        securedWeights += f.weight();
      }
    }
    double total = weights == 0 ? 0 : weighted / weights;
    double secured = securedWeights == 0 ? 0 : securedWeighted / securedWeights;
    return new ScoreSheet(s.id(), s.version(), "L" + s.level().number(), checks, tasks, functions, total, s.passMark(),
        total >= s.passMark() - 1e-9, secured);
  }

  /** A check's score once every check up its chain of guards is known (the loader refuses a circle). */
  private static CheckScore effective(String id, Map<String, String> guardOf, Map<String, CheckScore> ungated,
      Map<String, CheckScore> done) {
    CheckScore known = done.get(id);
    if (known != null) return known;
    CheckScore own = ungated.get(id);
    String guarded = guardOf.get(id);
    CheckScore out = guarded == null || !ungated.containsKey(guarded) ? own
        : gated(own, guarded, effective(guarded, guardOf, ungated, done));
    done.put(id, out);
    return out;
  }

  /** A guard's score once the work it guards is known: its own when that work earned, else none or not yet. */
  private static CheckScore gated(CheckScore own, String guardedId, CheckScore guarded) {
    if (guarded == null || own.status() == CheckScore.Status.FAILED || own.earned() == null) return own;
    if (guarded.earned() == null) {
      return new CheckScore(own.check(), own.task(), own.kind(), own.clause(), own.function(), own.points(), null,
          CheckScore.Status.PENDING, "guards '" + guardedId + "', not decided yet");
    }
    if (guarded.earned() > 0) return own;
    return new CheckScore(own.check(), own.task(), own.kind(), own.clause(), own.function(), own.points(), 0.0,
        CheckScore.Status.FAILED, "guards '" + guardedId + "', which earned nothing: " + own.because());
  }

  private CheckScore checkScore(TaskDef task, CheckDef c, Map<String, Verdict> verdicts, Map<String, Integer> marks) {
    String clause = c.clause().orElse(task.clause());
    String function = standard.clause(clause).map(Clause::function).map(SkillFunction::key).orElse("?");
    if (c.kind() == CheckDef.Kind.JUDGEMENT) {
      Integer mark = marks.get(c.id());
      if (mark == null) {
        return new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), null, CheckScore.Status.UNMARKED, "not marked yet");
      }
      double earned = c.points() * mark / CheckDef.JUDGEMENT_SCALE;
      return new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), earned, CheckScore.Status.MARKED,
          "marked " + mark + " of " + CheckDef.JUDGEMENT_SCALE);
    }
    Verdict v = verdicts.get(c.id());
    if (v == null) {
      return new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), null, CheckScore.Status.PENDING, "not judged");
    }
    return switch (v.outcome()) {
      case PASSED -> new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), c.points(), CheckScore.Status.PASSED, v.because());
      case FAILED -> new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), 0.0, CheckScore.Status.FAILED, v.because());
      case INDETERMINATE -> new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), null,
          CheckScore.Status.INDETERMINATE, v.because());
      default -> new CheckScore(c.id(), task.id(), c.kind(), clause, function, c.points(), null, CheckScore.Status.PENDING, v.because());
    };
  }
}
