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
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.auth.Role;

/**
 * Model work on the live runtime through the API: a model file imported is read by the model loader
 * and checked against the candidate's own station (and scores on the station's scenario), a mapping
 * test is graded against wrong mappings, parameters read off the twin agree with it and made-up ones
 * do not; malformed actions are refused naming the field, and another station's candidate may take
 * none of them on this twin.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ModelWorkIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TANK_MODEL = ModelLibrary.builtInSource("tank-process");
  private static final JsonObject MAPPING_TEST = new JsonObject().put("cases", new JsonArray()
      .add(mappingCase("tank.level", 1.0, "20s", new JsonObject().put("write", new JsonObject().put("property", "pid.setpoint").put("value", 400))))
      .add(mappingCase("flow.rate", 0.5, "10s", new JsonObject().put("write", new JsonObject().put("property", "pid.setpoint").put("value", 400))))
      .add(mappingCase("inlet_valve.open", 0, "5s", new JsonObject().put("write", new JsonObject().put("property", "inlet_valve.open").put("value", false)))));
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static JsonObject mappingCase(String property, double tolerance, String hold, JsonObject when) {
    return new JsonObject().put("name", property + " follows the rig").put("when", when).put("property", property)
        .put("tolerance", tolerance).put("within", "3s").put("hold", hold);
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path data) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    users.token("mw1", Role.CANDIDATE);
    users.token("mw2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-mw").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-develop-import-model-tank").put("candidate", "mw1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exmw")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "mw2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("exmw"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("exmw", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-mw/start", users.token("exmw", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void anImportedModelIsCheckedAgainstTheStationAndScoresOnItsScenario() throws Exception {
    HttpResponse<String> r = act("mw1", "model_import", new JsonObject().put("file", "tank-process.yaml").put("text", TANK_MODEL));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("loaded")).isEqualTo("true");
    assertThat(result.getString("kind_matches")).isEqualTo("true");
    assertThat(result.getString("integrates")).isEqualTo("true");
    assertThat(result.getString("parameters_right")).isEqualTo("true");
    // the live run of the station's scenario heard it and judges the check on it
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "passed".equals(checkStatus("model-integrates")));
    assertThat(checkStatus("all-parameters-right")).isEqualTo("passed");
  }

  @Test
  void aModelThatDoesNotLoadComesBackWithItsProblemsAtLineAndColumn() throws Exception {
    HttpResponse<String> r = act("mw1", "model_import",
        new JsonObject().put("file", "my-tank.yaml").put("text", TANK_MODEL.replace("kind: plc-station", "kind: plc-stattion")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject answer = new JsonObject(r.body());
    assertThat(answer.getJsonObject("result").getString("loaded")).isEqualTo("false");
    assertThat(answer.getJsonObject("result").getString("problem.1")).matches("my-tank\\.yaml:\\d+:\\d+: kind: .*");
    assertThat(answer.getString("detail")).contains("my-tank.yaml does not load");
  }

  @Test
  void parametersReadOffTheTwinAgreeWithItAndMadeUpOnesDoNot() throws Exception {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> shown("pid.setpoint") instanceof Number && shown("tank.level") instanceof Number);
    double setpoint = ((Number) shown("pid.setpoint")).doubleValue();
    double level = ((Number) shown("tank.level")).doubleValue();
    HttpResponse<String> r = act("mw1", "parameter_reading",
        new JsonObject().put("readings", new JsonObject().put("pid.setpoint", setpoint).put("tank.level", level)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(new JsonObject(r.body()).getJsonObject("result").getString("matched")).as(r.body()).isEqualTo("2");
    HttpResponse<String> madeUp = act("mw1", "parameter_reading",
        new JsonObject().put("readings", new JsonObject().put("pid.setpoint", setpoint + 100).put("tank.level", level + 100)));
    assertThat(madeUp.statusCode()).as(madeUp.body()).isEqualTo(201);
    JsonObject judged = new JsonObject(madeUp.body()).getJsonObject("result");
    assertThat(judged.getString("matched")).isEqualTo("0");
    assertThat(judged.getString("unmatched")).isEqualTo("pid.setpoint,tank.level");
  }

  @Test
  void aMappingTestIsGradedAgainstTheWrongMappingsOfTheCandidatesOwnTwin() throws Exception {
    HttpResponse<String> r = act("mw1", "mapping_test", MAPPING_TEST);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject result = new JsonObject(r.body()).getJsonObject("result");
    assertThat(result.getString("false_failures")).isEqualTo("0");
    assertThat(result.getString("variants")).isEqualTo("5");
    assertThat(result.getString("detected")).as(result.encode()).isEqualTo("5");
    assertThat(result.getString("driven_cases")).isEqualTo("3");
  }

  @Test
  void malformedModelWorkIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> noText = act("mw1", "model_import", new JsonObject().put("file", "tank.yaml"));
    assertThat(noText.statusCode()).as(noText.body()).isEqualTo(400);
    assertThat(noText.body()).contains("text");
    HttpResponse<String> path = act("mw1", "model_import", new JsonObject().put("file", "../tank.yaml").put("text", TANK_MODEL));
    assertThat(path.statusCode()).as(path.body()).isEqualTo(400);
    assertThat(path.body()).contains("file");
    HttpResponse<String> noProperty = act("mw1", "mapping_test", new JsonObject().put("cases", new JsonArray().add(new JsonObject().put("tolerance", 1))));
    assertThat(noProperty.statusCode()).as(noProperty.body()).isEqualTo(400);
    assertThat(noProperty.body()).contains("cases[0].property");
    HttpResponse<String> unknown = act("mw1", "parameter_reading", new JsonObject().put("readings", new JsonObject().put("tank.levl", 300)));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("readings.tank.levl");
    HttpResponse<String> posing = act("mw1", "parameter_reading",
        new JsonObject().put("readings", new JsonObject().put("tank.level", 300)).put("matched", "1"));
    assertThat(posing.statusCode()).as(posing.body()).isEqualTo(400);
    assertThat(posing.body()).contains("matched");
  }

  @Test
  void anotherStationsCandidateCannotDoModelWorkOnThisTwin() throws Exception {
    assertThat(act("mw2", "model_import", new JsonObject().put("file", "tank.yaml").put("text", TANK_MODEL)).statusCode()).isEqualTo(403);
    assertThat(act("mw2", "mapping_test", MAPPING_TEST).statusCode()).isEqualTo(403);
    assertThat(act("mw2", "parameter_reading", new JsonObject().put("readings", new JsonObject().put("tank.level", 300))).statusCode())
        .isEqualTo(403);
  }

  private HttpResponse<String> act(String candidate, String kind, JsonObject fields) throws Exception {
    return post("/api/v1/twins/tank-1/actions", users.token(candidate, Role.CANDIDATE),
        new JsonObject().put("kind", kind).put("fields", fields).encode());
  }

  /** What the twin shows of a property, as the candidate reads it from the twin's API. */
  private Object shown(String property) throws Exception {
    JsonObject twin = new JsonObject(getAs("/api/v1/twins/tank-1", users.token("mw1", Role.CANDIDATE)));
    JsonObject v = twin.getJsonObject("values").getJsonObject(property);
    return v == null || !"GOOD".equals(v.getString("quality")) ? null : v.getValue("value");
  }

  private String checkStatus(String check) throws Exception {
    JsonObject station = new JsonObject(getAs("/api/v1/sessions/exam-mw/stations/s1", users.token("exmw", Role.EXAMINER)));
    return station.getJsonArray("checks").stream().map(c -> (JsonObject) c).filter(c -> check.equals(c.getString("check")))
        .findFirst().map(c -> c.getString("status")).orElse(null);
  }

  private String getAs(String path, String token) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
