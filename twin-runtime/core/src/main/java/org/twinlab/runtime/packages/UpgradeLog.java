package org.twinlab.runtime.packages;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * The upgrade log of each twin, {@code upgrades/<twin>.jsonl} in the data directory: one JSON line
 * per upgrade or rollback tried, forced to disk before it is acknowledged, never rewritten. A
 * station's backup holds its twin's log under the same name.
 */
public final class UpgradeLog {
  private final Path dir;

  public UpgradeLog(Path dataDir) {
    this.dir = dataDir.resolve("upgrades");
  }

  /** Where a twin's log lies, in the data directory and inside a backup alike. */
  public static String entryName(String twin) {
    return "upgrades/" + twin + ".jsonl";
  }

  public Path file(String twin) {
    return dir.resolve(twin + ".jsonl");
  }

  public synchronized void append(UpgradeEntry e) throws IOException {
    try (FileChannel ch = DurableFiles.openForAppend(file(e.twin()))) {
      DurableFiles.appendLine(ch, e.toJson().encode());
    }
  }

  /** The log's whole lines as they are on disk (a line being appended is left out); empty when there is none. */
  public synchronized byte[] bytes(String twin) throws IOException {
    Path f = file(twin);
    if (!Files.exists(f)) return new byte[0];
    String text = Files.readString(f, StandardCharsets.UTF_8);
    return text.substring(0, text.lastIndexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
  }

  public List<UpgradeEntry> entries(String twin) throws IOException {
    return parse(bytes(twin));
  }

  /** The lines of a log, as {@link #append} writes them. */
  public static byte[] lines(List<UpgradeEntry> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(e.toJson().encode()).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static List<UpgradeEntry> parse(byte[] log) {
    List<UpgradeEntry> out = new ArrayList<>();
    for (String line : new String(log, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) out.add(UpgradeEntry.fromJson(new JsonObject(line)));
    }
    return out;
  }
}
