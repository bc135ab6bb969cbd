package org.twinlab.scenarios.exam;

import java.util.List;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * A candidate's result on an exam: each part's own sheet, each function of the level in points with
 * its weighted contribution, the total out of 100 and pass or fail.
 *
 * @param undecided points not decided yet (pending, unmarked): counted as possible, not earned
 */
public record ExamSheet(String exam, int version, String level, List<PartScore> parts, List<FunctionPoints> functions,
    double total, double passMark, boolean passed, double undecided) {

  public ExamSheet {
    parts = List.copyOf(parts);
    functions = List.copyOf(functions);
  }

  /** True while some points wait for the run or the examiners: the total can still rise, never fall. */
  public boolean provisional() {
    return undecided > 0;
  }

  /** Pass or fail once every point is decided; pending until then, whatever the total so far. */
  public ScoreSheet.Result result() {
    if (provisional()) return ScoreSheet.Result.PENDING;
    return passed ? ScoreSheet.Result.PASSED : ScoreSheet.Result.FAILED;
  }

  /** A part's own sheet, over its tasks only, and its points. */
  public record PartScore(String part, boolean started, ScoreSheet sheet, double earned, double possible) {}

  /** A function's points over every part, its level weight and its contribution = weight × earned / possible. */
  public record FunctionPoints(String function, Localized name, int weight, double earned, double possible,
      double undecided, Double percent, double contribution) {}
}
