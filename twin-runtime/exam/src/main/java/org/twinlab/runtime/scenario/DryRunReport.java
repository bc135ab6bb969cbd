package org.twinlab.runtime.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.twinlab.scenarios.fairness.Broken;
import org.twinlab.scenarios.fairness.FairnessRules;
import org.twinlab.scenarios.fairness.Played;
import org.twinlab.scenarios.fairness.Rule;
import org.twinlab.scenarios.fairness.TaskShares;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * A dry run as trainers read it: one row per candidate (score, pass or fail, the checks that
 * earned points and why) and the rules' verdict; or the same as one JSON document for tools.
 */
public final class DryRunReport {
  /** How much of a verdict's reason a table shows. */
  static final int REASON_CHARS = 60;

  private DryRunReport() {}

  /** The table and the rules' verdict, as text. */
  public static void print(DryRun.Result r, PrintWriter out) {
    Map<String, Double> shares = TaskShares.of(r.reference().sheet());
    int width = Math.max(12, r.played().stream().mapToInt(p -> p.candidate().length()).max().orElse(0));
    out.printf("%-" + width + "s  %6s  %-4s  %s%n", "candidate", "score", "", "checks that earned points (why)");
    for (Played p : r.played()) {
      ScoreSheet s = p.sheet();
      String share = p.task().map(t -> String.format(Locale.ROOT, " [share %.1f]", shares.getOrDefault(t, 0.0))).orElse("");
      out.printf(Locale.ROOT, "%-" + width + "s  %6.1f  %-4s  %s%s%n", p.candidate(), s.total(), s.passed() ? "PASS" : "FAIL",
          p.kind() == Played.Kind.REFERENCE ? "all " + earning(s).size() + " of " + s.checks().size() + " checks" : why(s), share);
    }
    out.println(r.broken().isEmpty() ? "rules: all met" : "rules: " + r.broken().size() + " broken");
    for (Rule rule : Rule.values()) {
      List<Broken> broken = r.broken().stream().filter(b -> b.rule() == rule).toList();
      if (broken.isEmpty()) {
        out.printf("  ok    %s: %s%n", rule.key(), rule.says());
      } else {
        broken.forEach(b -> out.printf("  BROKE %s: %s%n", rule.key(), b.message()));
      }
    }
  }

  /** The same as JSON: the shape the CLI's {@code --json} and the trainer page's dry run share. */
  public static JsonObject json(DryRun.Result r) {
    Map<String, Double> shares = TaskShares.of(r.reference().sheet());
    JsonArray candidates = new JsonArray();
    for (Played p : r.played()) {
      JsonArray checks = new JsonArray();
      for (CheckScore c : p.sheet().checks()) {
        checks.add(new JsonObject().put("check", c.check()).put("task", c.task()).put("status", c.status().name().toLowerCase(Locale.ROOT))
            .put("earned", c.earned()).put("points", c.points()).put("because", c.because()));
      }
      candidates.add(new JsonObject().put("candidate", p.candidate()).put("kind", kind(p.kind())).put("task", p.task().orElse(null))
          .put("total", p.sheet().total()).put("passed", p.sheet().passed()).put("checks", checks)
          .put("expected", expected(p.kind()).key()).put("verdict", meets(p, shares) ? "ok" : "violation"));
    }
    JsonArray rules = new JsonArray();
    for (Rule rule : Rule.values()) {
      List<String> broken = r.broken().stream().filter(b -> b.rule() == rule).map(Broken::message).toList();
      rules.add(new JsonObject().put("rule", rule.key()).put("says", rule.says()).put("ok", broken.isEmpty()).put("broken", new JsonArray(broken)));
    }
    JsonObject shareJson = new JsonObject();
    shares.forEach(shareJson::put);
    JsonArray findings = new JsonArray();
    r.broken().forEach(b -> findings.add(new JsonObject().put("rule", b.rule().key()).put("says", b.rule().says()).put("message", b.message())));
    return new JsonObject().put("scenario", r.scenario().id()).put("ok", r.ok()).put("passMark", r.scenario().passMark())
        .put("candidates", candidates).put("shares", shareJson).put("rules", rules).put("problems", new JsonArray(r.problems()))
        .put("findings", findings);
  }

  /** The rule a kind of scripted candidate is played to test. */
  static Rule expected(Played.Kind k) {
    return switch (k) {
      case REFERENCE -> Rule.REFERENCE_SCORES_100;
      case IDLE -> Rule.IDLE_SCORES_0;
      case MOTIONS -> Rule.MOTIONS_FAILS;
      case RANDOM -> Rule.RANDOM_FAILS;
      case TASK_ALONE -> Rule.TASK_ALONE_EARNS_ITS_SHARE;
    };
  }

  /** Whether one candidate's sheet is what its rule expects, judged as {@link FairnessRules} judges it. */
  static boolean meets(Played p, Map<String, Double> shares) {
    double total = p.sheet().total();
    return switch (p.kind()) {
      case REFERENCE -> Math.abs(total - 100) <= 1e-6;
      case IDLE -> total <= 1e-6;
      case MOTIONS, RANDOM -> FairnessRules.failsClearly(p.sheet());
      case TASK_ALONE -> Math.abs(total - shares.getOrDefault(p.task().orElse(""), 0.0)) <= FairnessRules.SHARE_TOLERANCE + 1e-6;
    };
  }

  /** reference, idle, motions, random, task-alone. */
  static String kind(Played.Kind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static List<CheckScore> earning(ScoreSheet s) {
    return s.checks().stream().filter(c -> c.earned() != null && c.earned() > 0).toList();
  }

  private static String why(ScoreSheet s) {
    List<CheckScore> earned = earning(s);
    if (earned.isEmpty()) return "-";
    return earned.stream().map(c -> c.check() + " (" + shorter(c.because()) + ")").collect(Collectors.joining("; "));
  }

  private static String shorter(String because) {
    String b = because == null ? "" : because.replaceAll("\\s+", " ").strip();
    return b.length() <= REASON_CHARS ? b : b.substring(0, REASON_CHARS - 1) + "…";
  }
}
