package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One station of a lab session as planned: the scenario or the exam set there (one of the two),
 * the candidate sitting it, the twins of its rigs (one per rig model the scenario or exam names,
 * in its order) and the examiners marking it.
 *
 * @param scenario the scenario set, or null at a station planned from an exam
 * @param exam the library exam set, or null at a station that sets one scenario
 */
public record StationPlan(String id, String scenario, String exam, String candidate, List<String> twins, List<String> examiners) {
  public StationPlan {
    twins = List.copyOf(twins);
    examiners = List.copyOf(examiners);
  }

  /** A station that sets one scenario. */
  public StationPlan(String id, String scenario, String candidate, List<String> twins, List<String> examiners) {
    this(id, scenario, null, candidate, twins, examiners);
  }

  public boolean fromExam() {
    return exam != null;
  }

  /** The plan as its evidence record keeps it: a scenario station's as it always was, an exam station's with its exam instead. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("id", id);
    if (exam == null) o.put("scenario", scenario);
    else o.put("exam", exam);
    return o.put("candidate", candidate).put("twins", new JsonArray(twins)).put("examiners", new JsonArray(examiners));
  }

  /** Reads a plan record; one written before exams existed names a scenario only. */
  static StationPlan fromJson(JsonObject o) {
    return new StationPlan(o.getString("id"), o.getString("scenario"), o.getString("exam"), o.getString("candidate"),
        strings(o.getJsonArray("twins")), strings(o.getJsonArray("examiners")));
  }

  static List<String> strings(JsonArray a) {
    return a == null ? List.of() : a.stream().map(String::valueOf).toList();
  }
}
