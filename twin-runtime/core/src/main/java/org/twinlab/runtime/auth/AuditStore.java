package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;

/**
 * Where the audit trail is kept: {@code audit.jsonl} in the data directory ({@link FileAuditStore},
 * the default) or a database every node of a lab shares, so the trail is one for the whole lab.
 * Blocking.
 */
public interface AuditStore extends AutoCloseable {

  /** Keeps an entry ({@code at}, {@code by}, {@code action}, {@code target}, {@code detail}); fails when it cannot. */
  void append(JsonObject entry);

  /**
   * The newest entries the filter keeps, at most {@code max}, newest last. A store may answer an
   * {@link AuditFilter} by itself, as a database query.
   */
  JsonArray tail(int max, Predicate<JsonObject> keep);

  @Override
  void close();
}
