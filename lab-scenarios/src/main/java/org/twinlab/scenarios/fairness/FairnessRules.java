package org.twinlab.scenarios.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * The rules every scenario must meet, judged from its scripted candidates' sheets: the reference
 * scores 100; doing nothing scores 0; going through the motions and pressing buttons at random
 * fail, below the pass mark and with at most a third of the points; doing one task alone earns
 * that task's share of the total, within 5 points.
 */
public final class FairnessRules {
  /** At most this many points for a candidate who must fail: a third of the total. */
  public static final double MOST_FOR_A_FAIL = 100.0 / 3;
  /** How far a task-alone candidate may be from its task's share. */
  public static final double SHARE_TOLERANCE = 5.0;
  private static final double EPSILON = 1e-6;

  private FairnessRules() {}

  /**
   * @param tasksMustHaveSteps whether a task without reference steps of its own is a broken rule
   *     (it is once the library's reference steps all say their task)
   */
  public static List<Broken> check(Scenario scenario, List<Played> played, boolean tasksMustHaveSteps) {
    List<Broken> out = new ArrayList<>();
    ScoreSheet reference = null;
    for (Played p : played) {
      ScoreSheet s = p.sheet();
      switch (p.kind()) {
        case REFERENCE -> {
          reference = s;
          if (Math.abs(s.total() - 100) > EPSILON) out.add(new Broken(Rule.REFERENCE_SCORES_100, "the reference solution scores " + points(s.total()) + ", not 100"));
        }
        case IDLE -> {
          if (s.total() > EPSILON) out.add(new Broken(Rule.IDLE_SCORES_0, "idle scores " + points(s.total()) + " for " + passedChecks(s)));
        }
        case MOTIONS -> mustFail(s, p.candidate(), Rule.MOTIONS_FAILS).ifPresent(out::add);
        case RANDOM -> { } // judged together below
        case TASK_ALONE -> { } // needs the reference's shares
      }
    }
    List<Played> random = played.stream().filter(p -> p.kind() == Played.Kind.RANDOM).toList();
    List<Broken> randomBroken = random.stream().flatMap(p -> mustFail(p.sheet(), p.candidate(), Rule.RANDOM_FAILS).stream()).toList();
    if (!randomBroken.isEmpty()) {
      out.add(new Broken(Rule.RANDOM_FAILS, randomBroken.size() + " of " + random.size() + " random candidates: "
          + randomBroken.stream().limit(3).map(Broken::message).collect(Collectors.joining("; ")) + (randomBroken.size() > 3 ? "; …" : "")));
    }
    if (reference != null) {
      Map<String, Double> shares = TaskShares.of(reference);
      for (Played p : played) {
        if (p.kind() != Played.Kind.TASK_ALONE) continue;
        String task = p.task().orElseThrow();
        double share = shares.getOrDefault(task, 0.0);
        if (Math.abs(p.sheet().total() - share) > SHARE_TOLERANCE + EPSILON) {
          out.add(new Broken(Rule.TASK_ALONE_EARNS_ITS_SHARE, "task " + task + " alone scores " + points(p.sheet().total())
              + ", its share is " + points(share) + " (" + passedChecks(p.sheet()) + ")"));
        }
      }
    }
    if (tasksMustHaveSteps) {
      for (var t : scenario.tasks()) {
        boolean alone = played.stream().anyMatch(p -> p.kind() == Played.Kind.TASK_ALONE && p.task().orElse("").equals(t.id()));
        if (!alone) out.add(new Broken(Rule.EVERY_TASK_HAS_STEPS, "task " + t.id() + " has no reference steps of its own"));
      }
    }
    return out;
  }

  /** Whether a sheet fails as one must that did nothing worth points. */
  public static boolean failsClearly(ScoreSheet s) {
    return !s.passed() && s.total() <= MOST_FOR_A_FAIL + EPSILON;
  }

  private static java.util.Optional<Broken> mustFail(ScoreSheet s, String who, Rule rule) {
    if (failsClearly(s)) return java.util.Optional.empty();
    String how = s.passed() ? "passes with " + points(s.total()) : "scores " + points(s.total()) + ", more than a third";
    return java.util.Optional.of(new Broken(rule, who + " " + how + " for " + passedChecks(s)));
  }

  /** The checks that earned points, for saying where the points came from. */
  static String passedChecks(ScoreSheet s) {
    List<String> ids = s.checks().stream().filter(c -> c.earned() != null && c.earned() > 0).map(CheckScore::check).toList();
    return ids.isEmpty() ? "no check" : String.join(", ", ids);
  }

  private static String points(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
