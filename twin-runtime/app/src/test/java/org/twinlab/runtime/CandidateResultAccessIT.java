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
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.auth.Role;

/**
 * A station's result attacked over HTTP on 127.0.0.1: no login is 401; a candidate asking for their
 * own before their station has ended gets 409 saying why; another station's candidate, of the same
 * session or another, gets 403, before and after it ended; an examiner of another session 403; the
 * candidate once they handed in, the station's examiner and a trainer get it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CandidateResultAccessIT {
  private static final String SCENARIO = "l4-debug-motor-swapped-axes";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String result(String session, String station) {
    return "/api/v1/sessions/" + session + "/stations/" + station + "/result";
  }

  private static HttpResponse<Buffer> ask(WebClient client, String session, String station) throws Exception {
    return get(client.get(result(session, station)).send());
  }

  private static JsonObject station(String id, String scenario, String candidate, String twin, String examiner) {
    return new JsonObject().put("id", id).put("scenario", scenario).put("candidate", candidate)
        .put("twins", new JsonArray().add(twin)).put("examiners", new JsonArray().add(examiner));
  }

  @Test
  void aCandidateGetsOnlyTheirOwnResultAndOnlyOnceTheirStationEnded(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient exam2 = users.client("exam2", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);
        WebClient cand2 = users.client("cand2", Role.CANDIDATE);
        WebClient cand3 = users.client("cand3", Role.CANDIDATE);
        WebClient trainer = users.client("wang", Role.TRAINER);
        JsonObject a = new JsonObject().put("id", "exam-a").put("stations", new JsonArray()
            .add(station("s1", SCENARIO, "cand1", "motor-1", "exam1")).add(station("s2", SCENARIO, "cand2", "motor-2", "exam1")));
        assertThat(get(exam1.post("/api/v1/sessions").sendJsonObject(a)).statusCode()).isEqualTo(201);
        JsonObject b = new JsonObject().put("id", "exam-z").put("stations", new JsonArray()
            .add(station("s1", "l4-debug-tank-level-scale", "cand3", "tank-1", "exam2")));
        assertThat(get(exam2.post("/api/v1/sessions").sendJsonObject(b)).statusCode()).isEqualTo(201);

        // no login, no result
        assertThat(ask(users.anonymous(), "exam-a", "s1").statusCode()).isEqualTo(401);
        // one's own before the start, and while running: refused with the reason
        HttpResponse<Buffer> early = ask(cand1, "exam-a", "s1");
        assertThat(early.statusCode()).as(early.bodyAsString()).isEqualTo(409);
        assertThat(early.bodyAsString()).contains("once the station has ended");
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-a/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        assertThat(ask(cand1, "exam-a", "s1").statusCode()).isEqualTo(409);

        // the candidate hands in; now theirs is theirs, and no one else's
        HttpResponse<Buffer> handedIn = get(cand1.post("/api/v1/sessions/exam-a/stations/s1/hand-in").send());
        assertThat(handedIn.statusCode()).as(handedIn.bodyAsString()).isEqualTo(200);
        assertThat(handedIn.bodyAsJsonObject().getBoolean("handedIn")).isTrue();
        HttpResponse<Buffer> own = ask(cand1, "exam-a", "s1");
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(200);
        JsonObject r = own.bodyAsJsonObject();
        assertThat(r.getString("state")).isEqualTo("ended");
        // a judgement is still open: no verdict yet
        assertThat(r.getString("result")).isEqualTo("pending");
        assertThat(r.getBoolean("provisional")).isTrue();
        assertThat(r.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("check")).toList())
            .contains("x-rebound", "record-explains");

        // another station's candidate: the same session's, ended or running, and another session's
        assertThat(ask(cand2, "exam-a", "s1").statusCode()).isEqualTo(403);
        assertThat(ask(cand1, "exam-a", "s2").statusCode()).isEqualTo(403);
        assertThat(ask(cand3, "exam-a", "s1").statusCode()).isEqualTo(403);
        assertThat(ask(cand1, "exam-z", "s1").statusCode()).isEqualTo(403);
        // the other candidate's own, still running, stays closed to them too
        assertThat(ask(cand2, "exam-a", "s2").statusCode()).isEqualTo(409);
        // an examiner of another session is refused; the station's examiner and a trainer keep theirs
        assertThat(ask(exam2, "exam-a", "s1").statusCode()).isEqualTo(403);
        assertThat(ask(exam1, "exam-a", "s1").statusCode()).isEqualTo(200);
        assertThat(ask(exam1, "exam-a", "s2").statusCode()).isEqualTo(200);
        assertThat(ask(trainer, "exam-a", "s1").statusCode()).isEqualTo(200);
        // a station the session does not have, and a session that does not exist, give nothing away
        assertThat(ask(cand1, "exam-a", "s9").statusCode()).isIn(403, 404);
        assertThat(ask(cand1, "no-such-session", "s1").statusCode()).isIn(403, 404);

        // seated: one's own station, not ended even once handed in while the session runs on
        JsonObject seat1 = get(cand1.get("/api/v1/me/station").send()).bodyAsJsonObject();
        assertThat(seat1.getString("session")).isEqualTo("exam-a");
        assertThat(seat1.getBoolean("ended")).isFalse();
        // a session ended as a whole by its examiner: the page still finds the candidate's station, ended, and its result
        HttpResponse<Buffer> startedZ = get(exam2.post("/api/v1/sessions/exam-z/start").send());
        assertThat(startedZ.statusCode()).as(startedZ.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> endedAll = get(exam2.post("/api/v1/sessions/exam-z/end").send());
        assertThat(endedAll.statusCode()).as(endedAll.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> seat3 = get(cand3.get("/api/v1/me/station").send());
        assertThat(seat3.statusCode()).as(seat3.bodyAsString()).isEqualTo(200);
        assertThat(seat3.bodyAsJsonObject().getString("session")).isEqualTo("exam-z");
        assertThat(seat3.bodyAsJsonObject().getString("station")).isEqualTo("s1");
        assertThat(seat3.bodyAsJsonObject().getBoolean("ended")).isTrue();
        HttpResponse<Buffer> ownAfterEnd = ask(cand3, "exam-z", "s1");
        assertThat(ownAfterEnd.statusCode()).as(ownAfterEnd.bodyAsString()).isEqualTo(200);
        assertThat(ownAfterEnd.bodyAsJsonObject().getString("state")).isEqualTo("ended");
        // and still no one else's
        assertThat(ask(cand1, "exam-z", "s1").statusCode()).isEqualTo(403);
        // a candidate of no session at all sits nowhere
        WebClient cand9 = users.client("cand9", Role.CANDIDATE);
        assertThat(get(cand9.get("/api/v1/me/station").send()).statusCode()).isEqualTo(404);
      } finally {
        get(runtime.stop());
      }
    }
  }
}
