package org.twinlab.scenarios.score;

import java.util.List;

/**
 * A candidate's result on one scenario: every check, task and function, the weighted total and
 * pass or fail. It is provisional while any check is flagged for the examiners.
 */
public record ScoreSheet(String scenario, int version, String level, List<CheckScore> checks, List<TaskScore> tasks,
    List<FunctionScore> functions, double total, double passMark, boolean passed) {

  public ScoreSheet {
    checks = List.copyOf(checks);
    tasks = List.copyOf(tasks);
    functions = List.copyOf(functions);
  }

  public List<CheckScore> flagged() {
    return checks.stream().filter(CheckScore::flagged).toList();
  }

  public boolean provisional() {
    return !flagged().isEmpty();
  }
}
