package org.twinlab.runtime.analysis;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * A station where the examiners' marks on a judgement differ.
 *
 * @param range the highest mark less the lowest
 * @param wide whether they lie so far apart that the sheet flags them for the examiners to talk over
 */
public record MarkSpread(String station, String candidate, Map<String, Integer> marks, int range, boolean wide) {

  public MarkSpread {
    marks = new TreeMap<>(marks);
  }

  public JsonObject toJson() {
    return new JsonObject().put("station", station).put("candidate", candidate).put("marks", new JsonObject(new TreeMap<>(marks)))
        .put("range", range).put("wide", wide);
  }
}
