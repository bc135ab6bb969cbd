package org.twinlab.runtime.binding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * The versions of one twin's bindings, one JSON line each, appended and forced to disk before the
 * change is confirmed: an accepted edit survives a crash. Blocking; call it from a worker thread.
 */
public final class BindingJournal implements BindingHistory {
  private final Path file;

  public BindingJournal(Path dir, String twin) {
    this.file = dir.resolve(twin + ".jsonl");
  }

  public Path file() {
    return file;
  }

  @Override
  public String where() {
    return file.toString();
  }

  /** Moves the journal to {@code <twin>.<label>.jsonl} beside it. */
  @Override
  public void setAside(String label) throws IOException {
    if (Files.exists(file)) {
      String twin = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
      Files.move(file, file.resolveSibling(twin + "." + label + ".jsonl"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Override
  public void append(BindingVersion v) throws IOException {
    try (FileChannel ch = DurableFiles.openForAppend(file)) {
      DurableFiles.appendLine(ch, toJson(v).encode());
    }
  }

  /** Every version written so far, oldest first; a torn last line (a crash mid-write) is skipped. */
  @Override
  public List<BindingVersion> read() throws IOException {
    List<BindingVersion> out = new ArrayList<>();
    if (!Files.exists(file)) return out;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      try {
        out.add(fromJson(new JsonObject(lines.get(i))));
      } catch (RuntimeException e) {
        // only the last line can be torn; anything else is a damaged file and must be looked at
        if (i + 1 < lines.size()) throw new IOException(file + ":" + (i + 1) + ": unreadable version line: " + e.getMessage(), e);
      }
    }
    return out;
  }

  public static JsonObject toJson(BindingVersion v) {
    JsonObject j = new JsonObject()
        .put("version", v.version())
        .put("at", v.at().toString())
        .put("by", v.by())
        .put("action", v.action().name().toLowerCase());
    v.property().ifPresent(p -> j.put("property", p));
    v.before().ifPresent(b -> j.put("before", new JsonObject(b)));
    v.after().ifPresent(a -> j.put("after", new JsonObject(a)));
    JsonArray all = new JsonArray();
    v.bindings().forEach(b -> all.add(new JsonObject(b)));
    return j.put("bindings", all);
  }

  public static BindingVersion fromJson(JsonObject j) {
    List<Map<String, Object>> bindings = new ArrayList<>();
    j.getJsonArray("bindings").forEach(b -> bindings.add(((JsonObject) b).getMap()));
    return new BindingVersion(j.getInteger("version"), Instant.parse(j.getString("at")), j.getString("by"),
        BindingVersion.Action.valueOf(j.getString("action").toUpperCase()),
        Optional.ofNullable(j.getString("property")),
        Optional.ofNullable(j.getJsonObject("before")).map(JsonObject::getMap),
        Optional.ofNullable(j.getJsonObject("after")).map(JsonObject::getMap),
        bindings);
  }
}
