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

/** A security test script graded on the live runtime, and only on the candidate's own station. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecuritySuiteIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String SCRIPT = new JsonObject().put("kind", "security_suite").put("fields", new JsonObject().put("cases", new JsonArray()
      .add(new JsonObject().put("write", new JsonObject().put("property", "pid.setpoint").put("value", 600)).put("expect", "refused"))
      .add(new JsonObject().put("write", new JsonObject().put("property", "pid.manual_output").put("value", 101)).put("expect", "refused"))
      .add(new JsonObject().put("write", new JsonObject().put("property", "pump.speed").put("value", 50)).put("expect", "refused"))
      .add(new JsonObject().put("write", new JsonObject().put("property", "pid.setpoint").put("value", 300)).put("expect", "accepted")))).encode();
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path data) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    users.token("sec1", Role.CANDIDATE);
    users.token("sec2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-s").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l5-operate-start-pause-stop-tank").put("candidate", "sec1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exs")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "sec2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("exs"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("exs", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-s/start", users.token("exs", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void aCandidatesScriptIsGradedAgainstTheInsecureVariantsOfTheirOwnTwin() throws Exception {
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("sec1", Role.CANDIDATE), SCRIPT);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("false_failures")).isEqualTo("0");
    assertThat(result.getString("detected")).isEqualTo("3");
    assertThat(result.getString("detects.read_only_writable")).isEqualTo("true");
  }

  @Test
  void aCandidateCannotGradeAScriptOnAnotherStationsTwin() throws Exception {
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("sec2", Role.CANDIDATE), SCRIPT);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
  }

  @Test
  void aMalformedScriptIsRefusedNamingTheField() throws Exception {
    String bad = SCRIPT.replace("\"refused\"", "\"maybe\"");
    HttpResponse<String> r = post("/api/v1/twins/tank-1/actions", users.token("sec1", Role.CANDIDATE), bad);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("cases[0].expect");
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
