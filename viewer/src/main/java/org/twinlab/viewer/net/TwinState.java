package org.twinlab.viewer.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A twin as the runtime shows it ({@code GET /api/v1/twins/{id}}): its model, every property's
 * value with unit and quality, and its alarms.
 */
public record TwinState(String id, String model, String lifecycle, Map<String, Value> values, List<Alarm> alarms) {

  /** One property's value, unit and quality (GOOD, UNCERTAIN, BAD). */
  public record Value(Object value, String unit, String quality) {}

  /** An alarm of the twin's model and whether it is active now. */
  public record Alarm(String id, String severity, boolean active, String message, String condition) {}

  public TwinState {
    values = Map.copyOf(values);
    alarms = List.copyOf(alarms);
  }

  public static TwinState of(JsonNode twin) {
    Map<String, Value> values = new LinkedHashMap<>();
    twin.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
    List<Alarm> alarms = new ArrayList<>();
    twin.path("alarms").forEach(a -> alarms.add(alarm(a)));
    return new TwinState(twin.path("id").asText(), twin.path("model").asText(), twin.path("lifecycle").asText(), values, alarms);
  }

  static Value value(JsonNode p) {
    return new Value(Json.plain(p.get("value")), p.path("unit").asText(""), p.path("quality").asText("GOOD"));
  }

  static Alarm alarm(JsonNode a) {
    return new Alarm(a.path("alarm").asText(), a.path("severity").asText(), a.path("active").asBoolean(), a.path("message").asText(),
        a.path("condition").asText(""));
  }
}
