package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.SqliteHistoryStore;

/**
 * {@code kill -9} of a runtime (the demo lab in its own JVM) while it ingests: after a restart on the
 * same data directory, every point it had acknowledged is there.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HistoryCrashIT {
  private static final List<String> TWINS = List.of("conveyor-1", "conveyor-2", "tank-1", "motor-1", "motor-2");

  @TempDir
  Path tmp;

  /** Every point of every twin in the window, as "twin property time value" lines. */
  private static Set<String> points(DemoProcess demo, Instant from, Instant to) throws Exception {
    Set<String> out = new HashSet<>();
    for (String twin : TWINS) {
      JsonObject answer = demo.json("admin", "GET", "/api/v1/twins/" + twin + "/history?from=" + enc(from) + "&to=" + enc(to), null);
      for (Object s : answer.getJsonArray("series")) {
        JsonObject series = (JsonObject) s;
        for (Object p : series.getJsonArray("points")) {
          JsonObject point = (JsonObject) p;
          out.add(twin + " " + series.getString("property") + " " + point.getString("time") + " " + point.getValue("value"));
        }
      }
    }
    return out;
  }

  private static String enc(Instant t) {
    return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void everyAcknowledgedPointSurvivesKillNine() throws Exception {
    Path data = java.nio.file.Files.createDirectories(tmp.resolve("data"));
    Instant from = Instant.now().minusSeconds(60);
    long acknowledged;
    Instant seenUntil;
    Set<String> seen;
    try (DemoProcess demo = DemoProcess.start(data)) {
      // enough history to lose, however long the machine takes to ingest it
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofMillis(500))
          .until(() -> demo.json("admin", "GET", "/api/v1/history/status", null).getLong("acknowledged") > 200
              && points(demo, from, Instant.now()).size() > 200);
      acknowledged = demo.json("admin", "GET", "/api/v1/history/status", null).getLong("acknowledged");
      seenUntil = Instant.now();
      seen = points(demo, from, seenUntil); // what the store had committed
      Thread.sleep(300); // ingest goes on
      demo.crash(); // SIGKILL: no shutdown hook, no flush
      assertThat(demo.process().exitValue()).isEqualTo(137);
    }

    assertThat(acknowledged).isGreaterThan(200);
    assertThat(seen.size()).isGreaterThan(200);
    try (SqliteHistoryStore store = SqliteHistoryStore.openReadOnly(data)) {
      long stored = 0;
      for (Series s : store.raw(new HistoryQuery(null, Set.of(), null, from, Instant.now().plusSeconds(60)))) stored += s.points().size();
      assertThat(stored).as("points in the store after the kill vs acknowledged before it").isGreaterThanOrEqualTo(acknowledged);
    }

    try (DemoProcess again = DemoProcess.start(data)) {
      Set<String> after = points(again, from, seenUntil);
      assertThat(after).containsAll(seen);
    }
  }
}
