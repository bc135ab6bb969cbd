package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * The hall's one route and the confirm step of marking, through the API on the demo lab: an
 * examiner's hall holds only the stations they mark, staff's every station, a candidate and an
 * examiner of no station are refused; a check passing shows in the next answer. An examiner's
 * confirmed mark is locked for them and on record with who and when; a mark not entered cannot be
 * confirmed, and no one else confirms it for them.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HallAndConfirmApiIT {
  private static final String SCENARIO = "l4-debug-motor-swapped-axes";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static JsonObject station(String id, String candidate, String twin, String... examiners) {
    return new JsonObject().put("id", id).put("scenario", SCENARIO).put("candidate", candidate)
        .put("twins", new JsonArray().add(twin)).put("examiners", new JsonArray(List.of((Object[]) examiners)));
  }

  @Test
  void theHallAnswersInOneRouteAndAConfirmedMarkIsLocked(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        for (String e : List.of("exam1", "exam2", "exam3", "exam4", "exam5")) users.token(e, Role.EXAMINER);
        for (String c : List.of("cand1", "cand2")) users.token(c, Role.CANDIDATE);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient exam2 = users.client("exam2", Role.EXAMINER);
        WebClient trainer = users.client("wang", Role.TRAINER);
        JsonObject plan = new JsonObject().put("id", "hall-api").put("title", "Hall").put("stations", new JsonArray()
            .add(station("s1", "cand1", "motor-1", "exam1", "exam2", "exam3"))
            .add(station("s2", "cand2", "motor-2", "exam2", "exam3", "exam4")));
        HttpResponse<Buffer> created = get(exam2.post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

        // staff see every station; an examiner the ones they mark
        JsonObject all = hall(trainer, 200);
        assertThat(ids(all)).containsExactly("s1", "s2");
        JsonObject s1 = hall(exam1, 200).getJsonArray("stations").getJsonObject(0);
        assertThat(ids(hall(exam1, 200))).containsExactly("s1");
        assertThat(s1.getString("state")).isEqualTo("ready");
        assertThat(s1.getString("result")).isEqualTo("pending");
        assertThat(s1.getJsonObject("points").fieldNames()).contains("earned", "decided", "possible");
        assertThat(s1.getJsonArray("alarms")).isEmpty();
        assertThat(s1.getValue("lastAction")).isNull();
        assertThat(s1.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("kind"))).contains("judgement");
        // the row is the hall's, not the station's full view
        assertThat(s1.fieldNames()).doesNotContain("actions", "faults", "interventions");

        // refusals: a candidate, an examiner of no station there, no one; no such session
        assertThat(get(users.client("cand1", Role.CANDIDATE).get("/api/v1/sessions/hall-api/hall").send()).statusCode()).isEqualTo(403);
        assertThat(get(users.client("exam5", Role.EXAMINER).get("/api/v1/sessions/hall-api/hall").send()).statusCode()).isEqualTo(403);
        assertThat(get(users.anonymous().get("/api/v1/sessions/hall-api/hall").send()).statusCode()).isEqualTo(401);
        HttpResponse<Buffer> none = get(trainer.get("/api/v1/sessions/no-such/hall").send());
        assertThat(none.statusCode()).as(none.bodyAsString()).isEqualTo(404);

        assertThat(get(exam2.post("/api/v1/sessions/hall-api/start").send()).statusCode()).isEqualTo(200);
        // candidate 1 rebinds X: the next look at the hall shows the passed check and the action
        HttpResponse<Buffer> fixed = get(users.client("cand1", Role.CANDIDATE).put("/api/v1/twins/motor-1/bindings/vibration.rms_x")
            .sendJsonObject(new JsonObject().put("property", "vibration.rms_x").put("connection", "broker")
                .put("address", "twinlab/motor-1/telemetry#/vibration/x")));
        assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> hall(exam1, 200).getJsonArray("stations").getJsonObject(0)
            .getJsonArray("checks").stream().anyMatch(c -> "passed".equals(((JsonObject) c).getString("status"))));
        JsonObject after = hall(exam1, 200).getJsonArray("stations").getJsonObject(0);
        assertThat(after.getJsonObject("lastAction").getString("kind")).isEqualTo("binding_edit");
        assertThat(after.getString("result")).isEqualTo("pending");

        // nothing entered, nothing to confirm; then enter, confirm, and the mark is locked
        String marks = "/api/v1/sessions/hall-api/stations/s1/marks";
        JsonObject check = new JsonObject().put("check", "record-explains");
        HttpResponse<Buffer> early = get(exam1.post(marks + "/confirm").sendJsonObject(check));
        assertThat(early.statusCode()).as(early.bodyAsString()).isEqualTo(409);
        assertThat(early.bodyAsString()).contains("enter one first");
        assertThat(get(exam1.post(marks).sendJsonObject(check.copy().put("mark", 2))).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> confirmed = get(exam1.post(marks + "/confirm").sendJsonObject(check));
        assertThat(confirmed.statusCode()).as(confirmed.bodyAsString()).isEqualTo(200);
        JsonObject judgement = confirmed.bodyAsJsonObject().getJsonArray("judgements").getJsonObject(0);
        assertThat(judgement.getJsonObject("confirmed").fieldNames()).containsExactly("exam1");
        HttpResponse<Buffer> changed = get(exam1.post(marks).sendJsonObject(check.copy().put("mark", 3)));
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(409);
        assertThat(changed.bodyAsString()).contains("locked");
        // the others mark on their own: exam2's mark is still open to change
        assertThat(get(exam2.post(marks).sendJsonObject(check.copy().put("mark", 1))).statusCode()).isEqualTo(200);
        assertThat(get(exam2.post(marks).sendJsonObject(check.copy().put("mark", 2))).statusCode()).isEqualTo(200);
        JsonObject judgements = get(exam2.get("/api/v1/sessions/hall-api/stations/s1/judgements").send()).bodyAsJsonObject();
        JsonObject record = judgements.getJsonArray("judgements").getJsonObject(0);
        assertThat(record.getJsonObject("marks").getMap()).containsEntry("exam1", 2).containsEntry("exam2", 2);
        assertThat(record.getJsonObject("confirmed").fieldNames()).containsExactly("exam1");
        assertThat(hall(exam1, 200).getJsonArray("stations").getJsonObject(0).getJsonArray("checks").stream()
            .map(c -> (JsonObject) c).filter(c -> c.getString("check").equals("record-explains")).findFirst().orElseThrow()
            .getJsonArray("confirmed")).containsExactly("exam1");

        // refusals: exam4 does not mark s1, a candidate and a trainer do not mark; no check named
        assertThat(get(users.client("exam4", Role.EXAMINER).post(marks + "/confirm").sendJsonObject(check)).statusCode()).isEqualTo(403);
        assertThat(get(users.client("cand1", Role.CANDIDATE).post(marks + "/confirm").sendJsonObject(check)).statusCode()).isEqualTo(403);
        assertThat(get(trainer.post(marks + "/confirm").sendJsonObject(check)).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> nameless = get(exam2.post(marks + "/confirm").sendJsonObject(new JsonObject()));
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.bodyAsString()).contains("check");

        // the evidence has who confirmed which mark, and when
        String evidence = get(exam2.get("/api/v1/sessions/hall-api/evidence").send()).bodyAsString();
        JsonObject rec = evidence.lines().map(JsonObject::new).filter(r -> "mark.confirmed".equals(r.getString("kind"))).findFirst().orElseThrow();
        assertThat(rec.getString("by")).isEqualTo("exam1");
        assertThat(rec.getString("station")).isEqualTo("s1");
        assertThat(rec.getString("at")).isNotBlank();
        assertThat(rec.getJsonObject("data").getMap()).containsEntry("check", "record-explains").containsEntry("mark", 2);
      } finally {
        get(runtime.stop());
      }
    }
  }

  private static JsonObject hall(WebClient client, int status) throws Exception {
    HttpResponse<Buffer> r = get(client.get("/api/v1/sessions/hall-api/hall").send());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    return r.bodyAsJsonObject();
  }

  private static List<String> ids(JsonObject hall) {
    return hall.getJsonArray("stations").stream().map(s -> ((JsonObject) s).getString("id")).toList();
  }
}
