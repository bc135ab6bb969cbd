package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.api.Views;
import org.twinlab.runtime.auth.Role;
import org.twinlab.wire.ModelSummaryView;
import org.twinlab.wire.ModelView;

/**
 * The models through the API, and who may read them: staff read the lab's models; a candidate
 * reads only their own twin's model, and only while they may see the twin (exactly as
 * {@code GET /api/v1/twins/{id}} answers them, on their twin, another station's, one that does not
 * exist, before and after their station); nobody logged in reads nothing.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ModelApiIT {
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> call(WebClient c, String path) throws Exception {
    return get(c.get(path).send());
  }

  private static int status(WebClient c, String path) throws Exception {
    return call(c, path).statusCode();
  }

  @Test
  void staffReadTheModelsAndACandidateOnlyTheirOwnTwinsWhileTheyMaySeeIt(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        // exam-b: cand1 at s1 on motor-1, marked by exam1; exam-c: cand2 on motor-2, marked by exam2
        ApiAccessIT.examLab(users);
        WebClient nobody = users.anonymous();
        WebClient admin = users.client("boss", Role.ADMIN);
        WebClient trainer = users.client("wang", Role.TRAINER);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);

        // no login: nothing
        for (String path : new String[] {"/api/v1/models", "/api/v1/models/motor-vibration", "/api/v1/models/no-such-model",
            "/api/v1/twins/motor-1/model", "/api/v1/twins/no-such-twin/model"}) {
          assertThat(status(nobody, path)).as(path + " without a login").isEqualTo(401);
        }

        // staff: the list and every model whole
        for (WebClient staff : new WebClient[] {admin, trainer, exam1}) {
          HttpResponse<Buffer> list = call(staff, "/api/v1/models");
          assertThat(list.statusCode()).isEqualTo(200);
          JsonArray models = list.bodyAsJsonArray();
          assertThat(models.stream().map(m -> ModelSummaryView.fromMap(((JsonObject) m).getMap()).id()).toList())
              .containsExactlyElementsOf(ModelLibrary.BUILT_IN);
          assertThat(status(staff, "/api/v1/models/no-such-model")).isEqualTo(404);
        }
        HttpResponse<Buffer> tank = call(exam1, "/api/v1/models/tank-process");
        assertThat(tank.statusCode()).isEqualTo(200);
        ModelView tankView = ModelView.fromMap(tank.bodyAsJsonObject().getMap());
        assertThat(tankView).isEqualTo(Views.modelView(ModelLibrary.loadBuiltIn("tank-process")));
        assertThat(tankView.components().stream().flatMap(c -> c.properties().stream()).filter(p -> p.property().equals("tank.level"))
            .findFirst().orElseThrow()).satisfies(p -> {
              assertThat(p.unit()).isEqualTo("mm");
              assertThat(p.range()).containsExactly(0.0, 500.0);
              assertThat(p.periodMs()).isEqualTo(200L);
            });
        assertThat(tankView.alarms()).extracting(a -> a.alarm() + ": " + a.condition() + " (" + a.severity() + ")")
            .contains("level_high: tank.level > 450 (major)", "overtemperature: tank.temperature > 80 (critical)");
        JsonObject motor = call(trainer, "/api/v1/models/motor-vibration").bodyAsJsonObject();
        assertThat(motor.getJsonObject("view").getJsonObject("gltf").getJsonObject("scene").getJsonObject("asset").getString("version"))
            .as("the glTF scene inline").isEqualTo("2.0");
        assertThat(status(trainer, "/api/v1/twins/no-such-twin/model")).isEqualTo(404);
        // the examiner of s1: its twin's model, not another station's, as the twin itself
        assertThat(status(exam1, "/api/v1/twins/motor-1/model")).isEqualTo(200);
        assertThat(status(exam1, "/api/v1/twins/motor-2/model")).isEqualTo(status(exam1, "/api/v1/twins/motor-2")).isEqualTo(403);

        // the candidate: not the lab's models, whichever the id, so no list of what exists either
        assertThat(status(cand1, "/api/v1/models")).isEqualTo(403);
        assertThat(status(cand1, "/api/v1/models/motor-vibration")).isEqualTo(403);
        assertThat(status(cand1, "/api/v1/models/no-such-model")).as("no oracle of which models exist").isEqualTo(403);
        // their own twin's model, and what the twin's own read gives them elsewhere
        Map<String, Integer> expected = Map.of("motor-1", 200, "motor-2", 403, "no-such-twin", 403, "conveyor-1", 403);
        expected.forEach((twin, code) -> {
          try {
            assertThat(status(cand1, "/api/v1/twins/" + twin + "/model")).as("cand1 on " + twin + "'s model")
                .isEqualTo(status(cand1, "/api/v1/twins/" + twin)).isEqualTo(code);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
        assertThat(status(cand1, "/api/v1/twins/motor-1/../motor-2/model")).as("a dot segment to another station's twin")
            .isIn(403, 404);
        assertThat(status(cand1, "/api/v1/twins/motor-2%2Fmodel")).as("an escaped slash").isIn(400, 403, 404);

        // while the station runs: still theirs, and the same model staff read
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-b/stations/s1/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> own = call(cand1, "/api/v1/twins/motor-1/model");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(ModelView.fromMap(own.bodyAsJsonObject().getMap())).isEqualTo(Views.modelView(ModelLibrary.loadBuiltIn("motor-vibration")));
        assertThat(status(cand1, "/api/v1/twins/motor-2/model")).isEqualTo(403);
        assertThat(status(cand1, "/api/v1/models/motor-vibration")).isEqualTo(403);

        // handed in: the twin is no longer theirs, nor its model
        HttpResponse<Buffer> handedIn = get(cand1.post("/api/v1/sessions/exam-b/stations/s1/hand-in").send());
        assertThat(handedIn.statusCode()).as(handedIn.bodyAsString()).isEqualTo(200);
        assertThat(status(cand1, "/api/v1/twins/motor-1/model")).isEqualTo(status(cand1, "/api/v1/twins/motor-1")).isEqualTo(403);
      } finally {
        get(runtime.stop());
      }
    }
  }
}
