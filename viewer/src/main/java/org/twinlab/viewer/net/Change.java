package org.twinlab.viewer.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One change of a twin from the runtime's live feed: a property's new value, or an alarm's new state. */
public sealed interface Change {
  String twin();

  record Property(String twin, String property, TwinState.Value value) implements Change {}

  record AlarmChanged(String twin, TwinState.Alarm alarm) implements Change {}

  record Lifecycle(String twin, String lifecycle) implements Change {}

  /** A change as the WebSocket sends it (one element of its {@code changes} array). */
  static Optional<Change> of(JsonNode c) {
    String twin = c.path("twin").asText();
    return switch (c.path("event").asText()) {
      case "property" -> Optional.of(new Property(twin, c.path("property").asText(), TwinState.value(c)));
      case "alarm" -> Optional.of(new AlarmChanged(twin, TwinState.alarm(c)));
      case "lifecycle" -> Optional.of(new Lifecycle(twin, c.path("lifecycle").asText()));
      default -> Optional.empty();
    };
  }
}
