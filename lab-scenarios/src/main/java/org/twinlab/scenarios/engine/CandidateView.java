package org.twinlab.scenarios.engine;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.TaskDef;

/**
 * What a candidate may see of a running scenario: the briefing, the tasks and the state of their
 * visible checks, the time left, and the faults they were told of. Hidden checks and hidden faults
 * are left out entirely; examiners see the whole run.
 */
public record CandidateView(Localized briefing, List<TaskView> tasks, List<String> announcedFaults, long secondsLeft) {

  public record TaskView(String task, Localized prompt, List<CheckView> checks) {}

  /** A visible check; {@code state} is passed, failed, pending, indeterminate or "marked by examiners". */
  public record CheckView(String check, String state) {}

  public static CandidateView of(ScenarioRun run) {
    var verdicts = run.verdicts();
    List<TaskView> tasks = new ArrayList<>();
    for (TaskDef t : run.scenario().tasks()) {
      List<CheckView> checks = new ArrayList<>();
      for (CheckDef c : t.checks()) {
        if (c.hidden()) continue;
        Verdict v = verdicts.get(c.id());
        checks.add(new CheckView(c.id(), v == null ? "marked by examiners" : v.outcome().name().toLowerCase()));
      }
      tasks.add(new TaskView(t.id(), t.prompt(), checks));
    }
    List<String> announced = run.faults().stream().filter(f -> !f.fault().hidden()).map(f -> f.fault().id()).toList();
    return new CandidateView(run.scenario().briefing(), tasks, announced, run.clock().remaining().toSeconds());
  }
}
