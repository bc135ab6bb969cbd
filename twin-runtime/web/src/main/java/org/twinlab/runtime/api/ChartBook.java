package org.twinlab.runtime.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.runtime.durable.DurableFiles;
import org.twinlab.runtime.scenario.ChartSpec;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * The charts saved on each twin, one file per twin ({@code <data>/charts/<twin>.json}) replaced
 * whole on each save, so examiners open them after the exam and a backup holds them. A chart saved
 * under a name already there replaces it.
 */
final class ChartBook {
  /** How many charts one twin keeps: a candidate cannot fill the disk the evidence is written to. */
  static final int MAX_PER_TWIN = 50;

  /** A chart as saved: its definition, who saved it and when. */
  record Saved(ChartSpec chart, String who, Instant saved) {
    JsonObject json() {
      return new JsonObject().put("name", chart.name()).put("properties", new JsonArray(chart.properties()))
          .put("from", chart.from().toString()).put("to", chart.to().toString()).put("who", who).put("saved", saved.toString());
    }

    static Saved of(JsonObject j) {
      List<String> properties = j.getJsonArray("properties").stream().map(String::valueOf).toList();
      return new Saved(new ChartSpec(j.getString("name"), properties, Instant.parse(j.getString("from")), Instant.parse(j.getString("to"))),
          j.getString("who"), Instant.parse(j.getString("saved")));
    }
  }

  private final Path dir;

  ChartBook(Path dataDir) {
    this.dir = dataDir.resolve("charts");
  }

  /** Blocks: call on a worker. */
  synchronized void save(String twin, Saved chart) throws IOException {
    List<Saved> all = new ArrayList<>(all(twin));
    all.removeIf(c -> c.chart().name().equals(chart.chart().name()));
    if (all.size() >= MAX_PER_TWIN) throw TwinRequestException.conflict("name", "a twin keeps at most " + MAX_PER_TWIN + " charts: reuse a name");
    all.add(chart);
    JsonArray out = new JsonArray();
    all.forEach(c -> out.add(c.json()));
    DurableFiles.replace(file(twin), out.encodePrettily());
  }

  /** The twin's charts in the order first saved. Blocks. */
  synchronized List<Saved> all(String twin) throws IOException {
    Path f = file(twin);
    if (!Files.isRegularFile(f)) return List.of();
    JsonArray a = new JsonArray(Files.readString(f, StandardCharsets.UTF_8));
    List<Saved> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) out.add(Saved.of(a.getJsonObject(i)));
    return out;
  }

  Optional<Saved> find(String twin, String name) throws IOException {
    return all(twin).stream().filter(c -> c.chart().name().equals(name)).findFirst();
  }

  private Path file(String twin) {
    return dir.resolve(twin + ".json"); // twin ids are checked names: no separators
  }
}
