package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.auth.Role;

/**
 * Test data judged on the live runtime against the twin's stored history: a candidate reads a
 * window of their own twin's history over the API, counts and cleans it as the briefing says, and
 * submits the figures; wrong ones are caught, malformed submissions refused naming the field, and
 * another station's candidate may not submit for this twin.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TestDataIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final String PROPERTY = "tank.temperature";
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;
  private Instant from;
  private Instant to;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path data) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    users.token("td1", Role.CANDIDATE);
    users.token("td2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-td").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l5-test-collect-data-tank").put("candidate", "td1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("ext")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "td2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("ext"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("ext", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-td/start", users.token("ext", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
    // a window of the candidate's own station once the scenario's noise on the temperature reading has come (at 0:30)
    from = Instant.now().plusSeconds(32).truncatedTo(ChronoUnit.SECONDS);
    to = from.plusSeconds(4);
    await().atMost(Duration.ofSeconds(80)).pollInterval(Duration.ofMillis(500))
        .until(() -> Instant.now().isAfter(to.plusSeconds(2)) && !points().isEmpty());
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void figuresCountedFromTheHistoryApiMatchAndWrongOnesAreCaught() throws Exception {
    List<JsonObject> points = points();
    long unknown = 0;
    long outOfRange = 0;
    List<Double> clean = new ArrayList<>();
    PropertyDef def = TANK.property(PROPERTY).orElseThrow();
    for (JsonObject p : points) {
      Object v = p.getValue("value");
      if (v instanceof Number n && !def.range().orElseThrow().contains(n.doubleValue())) outOfRange++;
      else if (v instanceof Number n && "GOOD".equals(p.getString("quality"))) clean.add(n.doubleValue());
      else unknown++;
    }
    assertThat(clean).as("the temperature is read in the window").isNotEmpty();
    double mean = clean.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    JsonObject figures = window("online").put("samples", points.size()).put("unknown", unknown).put("out_of_range", outOfRange)
        .put("min", clean.stream().min(Double::compare).orElseThrow()).put("max", clean.stream().max(Double::compare).orElseThrow())
        .put("mean", mean);
    HttpResponse<String> r = submit("td1", figures);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("figures")).isEqualTo("6");
    assertThat(result.getString("matched")).as(result.encode()).isEqualTo("6");
    assertThat(result.getString("window_s")).isEqualTo("4");

    HttpResponse<String> wrong = submit("td1", figures.copy().put("mean", mean + 5).put("samples", points.size() + 3));
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(201);
    JsonObject judged = new JsonObject(wrong.body()).getJsonObject("result");
    assertThat(judged.getString("matches.mean")).isEqualTo("false");
    assertThat(judged.getString("matches.samples")).isEqualTo("false");
    assertThat(judged.getString("matches.max")).isEqualTo("true");
    assertThat(judged.getString("matched")).isEqualTo("4");
  }

  @Test
  void aMalformedSubmissionIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> r = submit("td1", window("usb-stick").put("samples", 3));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("source");
    HttpResponse<String> noFigure = submit("td1", window("offline"));
    assertThat(noFigure.statusCode()).as(noFigure.body()).isEqualTo(400);
    assertThat(noFigure.body()).contains("samples");
    HttpResponse<String> posing = submit("td1", window("offline").put("samples", 3).put("matched", "6"));
    assertThat(posing.statusCode()).as(posing.body()).isEqualTo(400);
    assertThat(posing.body()).contains("matched");
  }

  @Test
  void aCandidatesWindowCannotReachBeforeTheirStationStarted() throws Exception {
    JsonObject early = new JsonObject().put("property", PROPERTY).put("from", from.minus(Duration.ofHours(1)).toString())
        .put("to", to.toString()).put("source", "online").put("samples", 0);
    HttpResponse<String> r = submit("td1", early);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("from");
  }

  @Test
  void anotherStationsCandidateCannotSubmitForThisTwin() throws Exception {
    HttpResponse<String> r = submit("td2", window("online").put("samples", 3));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
  }

  private JsonObject window(String source) {
    return new JsonObject().put("property", PROPERTY).put("from", from.toString()).put("to", to.toString()).put("source", source);
  }

  private HttpResponse<String> submit(String candidate, JsonObject fields) throws Exception {
    return post("/api/v1/twins/tank-1/actions", users.token(candidate, Role.CANDIDATE),
        new JsonObject().put("kind", "test_data").put("fields", fields).encode());
  }

  /** The window's raw points of the property as the candidate reads them from the history API. */
  private List<JsonObject> points() throws Exception {
    String q = "?property=" + PROPERTY + "&from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
        + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/api/v1/twins/tank-1/history" + q))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + users.token("td1", Role.CANDIDATE)).GET().build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonObject> out = new ArrayList<>();
    new JsonObject(r.body()).getJsonArray("series").forEach(s -> ((JsonObject) s).getJsonArray("points").forEach(p -> out.add((JsonObject) p)));
    return out;
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
