package org.twinlab.scenarios.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.expr.Expr;

/**
 * One step of the reference solution, the scripted candidate that proves a scenario can be solved:
 * an action at a time, or as soon as a condition holds.
 *
 * @param action a candidate action kind (write, emergency_stop, binding_edit, report, …)
 * @param with the action's fields, as the API would take them
 * @param task the task whose work the step is, so a dry run can play each task's steps alone
 */
public record ReferenceStep(Optional<Duration> at, Optional<Expr> when, String whenText, String action, Map<String, Object> with,
    Optional<String> task) {
  public ReferenceStep {
    with = Map.copyOf(with);
  }
}
