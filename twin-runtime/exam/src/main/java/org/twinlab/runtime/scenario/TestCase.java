package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.Map;
import org.twinlab.models.expr.Expr;

/**
 * One case of a candidate's test suite: given a rig state, when a command, a write or a change at
 * the rig, then the twin shows something within a time.
 *
 * @param given values written to the rig before the case (its starting state)
 * @param settle how long the rig runs on that state before the stimulus
 * @param whenKind write, command or rig (a change made at the rig itself), or none
 * @param when the stimulus's fields: {property, value}, {command} or {path: value, …}
 * @param then a state over {@code twin.*} and {@code alarm.*} that must hold within the time
 */
public record TestCase(String name, Map<String, Object> given, Duration settle, String whenKind, Map<String, Object> when,
    Expr then, String thenText, Duration within) {
  public TestCase {
    given = Map.copyOf(given);
    when = Map.copyOf(when);
  }
}
