package org.twinlab.runtime.backup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup holds: every file of the data directory with its size and SHA-256, so that a
 * restore can prove each one arrived whole.
 */
public record BackupManifest(int format, Instant created, String source, List<Entry> files) {
  public static final String NAME = "twinlab-backup.json";
  public static final int FORMAT = 1;

  public record Entry(String path, long size, String sha256) {}

  public BackupManifest {
    files = List.copyOf(files);
  }

  public long totalBytes() {
    return files.stream().mapToLong(Entry::size).sum();
  }

  JsonObject toJson() {
    JsonArray list = new JsonArray();
    files.forEach(f -> list.add(new JsonObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256())));
    return new JsonObject().put("format", format).put("created", created.toString()).put("source", source).put("files", list);
  }

  static BackupManifest fromJson(JsonObject o) {
    List<Entry> files = new ArrayList<>();
    for (Object f : o.getJsonArray("files")) {
      JsonObject e = (JsonObject) f;
      files.add(new Entry(e.getString("path"), e.getLong("size"), e.getString("sha256")));
    }
    return new BackupManifest(o.getInteger("format"), Instant.parse(o.getString("created")), o.getString("source"), files);
  }
}
