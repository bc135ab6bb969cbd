package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * What an administrator looks for in the trail: entries by or about a user (either, when null), of
 * one action (any, when null), at or after {@code from} and before {@code to} (open when null).
 */
public record AuditFilter(String user, String action, Instant from, Instant to) implements Predicate<JsonObject> {

  @Override
  public boolean test(JsonObject e) {
    if (user != null && !user.equals(e.getString("by")) && !user.equals(e.getString("target"))) return false;
    if (action != null && !action.equals(e.getString("action"))) return false;
    if (from == null && to == null) return true;
    Instant at = Instant.parse(e.getString("at"));
    return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
  }
}
