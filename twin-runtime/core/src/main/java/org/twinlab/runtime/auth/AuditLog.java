package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The administrators' audit trail: logins (and refused ones), accounts created, removed and given
 * new passwords, twins deployed and removed. Kept where its {@link AuditStore} keeps it
 * ({@code audit.jsonl} in the data directory by default), before the action is acknowledged.
 */
public final class AuditLog implements AutoCloseable {
  public static final String FILE_NAME = "audit.jsonl";
  private final AuditStore store;
  private final Clock clock;

  /** The trail of a data directory, its entries dated by the clock; the file is opened when the first entry is written. */
  public AuditLog(Path dataDir, Clock clock) {
    this(new FileAuditStore(dataDir), clock);
  }

  /** The trail a store keeps, its entries dated by the clock. */
  public AuditLog(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records what someone did (blocking: call it off the event loop). Fails when the trail cannot be
   * written, so an administrator's change is not made without its record.
   */
  public void record(String by, String action, String target, String detail) {
    store.append(new JsonObject().put("at", clock.instant().toString()).put("by", by).put("action", action)
        .put("target", target).put("detail", detail == null ? "" : detail));
  }

  /** The newest entries, newest last. */
  public JsonArray tail(int max) {
    return tail(max, e -> true);
  }

  /** The newest entries the filter keeps, at most {@code max}, newest last. */
  public JsonArray tail(int max, Predicate<JsonObject> keep) {
    return store.tail(max, keep);
  }

  /**
   * What an administrator looks for in the trail: entries by or about a user (either, when null),
   * of one action (any, when null), at or after {@code from} and before {@code to} (open when null).
   */
  public static AuditFilter filter(String user, String action, Instant from, Instant to) {
    return new AuditFilter(user, action, from, to);
  }

  @Override
  public void close() {
    store.close();
  }
}
