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
 * A session planned from a library exam through the API on the demo lab: two examiners are
 * refused with the standard's rule named, an unknown exam with its nearest name; three examiners
 * are accepted, the plan on record keeps the exam, the candidate waits at the exam's briefing,
 * the station refuses to start (exams do not run yet) and the session reads back after a restart.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ExamStationIT {
  private static final String RULE = "§1.9.3: an odd number of three or more examiners per candidate";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static JsonObject plan(String exam, String... examiners) {
    return new JsonObject().put("id", "exam-l5").put("title", "Level 5 sitting").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("exam", exam).put("candidate", "cand1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray(List.of((Object[]) examiners)))));
  }

  private static List<JsonObject> problems(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonArray("problems").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void anExamStationIsPlannedUnderTheExaminerRuleAndRefusesToStart(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
        users.token("cand1", Role.CANDIDATE);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);

        HttpResponse<Buffer> two = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("l5-exam-tank", "exam1", "exam2")));
        assertThat(two.statusCode()).as(two.bodyAsString()).isEqualTo(400);
        assertThat(problems(two)).singleElement().satisfies(p -> {
          assertThat(p.getString("field")).isEqualTo("stations[0].examiners");
          assertThat(p.getString("message")).contains(RULE);
        });
        HttpResponse<Buffer> unknown = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("l5-exam-tnak", "exam1", "exam2", "exam3")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(problems(unknown)).singleElement().satisfies(p -> {
          assertThat(p.getString("field")).isEqualTo("stations[0].exam");
          assertThat(p.getString("message")).contains("did you mean 'l5-exam-tank'");
        });

        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("l5-exam-tank", "exam1", "exam2", "exam3")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonArray("warnings")).isEmpty();

        JsonObject session = get(exam1.get("/api/v1/sessions/exam-l5").send()).bodyAsJsonObject();
        JsonObject s1 = session.getJsonArray("stations").getJsonObject(0);
        assertThat(s1.getString("exam")).isEqualTo("l5-exam-tank");
        assertThat(s1.getString("state")).isEqualTo("ready");
        assertThat(s1.getLong("limitSeconds")).isEqualTo(120 * 60);
        assertThat(s1.getJsonArray("parts").getList()).hasSize(3);

        JsonObject waiting = get(users.client("cand1", Role.CANDIDATE).get("/api/v1/sessions/exam-l5/stations/s1/candidate").send())
            .bodyAsJsonObject();
        assertThat(waiting.getString("state")).isEqualTo("ready");
        assertThat(waiting.getString("briefing")).contains("120-minute");
        assertThat(waiting.getJsonArray("tasks")).isEmpty();

        HttpResponse<Buffer> start = get(exam1.post("/api/v1/sessions/exam-l5/stations/s1/start").send());
        assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(409);
        assertThat(start.bodyAsJsonObject().getString("error")).contains("exam stations are not runnable yet");
        HttpResponse<Buffer> all = get(exam1.post("/api/v1/sessions/exam-l5/start").send());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.bodyAsJsonObject().getJsonArray("problems").getString(0)).contains("exam stations are not runnable yet");
        assertThat(get(exam1.get("/api/v1/sessions/exam-l5/stations/s1").send()).statusCode()).isEqualTo(409);
        HttpResponse<Buffer> csv = get(exam1.get("/api/v1/sessions/exam-l5/sheets.csv").send());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.bodyAsString()).doesNotContain("cand1");

        HttpResponse<Buffer> evidence = get(exam1.get("/api/v1/sessions/exam-l5/evidence").send());
        assertThat(evidence.statusCode()).isEqualTo(200);
        JsonObject first = new JsonObject(evidence.bodyAsString().lines().findFirst().orElseThrow());
        assertThat(first.getString("kind")).isEqualTo("session.created");
        assertThat(first.getJsonObject("data").getJsonObject("plan").getJsonArray("stations").getJsonObject(0).getString("exam"))
            .isEqualTo("l5-exam-tank");
        assertThat(evidence.bodyAsString()).doesNotContain("station.started");
      } finally {
        get(runtime.stop());
      }

      // the plan is read back from the evidence: the exam station is there as it was planned
      TwinRuntime again = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, again);
        JsonObject session = get(users.client("exam1", Role.EXAMINER).get("/api/v1/sessions/exam-l5").send()).bodyAsJsonObject();
        assertThat(session.getJsonArray("stations").getJsonObject(0).getString("exam")).isEqualTo("l5-exam-tank");
        assertThat(session.getJsonArray("stations").getJsonObject(0).getString("state")).isEqualTo("ready");
        assertThat(get(users.anonymous().get("/api/v1/health").send()).bodyAsString()).doesNotContain("unrestored");
      } finally {
        get(again.stop());
      }
    }
  }
}
