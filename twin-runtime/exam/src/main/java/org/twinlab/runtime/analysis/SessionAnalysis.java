package org.twinlab.runtime.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Item analysis of a sealed session: one part per scenario its stations ran. */
public record SessionAnalysis(String session, String title, String evidenceHead, List<ScenarioAnalysis> scenarios) {

  /** How the figures are made, said with them so a reader need not guess. */
  public static final String METHOD = "p: the mean share of a check's points earned (for a measurement, the share of candidates "
      + "who passed). discrimination: the corrected item-total correlation, Pearson's r (point-biserial for a measurement) "
      + "between the check's score and the points earned on the scenario's other checks; totalCorrelation: the same with the "
      + "sheet's total, the check included. alpha: Krippendorff's alpha for ordinal data over each examiner's own marks (0-3), "
      + "a station a unit. Flags for discrimination need at least " + ItemAnalysis.FLAG_FROM + " candidates.";

  public SessionAnalysis {
    scenarios = List.copyOf(scenarios);
  }

  public JsonObject toJson() {
    JsonArray s = new JsonArray();
    scenarios.forEach(x -> s.add(x.toJson()));
    return new JsonObject().put("session", session).put("title", title).put("sealed", true).put("evidenceHead", evidenceHead)
        .put("method", METHOD).put("scenarios", s);
  }
}
