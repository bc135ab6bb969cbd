package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One station of a lab session as planned: the scenario set there, the candidate sitting it, the
 * twins of its rigs (one per rig model the scenario names, in its order) and the examiners marking
 * it. A station planned from an exam is one such station per part, in the exam's order, all with
 * the same candidate, twins and examiners: {@code <station>.<n>} sets the exam's n-th part.
 *
 * @param scenario the scenario set (at a part of an exam, the part's scenario)
 * @param exam the library exam this station is a part of, or null at a station that sets one scenario
 */
public record StationPlan(String id, String scenario, String exam, String candidate, List<String> twins, List<String> examiners) {
  /** Between a planned exam station's id and its part's number: no planned id holds one. */
  static final char PART = '.';

  public StationPlan {
    twins = List.copyOf(twins);
    examiners = List.copyOf(examiners);
  }

  /** A station that sets one scenario. */
  public StationPlan(String id, String scenario, String candidate, List<String> twins, List<String> examiners) {
    this(id, scenario, null, candidate, twins, examiners);
  }

  /** The id of an exam station's n-th part (from 1). */
  static String partId(String station, int n) {
    return station + PART + n;
  }

  public boolean fromExam() {
    return exam != null;
  }

  /** The station as planned: for a part of an exam, the exam's station; otherwise this one. */
  public String examStation() {
    int dot = id.lastIndexOf(PART);
    return fromExam() && dot > 0 ? id.substring(0, dot) : id;
  }

  /** Whether this station and another are parts of one exam sat by one candidate. */
  public boolean sameExamAs(StationPlan other) {
    return fromExam() && other.fromExam() && examStation().equals(other.examStation());
  }

  /** The plan as its evidence record keeps it: a scenario station's as it always was, an exam's part with its exam too. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("id", id).put("scenario", scenario);
    if (exam != null) o.put("exam", exam);
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
