package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * One case of a candidate's virtual-real mapping test: given a rig state, when the platform drives
 * the model (a write or a command through the twin) or the rig changes, the twin's property follows
 * the rig's own within a tolerance, starting within a time and holding for a while.
 *
 * @param whenKind write, command, rig or none, as a test case's
 * @param property the property whose twin value must follow the rig's
 * @param tolerance the largest difference allowed, in the property's unit (0 for a bool or a text: equal)
 * @param within how soon after the stimulus the twin must follow
 * @param hold how long it must keep following without a break
 */
public record MappingCase(String name, Map<String, Object> given, Duration settle, String whenKind, Map<String, Object> when,
    String property, double tolerance, Duration within, Duration hold) {
  public MappingCase {
    given = Map.copyOf(given);
    when = Map.copyOf(when);
  }

  /** Whether the platform drives the model in this case: the stimulus goes through the twin. */
  public boolean driven() {
    return whenKind.equals("write") || whenKind.equals("command");
  }
}
