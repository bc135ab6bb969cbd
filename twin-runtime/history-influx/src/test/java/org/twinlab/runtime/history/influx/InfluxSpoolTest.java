package org.twinlab.runtime.history.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.config.InfluxConfig;
import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.ValueKind;
import org.twinlab.testing.Ports;

/**
 * The spool and retry path of the InfluxDB store, without Docker: the store's real client writes
 * over HTTP to a loopback endpoint that answers as InfluxDB's write API does (204, or the error the
 * test asks for), or to a port where nothing listens. Queries and the rest of the contract run
 * against a real InfluxDB in {@link InfluxHistoryStoreIT}.
 */
class InfluxSpoolTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir
  Path dir;
  private Vertx vertx;
  private HttpServer server;
  private int port;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(204);
  private InfluxHistoryStore store;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    port = Ports.free();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (store != null) store.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private void startEndpoint() throws Exception {
    server = vertx.createHttpServer().requestHandler(req -> {
      if (!req.path().equals("/api/v2/write") || !"us".equals(req.getParam("precision"))
          || !"Token secret-for-test".equals(req.getHeader("Authorization"))) {
        req.response().setStatusCode(404).end();
        return;
      }
      req.body().onSuccess(body -> {
        int status = answer.get();
        if (status == 204) received.addAll(List.of(body.toString().split("\n")));
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .end(status == 204 ? "" : "{\"code\":\"invalid\",\"message\":\"answer " + status + "\"}");
      });
    });
    server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private InfluxHistoryStore open() throws Exception {
    InfluxConfig config = new InfluxConfig("http://127.0.0.1:" + port, "lab", "history", Optional.empty(), Optional.empty());
    return new InfluxHistoryStore(config, "secret-for-test", dir.resolve("influx-spool"), java.time.Clock.systemUTC());
  }

  private static List<HistoryPoint> batch(int first, int n) {
    List<HistoryPoint> out = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      out.add(new HistoryPoint("tank-1", "tank_process", "tank.level", ValueKind.NUMBER, "mm", (double) i, Quality.GOOD,
          T0.plusMillis(i), T0.plusMillis(i), null, null));
    }
    return out;
  }

  private static List<String> lines(List<HistoryPoint> points) {
    return points.stream().map(LineProtocol::line).toList();
  }

  @Test
  void batchesGoStraightToAServerThatTakesThem() throws Exception {
    startEndpoint();
    store = open();

    store.append(batch(0, 100));

    assertThat(received).containsExactlyElementsOf(lines(batch(0, 100)));
    assertThat(store.pending()).isZero();
    assertThat(store.problem()).isNull();
  }

  @Test
  void whileTheServerIsUnreachableBatchesAreSpooledAndThenDeliveredInOrder() throws Exception {
    store = open();
    List<HistoryPoint> all = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      List<HistoryPoint> points = batch(b * 1000, 1000);
      store.append(points); // returns: the batch is on disk
      all.addAll(points);
    }

    assertThat(store.pending()).isEqualTo(5000);
    assertThat(store.problem()).contains("cannot take writes").contains("spool");
    try (var files = Files.list(dir.resolve("influx-spool"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".lp")).count()).isEqualTo(5);
    }

    startEndpoint();
    assertThat(store.awaitDrained(Duration.ofSeconds(20))).isTrue();

    assertThat(received).containsExactlyElementsOf(lines(all));
    assertThat(store.pending()).isZero();
    assertThat(store.problem()).isNull();
  }

  @Test
  void batchesThatArriveWhileTheSpoolDrainsQueueBehindIt() throws Exception {
    startEndpoint();
    answer.set(503);
    store = open();
    store.append(batch(0, 10));
    store.append(batch(10, 10));
    assertThat(store.pending()).isEqualTo(20);

    answer.set(204);
    store.append(batch(20, 10)); // must not overtake the two spooled batches
    assertThat(store.awaitDrained(Duration.ofSeconds(20))).isTrue();

    assertThat(received).containsExactlyElementsOf(lines(batch(0, 30)));
  }

  @Test
  void theSpoolOutlivesTheProcessAndIsDeliveredAfterARestart() throws Exception {
    store = open();
    store.append(batch(0, 50));
    store.close();
    store = null;
    Files.writeString(dir.resolve("influx-spool").resolve("00000000000000000099.lp.tmp"), "torn batch never acknowledged");

    startEndpoint();
    store = open();

    await().atMost(20, TimeUnit.SECONDS).until(() -> store.pending() == 0);
    assertThat(received).containsExactlyElementsOf(lines(batch(0, 50)));
    assertThat(dir.resolve("influx-spool").resolve("00000000000000000099.lp.tmp")).doesNotExist();
  }

  @Test
  void aBatchTheServerCallsMalformedIsSetAsideAndTheRestGoesOn() throws Exception {
    startEndpoint();
    answer.set(400);
    store = open();

    store.append(batch(0, 5));

    Path rejected = dir.resolve("influx-spool").resolve("rejected");
    try (var files = Files.list(rejected)) {
      List<Path> kept = files.sorted().toList();
      assertThat(kept).hasSize(2);
      assertThat(Files.readString(kept.get(0))).contains("tank.level");
      assertThat(Files.readString(kept.get(1))).contains("HTTP 400");
    }
    answer.set(204);
    store.append(batch(5, 5));
    assertThat(received).containsExactlyElementsOf(lines(batch(5, 5)));
    assertThat(store.pending()).isZero();
  }
}
