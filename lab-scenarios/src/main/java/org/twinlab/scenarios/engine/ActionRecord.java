package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A candidate action as the run recorded it: who, when (wall time and exam time), what, and the
 * station's answer. Refused attempts are kept too; only accepted actions count as events for checks.
 */
public record ActionRecord(Instant at, Duration elapsed, String who, String kind, Map<String, Object> fields,
    ActionOutcome outcome) {
  public ActionRecord {
    fields = Map.copyOf(fields);
  }
}
