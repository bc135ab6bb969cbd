package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.DemoProcess;

/**
 * The trainer's workshop over the API: a library scenario's text opens read-only, an uploaded one
 * keeps every save as a version that can be read again, a model and a bindings file are checked
 * with file:line:column and field, and examiners and candidates are refused all of it.
 */
class ScenarioWorkshopRouteIT {
  private static final Path FAIR = Path.of("..", "exam", "src", "test", "resources", "scenarios", "fair-tank-setpoint.yaml");
  private static final Path MOTOR = Path.of("..", "..", "models", "src", "main", "resources", "models", "motor-vibration.yaml");
  private static final String LIBRARY = "l4-debug-motor-swapped-axes";

  @TempDir
  Path tmp;

  private static List<JsonObject> problems(String body) {
    return new JsonObject(body).getJsonArray("problems").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void scenariosOpenSaveAsVersionsAndModelsAndBindingsAreCheckedAtTheirLines() throws Exception {
    String fair = Files.readString(FAIR);
    try (DemoProcess demo = DemoProcess.start(Files.createDirectories(tmp.resolve("data")))) {
      // a library scenario opens as written, and says it is read-only
      JsonObject lib = demo.json("trainer", "GET", "/api/v1/scenarios/" + LIBRARY + "/source", null);
      assertThat(lib.getString("yaml")).contains("scenario: " + LIBRARY);
      assertThat(lib.getBoolean("library")).isTrue();
      assertThat(lib.getBoolean("editable")).isFalse();
      assertThat(lib.getString("file")).isEqualTo(LIBRARY + ".yaml").doesNotContain("/");
      assertThat(new JsonArray(demo.call("trainer", "GET", "/api/v1/scenarios/" + LIBRARY + "/versions", null).body())).isEmpty();
      assertThat(demo.call("trainer", "POST", "/api/v1/scenarios", new JsonObject().put("name", "mine.yaml").put("yaml", lib.getString("yaml")))
          .statusCode()).as("a library id cannot be overwritten").isEqualTo(409);

      // a mistake is placed at its file, line and column
      String broken = fair.replace("skill: operate", "skill: operatee");
      var refused = demo.call("trainer", "POST", "/api/v1/scenarios/validate", new JsonObject().put("name", "fair-tank-setpoint.yaml").put("yaml", broken));
      assertThat(refused.statusCode()).isEqualTo(400);
      int line = List.of(broken.split("\n")).indexOf("skill: operatee") + 1;
      assertThat(problems(refused.body())).anySatisfy(p -> {
        assertThat(p.getString("file")).isEqualTo("fair-tank-setpoint.yaml");
        assertThat(p.getInteger("line")).isEqualTo(line);
        assertThat(p.getInteger("column")).isPositive();
        assertThat(p.getString("field")).contains("skill");
      });

      // two saves, two versions, each readable again; the newest is the one set
      demo.json("trainer", "POST", "/api/v1/scenarios", new JsonObject().put("name", "fair-tank-setpoint.yaml").put("yaml", fair));
      String second = fair.replace("version: 1\n", "version: 2\n");
      demo.json("trainer", "POST", "/api/v1/scenarios", new JsonObject().put("name", "fair-tank-setpoint.yaml").put("yaml", second));
      JsonArray versions = new JsonArray(demo.call("trainer", "GET", "/api/v1/scenarios/fair-tank-setpoint/versions", null).body());
      assertThat(versions.stream().map(v -> ((JsonObject) v).getInteger("saved"))).containsExactly(1, 2);
      assertThat(versions.getJsonObject(1).getInteger("version")).isEqualTo(2);
      assertThat(demo.json("trainer", "GET", "/api/v1/scenarios/fair-tank-setpoint/versions/1", null).getString("yaml")).isEqualTo(fair);
      assertThat(demo.json("trainer", "GET", "/api/v1/scenarios/fair-tank-setpoint/source", null).getString("yaml")).isEqualTo(second);
      assertThat(demo.json("trainer", "GET", "/api/v1/scenarios/fair-tank-setpoint/source", null).getBoolean("editable")).isTrue();
      assertThat(demo.call("trainer", "GET", "/api/v1/scenarios/fair-tank-setpoint/versions/3", null).statusCode()).isEqualTo(404);
      assertThat(demo.call("trainer", "GET", "/api/v1/scenarios/fair-tank-setpoint/versions/..%2F..", null).statusCode()).isIn(400, 404);

      // a model file: read by the model loader, its mistake at file:line:column and field
      String motor = Files.readString(MOTOR);
      JsonObject model = demo.json("trainer", "POST", "/api/v1/models/validate", new JsonObject().put("name", "my-motor.yaml").put("yaml", motor));
      assertThat(model.getString("model")).isEqualTo("motor-vibration");
      // the model comes back whole, as the models API gives a model: the page draws it from that
      assertThat(model.getJsonObject("view").getString("id")).isEqualTo("motor-vibration");
      assertThat(model.getJsonObject("view").getJsonArray("components")).isNotEmpty();
      String badModel = motor.replace("type: double, unit: A", "type: doubble, unit: A");
      var modelRefused = demo.call("trainer", "POST", "/api/v1/models/validate", new JsonObject().put("name", "my-motor.yaml").put("yaml", badModel));
      assertThat(modelRefused.statusCode()).isEqualTo(400);
      int modelLine = List.of(badModel.split("\n")).stream().filter(l -> l.contains("doubble")).findFirst().map(l -> List.of(badModel.split("\n")).indexOf(l) + 1).orElseThrow();
      assertThat(problems(modelRefused.body())).anySatisfy(p -> {
        assertThat(p.getString("file")).isEqualTo("my-motor.yaml");
        assertThat(p.getInteger("line")).isEqualTo(modelLine);
        assertThat(p.getInteger("column")).isPositive();
      });

      // a bindings file against the model sent with it, and against one of the lab's
      String bindings = "twin: motor-9\nmodel: motor-vibration\nbindings:\n"
          + "  - {property: motor.current, connection: broker, address: 'lab/motor-9/telemetry#/motor/current'}\n";
      JsonObject ok = demo.json("trainer", "POST", "/api/v1/bindings/validate", new JsonObject().put("name", "motor-9.yaml").put("yaml", bindings)
          .put("modelName", "my-motor.yaml").put("modelYaml", motor));
      assertThat(ok.getInteger("bindings")).isEqualTo(1);
      String badBindings = bindings.replace("motor.current", "motor.currant");
      var bindingsRefused = demo.call("trainer", "POST", "/api/v1/bindings/validate", new JsonObject().put("name", "motor-9.yaml")
          .put("yaml", badBindings).put("model", "motor-vibration"));
      assertThat(bindingsRefused.statusCode()).isEqualTo(400);
      assertThat(problems(bindingsRefused.body())).anySatisfy(p -> {
        assertThat(p.getString("file")).isEqualTo("motor-9.yaml");
        assertThat(p.getInteger("line")).isEqualTo(4);
        assertThat(p.getString("message") + p.getString("field")).contains("currant");
      });
      var modelAtFault = demo.call("trainer", "POST", "/api/v1/bindings/validate", new JsonObject().put("name", "motor-9.yaml")
          .put("yaml", bindings).put("modelName", "my-motor.yaml").put("modelYaml", badModel));
      assertThat(problems(modelAtFault.body())).as("the model's own problems name the model file")
          .anySatisfy(p -> assertThat(p.getString("file")).isEqualTo("my-motor.yaml"));
      assertThat(demo.call("trainer", "POST", "/api/v1/bindings/validate", new JsonObject().put("yaml", bindings)).statusCode()).isEqualTo(400);

      // examiners and candidates get none of it
      for (String who : List.of("exam1", "cand1")) {
        for (String path : List.of("/api/v1/scenarios/" + LIBRARY + "/source", "/api/v1/scenarios/fair-tank-setpoint/source",
            "/api/v1/scenarios/fair-tank-setpoint/versions", "/api/v1/scenarios/fair-tank-setpoint/versions/1")) {
          var r = demo.call(who, "GET", path, null);
          assertThat(r.statusCode()).as(who + " GET " + path).isEqualTo(403);
          assertThat(r.body()).doesNotContain("scenario: ");
        }
        assertThat(demo.call(who, "POST", "/api/v1/models/validate", new JsonObject().put("yaml", motor)).statusCode()).isEqualTo(403);
        assertThat(demo.call(who, "POST", "/api/v1/bindings/validate", new JsonObject().put("yaml", bindings).put("model", "motor-vibration"))
            .statusCode()).isEqualTo(403);
      }
    }
  }
}
