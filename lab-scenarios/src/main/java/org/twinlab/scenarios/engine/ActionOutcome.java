package org.twinlab.scenarios.engine;

import java.util.Map;

/**
 * What a station made of a candidate's action.
 *
 * @param result what the action produced, recorded with it (e.g. a test suite's faults detected)
 */
public record ActionOutcome(boolean accepted, String detail, Map<String, String> result) {
  public ActionOutcome {
    result = Map.copyOf(result);
  }

  public static ActionOutcome accepted(String detail) {
    return new ActionOutcome(true, detail, Map.of());
  }

  public static ActionOutcome refused(String why) {
    return new ActionOutcome(false, why, Map.of());
  }
}
