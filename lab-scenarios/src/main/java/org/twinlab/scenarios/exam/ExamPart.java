package org.twinlab.scenarios.exam;

import java.time.Duration;
import java.util.List;
import org.twinlab.scenarios.model.Scenario;

/**
 * One part of an exam: a library scenario, cut down to the tasks the exam sets.
 *
 * @param scenario the scenario as sat in this part: only the chosen tasks
 * @param tasks the chosen task ids (all the scenario's by default)
 * @param time the part's budget (the scenario's time limit by default)
 */
public record ExamPart(Scenario scenario, List<String> tasks, Duration time) {
  public ExamPart {
    tasks = List.copyOf(tasks);
  }

  /** The part's id: its scenario's id (an exam sets a scenario once). */
  public String id() {
    return scenario.id();
  }
}
