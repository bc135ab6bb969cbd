package org.twinlab.scenarios.fairness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.FunctionScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.TaskScore;

/**
 * What each task contributes to a score sheet's total, from the weights as Scoring applies them:
 * a check weighs its task's weight times its share of the task's points within its function, and
 * each function weighs its level weight over the functions assessed. The shares add up to the total.
 */
public final class TaskShares {
  private TaskShares() {}

  /** Each task's share of the sheet's total, in points of 100, in the sheet's task order. */
  public static Map<String, Double> of(ScoreSheet sheet) {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (TaskScore t : sheet.tasks()) shares.put(t.task(), 0.0);
    Map<String, String> taskOf = new LinkedHashMap<>();
    for (CheckScore c : sheet.checks()) taskOf.put(c.check(), c.task());
    byCheck(sheet).forEach((check, share) -> shares.merge(taskOf.get(check), share, Double::sum));
    return shares;
  }

  /** Each scored check's share of the sheet's total, in points of 100, in the sheet's check order; they add up to the total. */
  public static Map<String, Double> byCheck(ScoreSheet sheet) {
    Map<String, Double> taskWeight = new LinkedHashMap<>();
    for (TaskScore t : sheet.tasks()) taskWeight.put(t.task(), t.weight());
    Map<String, Double> taskPoints = new LinkedHashMap<>();
    for (CheckScore c : sheet.checks()) taskPoints.merge(c.task(), c.points(), Double::sum);
    Map<String, Double> functionWeight = new LinkedHashMap<>(); // within-function weight of the scored checks
    for (CheckScore c : scored(sheet)) functionWeight.merge(c.function(), weight(c, taskWeight, taskPoints), Double::sum);
    double levelWeights = sheet.functions().stream().filter(f -> f.percent() != null).mapToDouble(FunctionScore::weight).sum();
    Map<String, Double> shares = new LinkedHashMap<>();
    for (CheckScore c : scored(sheet)) {
      FunctionScore f = sheet.functions().stream().filter(x -> x.function().equals(c.function())).findFirst().orElse(null);
      if (f == null || f.percent() == null || levelWeights == 0) continue;
      double inFunction = weight(c, taskWeight, taskPoints) / functionWeight.get(c.function());
      shares.merge(c.check(), 100 * f.weight() / levelWeights * inFunction * c.earned() / c.points(), Double::sum);
    }
    return shares;
  }

  private static List<CheckScore> scored(ScoreSheet sheet) {
    return sheet.checks().stream().filter(c -> c.earned() != null && c.points() > 0).toList();
  }

  private static double weight(CheckScore c, Map<String, Double> taskWeight, Map<String, Double> taskPoints) {
    return taskWeight.getOrDefault(c.task(), 0.0) * c.points() / taskPoints.get(c.task());
  }
}
