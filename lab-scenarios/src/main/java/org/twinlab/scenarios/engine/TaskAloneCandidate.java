package org.twinlab.scenarios.engine;

import java.util.List;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;

/**
 * A candidate who does one task and nothing else: the reference steps tagged with that task, taken
 * as the reference takes them. It should earn that task's share of the total, no more, no less.
 */
public final class TaskAloneCandidate implements Candidate {
  private final String task;
  private final ReferenceCandidate steps;

  public TaskAloneCandidate(Scenario scenario, String task) {
    this.task = task;
    this.steps = new ReferenceCandidate(stepsOf(scenario, task));
  }

  public String task() {
    return task;
  }

  @Override
  public void act(ScenarioRun run) {
    steps.act(run);
  }

  /** Whether every reference step of the scenario says which task it is for. */
  public static boolean everyStepTagged(Scenario scenario) {
    return scenario.reference().stream().allMatch(s -> s.task().isPresent());
  }

  /** The reference steps of a task. */
  public static List<ReferenceStep> stepsOf(Scenario scenario, String task) {
    return scenario.reference().stream().filter(s -> s.task().map(task::equals).orElse(false)).toList();
  }
}
