package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
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
 * A test set-up and a performance script taken on the live runtime through the API: checked on a
 * copy of the candidate's own rig and against the slow variants of their own twin, refused naming
 * the field when malformed, and refused to a candidate of another station.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TestToolsIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PLC = "plc-tank-1";
  private static final JsonObject LEVEL = new JsonObject().put("property", "tank.level").put("connection", PLC)
      .put("address", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Tank\".\"LevelRaw\"")
      .put("transform", new JsonObject().put("range", new JsonObject().put("raw", new JsonArray().add(0).add(27648))
          .put("value", new JsonArray().add(0).add(500))));
  private static final JsonObject SETPOINT = new JsonObject().put("property", "pid.setpoint").put("connection", PLC)
      .put("address", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"PID\".\"Setpoint\"");
  private static final JsonObject SCRIPT = new JsonObject().put("property", "pid.setpoint").put("values", new JsonArray().add(300).add(320))
      .put("rate", 1).put("seconds", 60).put("metric", "p95").put("threshold_ms", 1000);
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
    users.token("tool1", Role.CANDIDATE);
    users.token("tool2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-t").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-test-environment-performance-script-tank").put("candidate", "tool1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("ext")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "tool2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("ext"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("ext", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-t/start", users.token("ext", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void aCandidatesTestSetUpIsCheckedAgainstACopyOfTheirOwnRig() throws Exception {
    JsonObject rawLevel = LEVEL.copy();
    rawLevel.remove("transform");
    rawLevel.put("property", "flow.rate"); // the level's raw counts are no flow
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("tool1", Role.CANDIDATE),
        action("test_setup", new JsonObject().put("probes", new JsonArray().add(LEVEL).add(SETPOINT).add(rawLevel))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("connects")).isEqualTo("true");
    assertThat(result.getString("mirrored")).isEqualTo("2");
    assertThat(result.getString("mirrors.tank.level")).isEqualTo("true");
    assertThat(result.getString("mirrors.flow.rate")).isEqualTo("false");
  }

  @Test
  void aCandidatesPerformanceScriptIsRunAgainstTheSlowVariantsOfTheirOwnTwin() throws Exception {
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("tool1", Role.CANDIDATE), action("perf_script", SCRIPT));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("false_failures")).isEqualTo("0");
    assertThat(result.getString("detects.added_latency")).isEqualTo("true");
    assertThat(result.getString("detects.throttled_sampling")).isEqualTo("true");
  }

  @Test
  void malformedToolsAreRefusedNamingTheField() throws Exception {
    String token = users.token("tool1", Role.CANDIDATE);
    HttpResponse<String> script = post("/api/v1/twins/tank-1/actions", token, action("perf_script", SCRIPT.copy().put("metric", "p50")));
    assertThat(script.statusCode()).as(script.body()).isEqualTo(400);
    assertThat(script.body()).contains("metric");
    HttpResponse<String> setup = post("/api/v1/twins/tank-1/actions", token,
        action("test_setup", new JsonObject().put("probes", new JsonArray().add(SETPOINT.copy().put("connection", "plc-conveyor-1")))));
    assertThat(setup.statusCode()).as(setup.body()).isEqualTo(400);
    assertThat(setup.body()).contains("probes[0].connection");
  }

  @Test
  void aCandidateCannotRunToolsOnAnotherStationsTwin() throws Exception {
    String token = users.token("tool2", Role.CANDIDATE);
    assertThat(post("/api/v1/twins/tank-1/actions", token, action("perf_script", SCRIPT)).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/twins/tank-1/actions", token,
        action("test_setup", new JsonObject().put("probes", new JsonArray().add(SETPOINT)))).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
