package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One station of a lab session as planned: the scenario set there, the candidate sitting it, the
 * twins of its rigs (one per rig model the scenario names, in its order) and the examiners marking it.
 */
public record StationPlan(String id, String scenario, String candidate, List<String> twins, List<String> examiners) {
  public StationPlan {
    twins = List.copyOf(twins);
    examiners = List.copyOf(examiners);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("scenario", scenario).put("candidate", candidate)
        .put("twins", new JsonArray(twins)).put("examiners", new JsonArray(examiners));
  }

  static StationPlan fromJson(JsonObject o) {
    return new StationPlan(o.getString("id"), o.getString("scenario"), o.getString("candidate"), strings(o.getJsonArray("twins")),
        strings(o.getJsonArray("examiners")));
  }

  static List<String> strings(JsonArray a) {
    return a == null ? List.of() : a.stream().map(String::valueOf).toList();
  }
}
