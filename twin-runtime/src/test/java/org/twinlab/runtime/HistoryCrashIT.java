package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.SqliteHistoryStore;
import org.twinlab.testing.Ports;

/**
 * {@code kill -9} of a runtime (the demo lab in its own JVM) while it ingests: after a restart on the
 * same data directory, every point it had acknowledged is there.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HistoryCrashIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final List<String> TWINS = List.of("conveyor-1", "conveyor-2", "tank-1", "motor-1", "motor-2");

  @TempDir
  Path data;
  private Process runtime;
  private String token;

  @AfterEach
  void stop() throws Exception {
    if (runtime != null && runtime.isAlive()) {
      runtime.destroy();
      if (!runtime.waitFor(10, TimeUnit.SECONDS)) runtime.destroyForcibly();
    }
  }

  private int start() throws Exception {
    int port = Ports.free();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    runtime = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.twinlab.cli.TwinlabCli", "demo",
        "--port", String.valueOf(port), "--data", data.toString(), "--mqtt-port", String.valueOf(Ports.free()),
        "--opcua-port", String.valueOf(Ports.free()))
        .redirectErrorStream(true).redirectOutput(new File(data.getParent().toFile(), "runtime-" + port + ".log")).start();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> status(port, "/api/v1/health") == 200);
    return port;
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Logs in as the demo's administrator, whose password the demo keeps in its data directory. */
  private String token(int port) throws Exception {
    String password = java.nio.file.Files.readAllLines(data.resolve("demo-accounts.txt")).stream()
        .filter(l -> l.startsWith("admin\t")).findFirst().orElseThrow().split("\t")[2];
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", "admin").put("password", password).encode()))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getString("token");
  }

  private JsonObject json(int port, String path) throws Exception {
    if (token == null) token = token(port);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  /** Every point of every twin in the window, as "twin property time value" lines. */
  private Set<String> points(int port, Instant from, Instant to) throws Exception {
    Set<String> out = new HashSet<>();
    for (String twin : TWINS) {
      JsonObject answer = json(port, "/api/v1/twins/" + twin + "/history?from=" + enc(from) + "&to=" + enc(to));
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
    Instant from = Instant.now().minusSeconds(60);
    int port = start();
    Thread.sleep(3000);

    long acknowledged = json(port, "/api/v1/history/status").getLong("acknowledged");
    Instant seenUntil = Instant.now();
    Set<String> seen = points(port, from, seenUntil); // what the store had committed
    Thread.sleep(300); // ingest goes on
    runtime.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    assertThat(runtime.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.exitValue()).isEqualTo(137);

    assertThat(acknowledged).isGreaterThan(200);
    assertThat(seen.size()).isGreaterThan(200);
    try (SqliteHistoryStore store = SqliteHistoryStore.openReadOnly(data)) {
      long stored = 0;
      for (Series s : store.raw(new HistoryQuery(null, Set.of(), null, from, Instant.now().plusSeconds(60)))) stored += s.points().size();
      assertThat(stored).as("points in the store after the kill vs acknowledged before it").isGreaterThanOrEqualTo(acknowledged);
    }

    int again = start();
    token = null; // tokens live in memory: the restarted runtime asks for a new login
    Set<String> after = points(again, from, seenUntil);
    assertThat(after).containsAll(seen);
  }
}
