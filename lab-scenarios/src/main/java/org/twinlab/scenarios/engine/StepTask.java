package org.twinlab.scenarios.engine;

import java.util.Optional;
import org.twinlab.scenarios.model.ReferenceStep;

/** Which task a reference step belongs to, when its author said so. */
final class StepTask {
  private StepTask() {}

  static Optional<String> of(ReferenceStep step) {
    return Optional.empty();
  }
}
