package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One record of a session's evidence: its place in the chain, when, what kind of thing happened,
 * who did it, at which station (none for the session as a whole), the details, and the hashes that
 * chain it to the record before.
 */
public record EvidenceRecord(long seq, Instant at, String kind, String by, String station, JsonObject data, String prev,
    String hash) {

  /** The hash of the record before the first. */
  public static final String GENESIS = "0".repeat(64);

  public EvidenceRecord {
    data = data.copy();
  }

  /** Builds the next record and computes its hash. */
  public static EvidenceRecord chained(long seq, Instant at, String kind, String by, String station, JsonObject data, String prev) {
    EvidenceRecord unhashed = new EvidenceRecord(seq, at, kind, by, station, data, prev, null);
    return new EvidenceRecord(seq, at, kind, by, station, data, prev, unhashed.computeHash());
  }

  /** SHA-256 over the canonical JSON of every field but the hash itself. */
  String computeHash() {
    JsonObject body = toJson();
    body.remove("hash");
    return CanonicalJson.sha256Hex(CanonicalJson.bytes(body));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("seq", seq).put("at", at.toString()).put("kind", kind).put("by", by);
    if (station != null) o.put("station", station);
    o.put("data", data.copy()).put("prev", prev);
    if (hash != null) o.put("hash", hash);
    return o;
  }

  /** Reads a record as the log stores it; fails on a missing or mistyped field. */
  public static EvidenceRecord fromJson(JsonObject o) {
    return new EvidenceRecord(o.getLong("seq"), Instant.parse(o.getString("at")), require(o, "kind"), require(o, "by"),
        o.getString("station"), o.getJsonObject("data"), require(o, "prev"), require(o, "hash"));
  }

  private static String require(JsonObject o, String field) {
    String v = o.getString(field);
    if (v == null) throw new IllegalArgumentException("no " + field);
    return v;
  }
}
