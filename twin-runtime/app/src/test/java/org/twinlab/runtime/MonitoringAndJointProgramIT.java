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
 * A watch and a joint-debugging program taken on the live runtime through the API: only on the
 * candidate's own station, refused naming the field when malformed; the watch judged by the
 * station's live run on what the twin shows, the program graded against the miswired variants.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MonitoringAndJointProgramIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String watch(JsonObject fields) {
    return new JsonObject().put("kind", "watch").put("fields", fields).encode();
  }

  private static JsonObject step(String name, String then) {
    return new JsonObject().put("name", name).put("then", then).put("within", "5s");
  }

  private static String program(JsonObject... steps) {
    JsonArray s = new JsonArray();
    for (JsonObject x : steps) s.add(x);
    return new JsonObject().put("kind", "joint_program").put("fields", new JsonObject()
        .put("rigs", new JsonArray().add("tank-process").add("motor-vibration")).put("steps", s)).encode();
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path data) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    users.token("mon1", Role.CANDIDATE);
    users.token("mon2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-m").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-operate-monitor-tools-tank").put("candidate", "mon1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exm")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "mon2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("exm"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("exm", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-m/start", users.token("exm", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  // a watch that fires on the normal run is the false alarm the scenario's check judges live
  @Test
  void aCandidatesWatchIsTakenAndJudgedLiveOnWhatTheTwinShows() throws Exception {
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("mon1", Role.CANDIDATE),
        watch(new JsonObject().put("name", "any-level").put("condition", "twin.tank.level > 0").put("delay", "1s")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(new JsonObject(r.body()).getString("detail")).contains("any-level");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(check("no-false-alarm").getString("status")).isEqualTo("failed"));
    assertThat(check("watch-set-in-advance").getString("status")).isNotEqualTo("passed"); // guarded: nothing caught yet
  }

  @Test
  void aMalformedWatchIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> rig = post("/api/v1/twins/tank-1/actions", users.token("mon1", Role.CANDIDATE),
        watch(new JsonObject().put("name", "peek").put("condition", "rig.tank.level > 100")));
    assertThat(rig.statusCode()).as(rig.body()).isEqualTo(400);
    assertThat(rig.body()).contains("condition");
    HttpResponse<String> delay = post("/api/v1/twins/tank-1/actions", users.token("mon1", Role.CANDIDATE),
        watch(new JsonObject().put("name", "slow").put("condition", "twin.tank.level > 100").put("delay", "2h")));
    assertThat(delay.statusCode()).as(delay.body()).isEqualTo(400);
    assertThat(delay.body()).contains("delay");
  }

  @Test
  void aCandidatesProgramIsGradedAgainstTheMiswiredVariants() throws Exception {
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("mon1", Role.CANDIDATE), program(
        step("the level reads about 150 mm", "twin.tank.level > 100 and twin.tank.level < 250"),
        step("the winding reads about 35 °C", "twin.motor.winding_temperature > 25 and twin.motor.winding_temperature < 60")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("false_failures")).isEqualTo("0");
    assertThat(result.getString("detects.tank_wrong_scale")).isEqualTo("true");
    assertThat(result.getString("detects.motor_wrong_scale")).isEqualTo("true");
    assertThat(result.getString("detects.motor_swapped_signals")).isEqualTo("false");
  }

  @Test
  void aMalformedProgramIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("mon1", Role.CANDIDATE),
        program(step("bad", "twin.tank.nothing > 1")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("steps[0].then");
  }

  @Test
  void aCandidateCannotWatchOrRunAProgramOnAnotherStationsTwin() throws Exception {
    HttpResponse<String> w = post("/api/v1/twins/tank-1/actions", users.token("mon2", Role.CANDIDATE),
        watch(new JsonObject().put("name", "theirs").put("condition", "twin.tank.level > 0")));
    assertThat(w.statusCode()).as(w.body()).isEqualTo(403);
    HttpResponse<String> p = post("/api/v1/twins/tank-1/actions", users.token("mon2", Role.CANDIDATE),
        program(step("theirs", "twin.tank.level > 0")));
    assertThat(p.statusCode()).as(p.body()).isEqualTo(403);
  }

  private JsonObject check(String id) throws Exception {
    HttpResponse<String> st = getAs("/api/v1/sessions/exam-m/stations/s1", users.token("exm", Role.EXAMINER));
    assertThat(st.statusCode()).as(st.body()).isEqualTo(200);
    JsonArray checks = new JsonObject(st.body()).getJsonArray("checks");
    for (int i = 0; i < checks.size(); i++) if (checks.getJsonObject(i).getString("check").equals(id)) return checks.getJsonObject(i);
    throw new AssertionError("no check " + id + " in " + st.body());
  }

  private HttpResponse<String> getAs(String path, String token) throws Exception {
    HttpRequest b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .GET().header("Authorization", "Bearer " + token).build();
    return HTTP.send(b, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
