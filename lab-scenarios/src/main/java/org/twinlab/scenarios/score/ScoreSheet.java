package org.twinlab.scenarios.score;

import java.util.List;

/**
 * A candidate's result on one scenario: every check, task and function, the weighted total and
 * pass or fail. It is provisional while any check is flagged for the examiners, and then it has no
 * result yet ({@link #result()}): only its total over the decided checks and its secured total.
 *
 * @param total the weighted total over the checks decided so far
 * @param passed whether {@code total} reaches the pass mark; a result only once the sheet is final
 * @param secured the weighted total with every open check counted as possible and earning nothing
 */
public record ScoreSheet(String scenario, int version, String level, List<CheckScore> checks, List<TaskScore> tasks,
    List<FunctionScore> functions, double total, double passMark, boolean passed, double secured) {

  /** Pass or fail, or neither while checks are open. */
  public enum Result { PASSED, FAILED, PENDING }

  public ScoreSheet {
    checks = List.copyOf(checks);
    tasks = List.copyOf(tasks);
    functions = List.copyOf(functions);
  }

  /** A sheet whose every check is decided, so that its secured total is its total. */
  public ScoreSheet(String scenario, int version, String level, List<CheckScore> checks, List<TaskScore> tasks,
      List<FunctionScore> functions, double total, double passMark, boolean passed) {
    this(scenario, version, level, checks, tasks, functions, total, passMark, passed, total);
  }

  public List<CheckScore> flagged() {
    return checks.stream().filter(CheckScore::flagged).toList();
  }

  public boolean provisional() {
    return !flagged().isEmpty();
  }

  public Result result() {
    if (provisional()) return Result.PENDING;
    return passed ? Result.PASSED : Result.FAILED;
  }

  /** Points earned on the checks decided so far. */
  public double earnedPoints() {
    return checks.stream().filter(c -> c.earned() != null).mapToDouble(CheckScore::earned).sum();
  }

  /** Points of the checks decided so far, earned or not. */
  public double decidedPoints() {
    return checks.stream().filter(c -> c.earned() != null).mapToDouble(CheckScore::points).sum();
  }

  /** Points of every check. */
  public double possiblePoints() {
    return checks.stream().mapToDouble(CheckScore::points).sum();
  }
}
