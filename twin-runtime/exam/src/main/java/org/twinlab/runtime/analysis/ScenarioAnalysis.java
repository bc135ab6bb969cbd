package org.twinlab.runtime.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The item analysis of one scenario (one version of it) over the stations of a session that ran it. */
public record ScenarioAnalysis(String scenario, int version, List<String> stations, List<CheckItem> checks,
    List<JudgementAgreement> judgements) {

  public ScenarioAnalysis {
    stations = List.copyOf(stations);
    checks = List.copyOf(checks);
    judgements = List.copyOf(judgements);
  }

  public int candidates() {
    return stations.size();
  }

  public JsonObject toJson() {
    JsonArray c = new JsonArray();
    checks.forEach(x -> c.add(x.toJson()));
    JsonArray j = new JsonArray();
    judgements.forEach(x -> j.add(x.toJson()));
    return new JsonObject().put("scenario", scenario).put("version", version).put("candidates", candidates())
        .put("stations", new JsonArray(stations)).put("checks", c).put("judgements", j);
  }
}
