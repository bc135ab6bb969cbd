package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.function.Predicate;
import org.twinlab.runtime.durable.DurableFiles;

/** The trail in {@code audit.jsonl} of one data directory: one JSON object per line, forced to disk per entry. */
public final class FileAuditStore implements AuditStore {
  private final Path file;
  private FileChannel out;

  public FileAuditStore(Path dataDir) {
    this.file = dataDir.resolve(AuditLog.FILE_NAME);
  }

  @Override
  public synchronized void append(JsonObject entry) {
    try {
      if (out == null) out = DurableFiles.openForAppend(file);
      DurableFiles.appendLine(out, entry.encode());
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  @Override
  public synchronized JsonArray tail(int max, Predicate<JsonObject> keep) {
    if (!Files.exists(file)) return new JsonArray();
    try {
      var lines = Files.readAllLines(file);
      ArrayDeque<JsonObject> kept = new ArrayDeque<>();
      for (int i = lines.size() - 1; i >= 0 && kept.size() < max; i--) {
        JsonObject e = new JsonObject(lines.get(i));
        if (keep.test(e)) kept.addFirst(e);
      }
      JsonArray result = new JsonArray();
      kept.forEach(result::add);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
