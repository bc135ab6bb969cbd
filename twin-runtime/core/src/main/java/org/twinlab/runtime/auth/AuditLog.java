package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * The administrators' audit trail, {@code audit.jsonl} in the data directory: logins (and refused
 * ones), accounts created, removed and given new passwords, twins deployed and removed. One JSON
 * object per line, on disk before the action is acknowledged.
 */
public final class AuditLog implements AutoCloseable {
  public static final String FILE_NAME = "audit.jsonl";
  private final Path file;
  private final Clock clock;
  private FileChannel out;

  /** The trail of a data directory, its entries dated by the clock; the file is opened when the first entry is written. */
  public AuditLog(Path dataDir, Clock clock) {
    this.file = dataDir.resolve(FILE_NAME);
    this.clock = clock;
  }

  /**
   * Records what someone did (blocking: call it off the event loop). Fails when the trail cannot be
   * written, so an administrator's change is not made without its record.
   */
  public synchronized void record(String by, String action, String target, String detail) {
    JsonObject line = new JsonObject().put("at", clock.instant().toString()).put("by", by).put("action", action)
        .put("target", target).put("detail", detail == null ? "" : detail);
    try {
      if (out == null) out = DurableFiles.openForAppend(file);
      DurableFiles.appendLine(out, line.encode());
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** The newest entries, newest last. */
  public synchronized JsonArray tail(int max) {
    return tail(max, e -> true);
  }

  /** The newest entries the filter keeps, at most {@code max}, newest last. */
  public synchronized JsonArray tail(int max, Predicate<JsonObject> keep) {
    if (!Files.exists(file)) return new JsonArray();
    try {
      var lines = Files.readAllLines(file);
      java.util.ArrayDeque<JsonObject> kept = new java.util.ArrayDeque<>();
      for (int i = lines.size() - 1; i >= 0 && kept.size() < max; i--) {
        JsonObject e = new JsonObject(lines.get(i));
        if (keep.test(e)) kept.addFirst(e);
      }
      JsonArray out = new JsonArray();
      kept.forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What an administrator looks for in the trail: entries by or about a user (either, when null),
   * of one action (any, when null), at or after {@code from} and before {@code to} (open when null).
   */
  public static Predicate<JsonObject> filter(String user, String action, Instant from, Instant to) {
    return e -> {
      if (user != null && !user.equals(e.getString("by")) && !user.equals(e.getString("target"))) return false;
      if (action != null && !action.equals(e.getString("action"))) return false;
      if (from == null && to == null) return true;
      Instant at = Instant.parse(e.getString("at"));
      return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    };
  }

  @Override
  public synchronized void close() {
    try {
      if (out != null) out.close();
    } catch (IOException ignored) {
      // closing at shutdown
    }
  }
}
