package org.twinlab.runtime.scenario;

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
 * The library's exams over the API on the demo lab: staff read each exam's clock, parts and rigs;
 * an unknown exam is 404 with the name it was most likely meant to be; no token is 401 and a
 * candidate, who must not learn a part before sitting it, is 403.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExamRoutesIT {
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void staffReadTheLibraryExamsAndCandidatesAreRefused(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        WebClient trainer = users.client("wang", Role.TRAINER);

        HttpResponse<Buffer> listed = get(trainer.get("/api/v1/exams").send());
        assertThat(listed.statusCode()).as(listed.bodyAsString()).isEqualTo(200);
        List<JsonObject> exams = listed.bodyAsJsonArray().stream().map(JsonObject.class::cast).toList();
        assertThat(exams).extracting(e -> e.getString("id")).containsExactly("l5-exam-tank", "l4-exam-tank", "l3-exam-tank");
        JsonObject l5 = exams.get(0);
        assertThat(l5.getInteger("level")).isEqualTo(5);
        assertThat(l5.getInteger("minutes")).isEqualTo(120);
        assertThat(l5.getString("order")).isEqualTo("given");
        assertThat(l5.getDouble("passMark")).isEqualTo(60.0);
        assertThat(l5.getJsonArray("rigs")).isEqualTo(new JsonArray().add("tank-process"));
        List<JsonObject> parts = l5.getJsonArray("parts").stream().map(JsonObject.class::cast).toList();
        assertThat(parts).extracting(p -> p.getString("scenario"))
            .containsExactly("l5-monitor-tank-alarm-report", "l5-test-basic-functions-tank", "l5-operate-start-pause-stop-tank");
        assertThat(parts).extracting(p -> p.getInteger("minutes")).containsExactly(35, 40, 35);
        assertThat(parts).allSatisfy(p -> assertThat(p.getJsonArray("tasks")).isNotEmpty());

        HttpResponse<Buffer> one = get(users.client("exam1", Role.EXAMINER).get("/api/v1/exams/l3-exam-tank").send());
        assertThat(one.statusCode()).as(one.bodyAsString()).isEqualTo(200);
        JsonObject l3 = one.bodyAsJsonObject();
        assertThat(l3.getString("briefing")).contains("120-minute");
        assertThat(l3.getJsonArray("parts").getJsonObject(0).getString("title")).isNotBlank();
        assertThat(get(users.client("boss", Role.ADMIN).get("/api/v1/exams").send()).statusCode()).isEqualTo(200);

        HttpResponse<Buffer> unknown = get(trainer.get("/api/v1/exams/l5-exam-tnak").send());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsJsonObject().getString("error")).contains("no exam 'l5-exam-tnak'").contains("did you mean 'l5-exam-tank'");

        assertThat(get(users.anonymous().get("/api/v1/exams").send()).statusCode()).isEqualTo(401);
        assertThat(get(users.anonymous().get("/api/v1/exams/l5-exam-tank").send()).statusCode()).isEqualTo(401);
        WebClient candidate = users.client("cand1", Role.CANDIDATE);
        assertThat(get(candidate.get("/api/v1/exams").send()).statusCode()).isEqualTo(403);
        assertThat(get(candidate.get("/api/v1/exams/l5-exam-tank").send()).statusCode()).isEqualTo(403);
        assertThat(get(candidate.get("/api/v1/exams/no-such-exam").send()).statusCode()).as("refused before it is looked up").isEqualTo(403);
      } finally {
        get(runtime.stop());
      }
    }
  }
}
