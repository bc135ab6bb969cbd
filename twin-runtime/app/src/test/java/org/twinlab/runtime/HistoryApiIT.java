package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;

/**
 * History through real HTTP: the demo lab's twins, fed by real OPC UA and MQTT, written to the
 * embedded store and read back raw, stepped and exported.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HistoryApiIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir
  static Path data;
  static DemoLab lab;
  static TwinRuntime runtime;
  static WebClient http;
  static ApiUsers users;
  static Instant started;
  /** When the runtime said every connection was up. */
  static Instant healthy;

  @BeforeAll
  static void startLab(Vertx vertx) throws Exception {
    started = Instant.now();
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config()));
    runtime.history().sessions().start("tank-1", "exam-42");
    users = new ApiUsers(vertx, runtime);
    http = users.client("staff", org.twinlab.runtime.auth.Role.ADMIN);
    await().atMost(WAIT).until(() -> get("/api/v1/health").statusCode() == 200);
    healthy = Instant.now();
    // enough history to read, however long a loaded machine takes to gather it
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
        pointsSince("conveyor-1", "belt.encoder_position") > 15 && pointsSince("motor-1", null) > 8);
  }

  /** How many points the history holds for a twin (one property, or all) since the lab started. */
  private static long pointsSince(String twin, String property) throws Exception {
    JsonObject answer = get("/api/v1/twins/" + twin + "/history?" + (property == null ? "" : "property=" + property + "&")
        + "from=" + q(started.minusSeconds(1)) + "&to=" + q(Instant.now())).bodyAsJsonObject();
    return pointsOf(answer.getJsonArray("series"));
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return get(http.get(uri).send());
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * An end of window whose points are all written: two seconds ago (longer than any sample takes
   * to arrive), once the writer has caught up, so that two reads of the same window see the same
   * points.
   */
  private static Instant settledNow() throws InterruptedException {
    // the three seconds before the window's end are all after the twins came up
    await().atMost(WAIT).until(() -> Instant.now().isAfter(healthy.plusSeconds(5)));
    Instant to = Instant.now().minusSeconds(2);
    runtime.history().writer().awaitIdle(WAIT);
    return to;
  }

  private static String q(Instant t) {
    return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
  }

  private static JsonObject series(JsonObject answer, String property) {
    return answer.getJsonArray("series").stream().map(o -> (JsonObject) o)
        .filter(s -> s.getString("property").equals(property)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + property + " in " + answer.encode()));
  }

  @Test
  void rawHistoryHoldsTheBeltSpeedWithTheValueInForceBeforeTheWindow() throws Exception {
    Instant to = Instant.now();
    Instant from = started.minusSeconds(1);
    JsonObject all = get("/api/v1/twins/conveyor-1/history?property=belt.speed&property=belt.encoder_position&from=" + q(from)
        + "&to=" + q(to)).bodyAsJsonObject();

    assertThat(all.getString("twin")).isEqualTo("conveyor-1");
    JsonObject position = series(all, "belt.encoder_position");
    assertThat(position.getString("unit")).isEqualTo("pulse");
    assertThat(position.getString("station")).isEqualTo("station-1");
    JsonArray points = position.getJsonArray("points");
    assertThat(points.size()).as("encoder positions since the start").isGreaterThan(15);
    List<Instant> times = points.stream().map(p -> Instant.parse(((JsonObject) p).getString("time"))).toList();
    assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isBetween(from, to));
    JsonObject speed = series(all, "belt.speed");
    assertThat(speed.getString("unit")).isEqualTo("m/s");
    assertThat(speed.getJsonArray("points").size()).isPositive();

    // a window after the last change still says what the speed was
    Instant later = Instant.now();
    await().atMost(WAIT).untilAsserted(() -> {
      JsonObject quiet = get("/api/v1/twins/conveyor-1/history?property=belt.speed&from=" + q(later.minusMillis(1)) + "&to="
          + q(later)).bodyAsJsonObject();
      JsonObject before = series(quiet, "belt.speed").getJsonObject("before");
      assertThat(before).isNotNull();
      assertThat(before.getDouble("value")).isEqualTo(lab.rig("conveyor-1").sim().groundTruth().get("belt.speed"));
    });
  }

  @Test
  void steppedHistorySummarisesEachStep() throws Exception {
    Instant to = settledNow();
    Instant from = to.minusSeconds(3);
    JsonObject raw = get("/api/v1/twins/conveyor-1/history?property=belt.encoder_position&from=" + q(from) + "&to=" + q(to))
        .bodyAsJsonObject();
    JsonObject stepped = get("/api/v1/twins/conveyor-1/history?property=belt.encoder_position&step=1s&from=" + q(from)
        + "&to=" + q(to)).bodyAsJsonObject();

    assertThat(stepped.getString("step")).isEqualTo("PT1S");
    JsonArray steps = series(stepped, "belt.encoder_position").getJsonArray("steps");
    assertThat(steps.size()).isBetween(3, 4);
    long counted = steps.stream().mapToLong(s -> ((JsonObject) s).getLong("count")).sum();
    JsonArray points = series(raw, "belt.encoder_position").getJsonArray("points");
    assertThat(counted).isEqualTo(points.size());
    JsonObject first = steps.getJsonObject(0);
    assertThat(first.getDouble("min")).isLessThanOrEqualTo(first.getDouble("mean")).isLessThanOrEqualTo(first.getDouble("max"));
    JsonObject lastStep = steps.getJsonObject(steps.size() - 1);
    assertThat(lastStep.getLong("last")).isEqualTo(points.getJsonObject(points.size() - 1).getLong("value"));
    assertThat(Instant.parse(first.getString("time")).toEpochMilli() % 1000).isZero();

    JsonObject auto = get("/api/v1/twins/conveyor-1/history?property=belt.encoder_position&step=auto&from=-30m").bodyAsJsonObject();
    assertThat(auto.getString("step")).as("30 minutes in at most 600 steps").isEqualTo("PT5S");
  }

  @Test
  void aTwinExportsAsCsvThatReadsBackAndAsJson() throws Exception {
    Instant to = settledNow();
    Instant from = started.minusSeconds(1);
    HttpResponse<Buffer> csv = get("/api/v1/twins/motor-1/export?format=csv&from=" + q(from) + "&to=" + q(to));

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=\"motor-1_").endsWith(".csv\"");
    String text = csv.bodyAsString(StandardCharsets.UTF_8.name());
    assertThat(text).startsWith("\uFEFFtime_utc,twin,station,session,property,value,unit,quality,reason,received_utc\r\n");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text.substring(1))).getRecords();
    assertThat(rows.size()).as("a sensor node's 8 properties, sent more than once since the start").isGreaterThan(8);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("twin")).isEqualTo("motor-1");
      Instant t = java.time.LocalDateTime.parse(r.get("time_utc").replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
      assertThat(t).isBetween(from, to);
    });
    assertThat(rows.stream().map(r -> r.get("property"))).contains("vibration.rms_x");

    JsonObject json = new JsonObject(get("/api/v1/twins/motor-1/export?format=json&from=" + q(from) + "&to="
        + q(to)).bodyAsString());
    long jsonPoints = json.getJsonArray("series").stream().mapToLong(s -> ((JsonObject) s).getJsonArray("points").size()).sum();
    assertThat(jsonPoints).isEqualTo(rows.size());
  }

  @Test
  void aLabSessionExportsOnlyItsOwnData() throws Exception {
    Instant to = Instant.now();
    HttpResponse<Buffer> csv = get("/api/v1/history/export?session=exam-42&from=" + q(started.minusSeconds(1)) + "&to=" + q(to));

    assertThat(csv.statusCode()).isEqualTo(200);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.bodyAsString().substring(1))).getRecords();
    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("twin")).isEqualTo("tank-1");
      assertThat(r.get("session")).isEqualTo("exam-42");
      assertThat(r.get("station")).isEqualTo("station-3");
    });
    assertThat(rows.stream().map(r -> r.get("property"))).contains("tank.level", "pump.speed");
  }

  @Test
  void badQueriesAreRefusedNamingTheField() throws Exception {
    assertField(get("/api/v1/twins/conveyor-1/history?from=yesterday"), 400, "from");
    assertField(get("/api/v1/twins/conveyor-1/history?from=-1m&to=-2m"), 400, "from");
    assertField(get("/api/v1/twins/conveyor-1/history?step=fast"), 400, "step");
    assertField(get("/api/v1/twins/conveyor-1/history?from=-1h&step=1ms"), 400, "step");
    assertField(get("/api/v1/twins/conveyor-1/history?from=-2d"), 400, "step");
    assertField(get("/api/v1/twins/conveyor-1/history?property=belt.colour"), 400, "property");
    assertField(get("/api/v1/twins/conveyor-1/export?format=xlsx"), 400, "format");
    assertField(get("/api/v1/history/export"), 400, "session");
    assertField(get("/api/v1/history/export?session=../../etc"), 400, "session");
    assertField(get("/api/v1/twins/conveyor-9/history"), 404, "id");
  }

  private static void assertField(HttpResponse<Buffer> res, int status, String field) {
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(status);
    assertThat(res.bodyAsJsonObject().getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo(field);
  }

  /** Runs the command line in this JVM; a failure shows what it printed on standard error. */
  /** How many points some series of a history answer hold together. */
  private static int pointsOf(Iterable<Object> series) {
    int n = 0;
    for (Object s : series) n += ((JsonObject) s).getJsonArray("points").size();
    return n;
  }

  private static List<Object> ofSession(JsonObject answer, String session) {
    return answer.getJsonArray("series").stream().filter(s -> session.equals(((JsonObject) s).getString("session"))).toList();
  }

  private static int cli(String... args) {
    java.io.StringWriter err = new java.io.StringWriter();
    int code = org.twinlab.cli.TwinlabCli.commandLine().setErr(new java.io.PrintWriter(err, true)).execute(args);
    if (code != 0) System.out.println("twinlab " + String.join(" ", args) + " -> " + code + ": " + err);
    return code;
  }

  @Test
  void theExportCommandWritesCsvFromTheDataDirectoryAndJsonFromTheRuntime(@TempDir Path out) throws Exception {
    Instant to = settledNow();
    String from = to.minusSeconds(3).toString();
    Path csv = out.resolve("conveyor-1.csv");
    Path json = out.resolve("conveyor-1.json");

    assertThat(cli("export", "--data", data.toString(), "--twin", "conveyor-1", "--property", "belt.encoder_position",
        "--from", from, "--to", to.toString(), "-o", csv.toString())).isZero();
    String token = users.token("staff", org.twinlab.runtime.auth.Role.ADMIN);
    assertThat(cli("export", "--url", "http://127.0.0.1:" + runtime.port(), "--token", "nonsense", "--twin", "conveyor-1", "-o",
        out.resolve("refused.json").toString())).as("a token that is not one").isEqualTo(1);
    assertThat(cli("export", "--url", "http://127.0.0.1:" + runtime.port(), "--token", token, "--twin", "conveyor-1", "--property",
        "belt.encoder_position", "--from", from, "--to", to.toString(), "-o", json.toString())).isZero();

    String text = java.nio.file.Files.readString(csv);
    assertThat(text).startsWith("\uFEFFtime_utc,twin,").contains("\r\n");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text.substring(1))).getRecords();
    assertThat(rows.size()).isGreaterThan(15);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("property")).isEqualTo("belt.encoder_position"));
    assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r.get("value"))).isPositive());
    JsonObject fromRuntime = new JsonObject(java.nio.file.Files.readString(json));
    assertThat(series(fromRuntime, "belt.encoder_position").getJsonArray("points").size()).isEqualTo(rows.size());
    assertThat(cli("export", "--twin", "conveyor-1", "--from", "yesterday", "--data", data.toString())).isEqualTo(1);
  }

  @Test
  void aBackupTakenWhileRunningRestoresToARuntimeWithTheSameHistory(Vertx vertx, @TempDir Path out) throws Exception {
    Path backup = out.resolve("lab.zip");
    // wait until the session has stored some points, however slowly this machine runs (which of the
    // rig's properties move in a given second is the simulation's business, so points are counted)
    await().atMost(WAIT).until(() -> pointsOf(ofSession(get("/api/v1/twins/tank-1/history?from=" + q(started.minusSeconds(1)))
        .bodyAsJsonObject(), "exam-42")) > 20);
    Instant to = Instant.now().minusMillis(500);
    String window = "/api/v1/twins/tank-1/history?from=" + q(started.minusSeconds(1)) + "&to=" + q(to);
    runtime.history().writer().awaitIdle(Duration.ofSeconds(5));
    JsonObject original = get(window).bodyAsJsonObject();

    assertThat(cli("backup", "--data", data.toString(), "-o", backup.toString())).isZero();
    Path restored = out.resolve("restored");
    assertThat(cli("restore", backup.toString(), "--data", restored.toString())).isZero();
    assertThat(cli("restore", backup.toString(), "--data", restored.toString())).as("not into a full directory").isEqualTo(1);

    var c = lab.config();
    TwinRuntime second = get(TwinRuntime.start(vertx, new org.twinlab.runtime.config.LabConfig(c.bind(), 0, restored,
        c.staleFactor(), c.connections(), c.twins())));
    try {
      WebClient other = new ApiUsers(vertx, second).client("staff", org.twinlab.runtime.auth.Role.ADMIN);
      JsonObject copy = get(other.get(window).send()).bodyAsJsonObject();
      // the session's points as the first runtime stored them; the restored runtime may add its own first
      // readings (an unchanged OPC UA value keeps its old source time), which carry no session
      assertThat(ofSession(copy, "exam-42")).isEqualTo(ofSession(original, "exam-42"));
      assertThat(pointsOf(ofSession(original, "exam-42"))).isGreaterThan(20);
    } finally {
      get(second.stop());
    }
  }

  @Test
  void theStatusCountsAcknowledgedPointsAndHealthCarriesIt() throws Exception {
    JsonObject status = get("/api/v1/history/status").bodyAsJsonObject();
    assertThat(status.getString("store")).contains("SQLite").contains("history.db");
    assertThat(status.getLong("acknowledged")).isGreaterThan(100);
    assertThat(status.getBoolean("healthy")).isTrue();
    assertThat(status.getLong("dropped")).isZero();
    JsonObject health = get("/api/v1/health").bodyAsJsonObject();
    assertThat(health.getJsonObject("history").getBoolean("healthy")).isTrue();
  }
}
