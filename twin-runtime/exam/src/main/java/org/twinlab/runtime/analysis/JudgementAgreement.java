package org.twinlab.runtime.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * How far the examiners who marked one judgement agree across the stations of its scenario:
 * Krippendorff's alpha for ordinal data over their own marks (0 to 3), each station a unit and
 * each examiner a coder; a station fewer than two examiners marked pairs no marks and does not count.
 *
 * @param examiners who marked it at any station
 * @param stations the stations two or more examiners marked
 * @param marks the marks those stations have
 * @param alpha 1 is full agreement, 0 what chance would give; null when it is not defined
 * @param note why alpha is missing, or null
 * @param spread the stations where the marks differ
 */
public record JudgementAgreement(String check, List<String> examiners, int stations, int marks, Double alpha, String note,
    List<MarkSpread> spread) {

  public JudgementAgreement {
    examiners = List.copyOf(examiners);
    spread = List.copyOf(spread);
  }

  public JsonObject toJson() {
    JsonArray s = new JsonArray();
    spread.forEach(m -> s.add(m.toJson()));
    return new JsonObject().put("check", check).put("examiners", new JsonArray(examiners)).put("stations", stations)
        .put("marks", marks).put("alpha", alpha).put("note", note).put("spread", s);
  }
}
