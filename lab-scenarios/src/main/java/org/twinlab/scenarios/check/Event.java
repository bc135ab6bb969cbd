package org.twinlab.scenarios.check;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened at an instant: a candidate's action ({@code action.write},
 * {@code action.emergency_stop}, …) or a fault the scenario injected ({@code fault.<id>}), with its
 * attributes (who, property, value, …).
 */
public record Event(Instant time, String kind, Map<String, String> attributes) {
  public Event {
    attributes = Map.copyOf(attributes);
  }
}
