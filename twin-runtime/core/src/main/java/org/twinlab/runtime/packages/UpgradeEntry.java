package org.twinlab.runtime.packages;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One line of a station's upgrade log: a twin application moved from one package version to
 * another (an upgrade, or a rollback to the version before), by whom, when, and how it ended.
 *
 * @param outcome {@code done}, or {@code refused: <why>}
 */
public record UpgradeEntry(String kind, String twin, String model, String from, String to, String who, Instant at, String outcome) {
  public static final String UPGRADE = "upgrade";
  public static final String ROLLBACK = "rollback";

  public static UpgradeEntry done(String kind, String twin, String model, String from, String to, String who, Instant at) {
    return new UpgradeEntry(kind, twin, model, from, to, who, at, "done");
  }

  public static UpgradeEntry refused(String kind, String twin, String model, String from, String to, String who, Instant at, String why) {
    return new UpgradeEntry(kind, twin, model, from, to, who, at, "refused: " + why);
  }

  public JsonObject toJson() {
    return new JsonObject().put("kind", kind).put("twin", twin).put("model", model).put("from", from).put("to", to)
        .put("who", who).put("at", at.toString()).put("outcome", outcome);
  }

  public static UpgradeEntry fromJson(JsonObject o) {
    return new UpgradeEntry(o.getString("kind"), o.getString("twin"), o.getString("model"), o.getString("from"), o.getString("to"),
        o.getString("who"), Instant.parse(o.getString("at")), o.getString("outcome"));
  }
}
