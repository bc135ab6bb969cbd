package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.auth.Role;

/**
 * A storage strategy set and charts saved through the live API: the strategy shapes what the
 * embedded store keeps, a chart is measured from it and opened by the examiner; both only on the
 * candidate's own station, refused naming the field when malformed.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class StorageChartsIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String STRATEGY = action("storage_strategy", new JsonObject().put("properties", "tank.level,pump.speed")
      .put("retention", "30d").put("downsample", "2s").put("aggregate", "mean").put("store", "embedded"));
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String action(String kind, JsonObject fields) {
    return new JsonObject().put("kind", kind).put("fields", fields).encode();
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path data) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    users.token("st1", Role.CANDIDATE);
    users.token("st2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-st").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-develop-storage-charts-tank").put("candidate", "st1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exst")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "st2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("exst"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("exst", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-st/start", users.token("exst", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void theStrategyShapesTheStoreAndTheChartMeasuredFromItOpensForTheExaminer() throws Exception {
    String candidate = users.token("st1", Role.CANDIDATE);
    HttpResponse<String> set = post("/api/v1/twins/tank-1/actions", candidate, STRATEGY);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
    assertThat(new JsonObject(set.body()).getJsonObject("result").getString("interval_s")).isEqualTo("2");
    // the first whole interval after the strategy took effect
    Instant from = Instant.ofEpochSecond((Instant.now().getEpochSecond() / 2 + 1) * 2);
    JsonObject strategy = new JsonObject(getJson("/api/v1/twins/tank-1/storage-strategy", candidate).body()).getJsonObject("strategy");
    assertThat(strategy.getJsonArray("properties")).containsExactly("pump.speed", "tank.level");
    assertThat(strategy.getString("aggregate")).isEqualTo("mean");

    AtomicReference<JsonObject> measured = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      HttpResponse<String> chart = post("/api/v1/twins/tank-1/actions", candidate, action("chart", new JsonObject()
          .put("name", "level-check").put("properties", "tank.level,pump.speed").put("from", from.toString()).put("to", "now")));
      assertThat(chart.statusCode()).as(chart.body()).isEqualTo(201);
      JsonObject r = new JsonObject(chart.body()).getJsonObject("result");
      assertThat(r.getString("stored")).isEqualTo("pump.speed,tank.level"); // nothing else went to history
      assertThat(Integer.parseInt(r.getString("samples"))).isGreaterThanOrEqualTo(3);
      assertThat(r.getString("spacing_s")).isNotEqualTo("none");
      measured.set(r);
    });
    double spacing = Double.parseDouble(measured.get().getString("spacing_s"));
    assertThat(spacing).isGreaterThanOrEqualTo(2.0); // one point per 2 s interval at most, on whole intervals
    assertThat(spacing % 2.0).isZero();

    String examiner = users.token("exst", Role.EXAMINER);
    JsonArray charts = new JsonObject(getJson("/api/v1/twins/tank-1/charts", examiner).body()).getJsonArray("charts");
    assertThat(charts).hasSize(1);
    assertThat(charts.getJsonObject(0).getString("who")).isEqualTo("st1");
    HttpResponse<String> opened = getJson("/api/v1/twins/tank-1/charts/level-check", examiner);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonObject body = new JsonObject(opened.body());
    assertThat(body.getJsonObject("chart").getJsonArray("properties")).containsExactly("tank.level", "pump.speed");
    assertThat(body.encode()).contains("tank.level").doesNotContain("flow.rate");
    assertThat(getJson("/api/v1/twins/tank-1/charts/no-such-chart", examiner).statusCode()).isEqualTo(404);
  }

  @Test
  void aCandidateCannotSetTheStrategyOrSaveAChartOnAnotherStationsTwin() throws Exception {
    String other = users.token("st2", Role.CANDIDATE);
    assertThat(post("/api/v1/twins/tank-1/actions", other, STRATEGY).statusCode()).isEqualTo(403);
    HttpResponse<String> chart = post("/api/v1/twins/tank-1/actions", other, action("chart", new JsonObject()
        .put("name", "theirs").put("properties", "tank.level").put("from", "-10s").put("to", "now")));
    assertThat(chart.statusCode()).as(chart.body()).isEqualTo(403);
  }

  @Test
  void aMalformedStrategyOrChartIsRefusedNamingTheField() throws Exception {
    String candidate = users.token("st1", Role.CANDIDATE);
    HttpResponse<String> fast = post("/api/v1/twins/tank-1/actions", candidate, STRATEGY.replace("\"2s\"", "\"fast\""));
    assertThat(fast.statusCode()).as(fast.body()).isEqualTo(400);
    assertThat(fast.body()).contains("downsample");
    HttpResponse<String> influx = post("/api/v1/twins/tank-1/actions", candidate, STRATEGY.replace("\"embedded\"", "\"influxdb\""));
    assertThat(influx.statusCode()).as(influx.body()).isEqualTo(400);
    assertThat(influx.body()).contains("store");
    HttpResponse<String> chart = post("/api/v1/twins/tank-1/actions", candidate, action("chart", new JsonObject()
        .put("name", "bad").put("properties", "tank.nope").put("from", "-10s").put("to", "now")));
    assertThat(chart.statusCode()).as(chart.body()).isEqualTo(400);
    assertThat(chart.body()).contains("properties");
  }

  /** Last: it ends the session the other tests sit in. */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void theNextCandidatesStationStartsWithHistoryStoredWhole() throws Exception {
    String examiner = users.token("exst", Role.EXAMINER);
    assertThat(post("/api/v1/twins/tank-1/actions", users.token("st1", Role.CANDIDATE), STRATEGY).statusCode()).isEqualTo(201);
    HttpResponse<String> ended = post("/api/v1/sessions/exam-st/end", examiner, "{}");
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    users.token("st3", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-st2").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-develop-storage-charts-tank").put("candidate", "st3")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exst"))));
    HttpResponse<String> made = post("/api/v1/sessions", examiner, plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    // planned, not started: the earlier candidate's strategy still holds
    assertThat(new JsonObject(getJson("/api/v1/twins/tank-1/storage-strategy", examiner).body()).getValue("strategy")).isNotNull();
    HttpResponse<String> begun = post("/api/v1/sessions/exam-st2/start", examiner, "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
    assertThat(new JsonObject(getJson("/api/v1/twins/tank-1/storage-strategy", examiner).body()).getValue("strategy")).isNull();
    // and the earlier candidate's charts are not the new one's to see
    assertThat(new JsonObject(getJson("/api/v1/twins/tank-1/charts", users.token("st3", Role.CANDIDATE)).body()).getJsonArray("charts")).isEmpty();
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getJson(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .GET().header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
