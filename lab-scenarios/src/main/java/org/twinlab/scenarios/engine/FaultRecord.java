package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import org.twinlab.scenarios.model.FaultDef;

/** A fault the run injected, and when it was cleared (null while active). */
public record FaultRecord(FaultDef fault, Instant injectedAt, Duration elapsed, Instant clearedAt) {

  FaultRecord cleared(Instant at) {
    return new FaultRecord(fault, injectedAt, elapsed, at);
  }
}
