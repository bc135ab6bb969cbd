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
 * A composed exam sat live through the API on the demo lab, on real time: planned under the
 * standard's examiner rule (two or four examiners refused with the rule named, three accepted), one
 * station per part, the parts one after another on the exam's clock (the next starting as the
 * candidate hands one in, none out of the given order), the candidate's actions going to the part
 * running, and the exam's sheet weighing every part's points by the level's table. The parts here
 * are handed in early: a shortened sitting; the full 120 minutes are sat on virtual time by
 * {@code ExamDryRunTest}. The session then reads back after a restart with the same sheet.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExamSessionIT {
  private static final String RULE = "§1.9.3: an odd number of three or more examiners per candidate";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static JsonObject plan(String exam, String... examiners) {
    return new JsonObject().put("id", "exam-l4").put("title", "Level 4 sitting").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("exam", exam).put("candidate", "cand1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray(List.of((Object[]) examiners)))));
  }

  private static List<JsonObject> problems(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonArray("problems").stream().map(JsonObject.class::cast).toList();
  }

  private static JsonObject station(WebClient c, String id) throws Exception {
    return get(c.get("/api/v1/sessions/exam-l4/stations/" + id).send()).bodyAsJsonObject();
  }

  private static String state(WebClient c, String id) throws Exception {
    JsonObject session = get(c.get("/api/v1/sessions/exam-l4").send()).bodyAsJsonObject();
    return session.getJsonArray("stations").stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals(id))
        .findFirst().orElseThrow().getString("state");
  }

  private static HttpResponse<Buffer> report(WebClient candidate, String text) throws Exception {
    return get(candidate.post("/api/v1/twins/tank-1/actions").sendJsonObject(new JsonObject().put("kind", "report")
        .put("fields", new JsonObject().put("text", text))));
  }

  @Test
  void anExamIsPlannedUnderTheExaminerRuleAndSatPartByPartOnOneClock(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      double total;
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        for (String e : List.of("exam1", "exam2", "exam3", "exam4")) users.token(e, Role.EXAMINER);
        users.token("cand1", Role.CANDIDATE);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);

        for (String[] panel : List.of(new String[] {"exam1", "exam2"}, new String[] {"exam1", "exam2", "exam3", "exam4"})) {
          HttpResponse<Buffer> refused = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("l4-exam-tank", panel)));
          assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
          assertThat(problems(refused)).singleElement().satisfies(p -> {
            assertThat(p.getString("field")).isEqualTo("stations[0].examiners");
            assertThat(p.getString("message")).contains(RULE);
          });
        }
        HttpResponse<Buffer> unknown = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("l4-exam-tnak", "exam1", "exam2", "exam3")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(problems(unknown)).singleElement().satisfies(p -> {
          assertThat(p.getString("field")).isEqualTo("stations[0].exam");
          assertThat(p.getString("message")).contains("did you mean 'l4-exam-tank'");
        });

        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("l4-exam-tank", "exam1", "exam2", "exam3")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonArray("warnings")).isEmpty();
        JsonObject session = get(exam1.get("/api/v1/sessions/exam-l4").send()).bodyAsJsonObject();
        assertThat(session.getJsonArray("stations").stream().map(o -> ((JsonObject) o).getString("id")))
            .as("one station per part").containsExactly("s1.1", "s1.2", "s1.3", "s1.4");
        JsonObject first = session.getJsonArray("stations").getJsonObject(0);
        assertThat(first.getString("scenario")).isEqualTo("l4-debug-tank-level-scale");
        assertThat(first.getLong("limitSeconds")).as("the part's time, not its scenario's").isEqualTo(30 * 60);
        assertThat(first.getJsonObject("exam").getInteger("part")).isEqualTo(1);
        assertThat(first.getJsonObject("exam").getInteger("of")).isEqualTo(4);
        assertThat(first.getJsonObject("exam").getLong("limitSeconds")).isEqualTo(120 * 60);

        // the whole session's start starts the exam's first part only; a later part out of order is refused
        assertThat(get(exam1.post("/api/v1/sessions/exam-l4/start").send()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> state(exam1, "s1.1").equals("running"));
        assertThat(state(exam1, "s1.2")).isEqualTo("ready");
        HttpResponse<Buffer> early = get(exam1.post("/api/v1/sessions/exam-l4/stations/s1.2/start").send());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.bodyAsString()).contains("a part is still running");
        assertThat(get(cand1.get("/api/v1/sessions/exam-l4/stations/s1.1/exam").send()).statusCode())
            .as("a candidate's exam sheet waits for the exam's end").isEqualTo(409);

        // each part in turn: the candidate's station is the part running, their action goes there, handing in starts the next
        List<String> parts = List.of("s1.1", "s1.2", "s1.3", "s1.4");
        for (int i = 0; i < parts.size(); i++) {
          String part = parts.get(i);
          String said = "part " + (i + 1);
          await().atMost(Duration.ofSeconds(60)).until(() -> state(exam1, part).equals("running"));
          JsonObject mine = get(cand1.get("/api/v1/me/station").send()).bodyAsJsonObject();
          assertThat(mine.getString("station")).isEqualTo(part);
          JsonObject view = get(cand1.get("/api/v1/sessions/exam-l4/stations/" + part + "/candidate").send()).bodyAsJsonObject();
          assertThat(view.getJsonObject("exam").getInteger("part")).isEqualTo(i + 1);
          assertThat(report(cand1, said).statusCode()).isEqualTo(201);
          await().atMost(Duration.ofSeconds(30)).until(() -> station(exam1, part).getJsonArray("actions").stream()
              .anyMatch(a -> ((JsonObject) a).encode().contains(said)));
          for (String other : parts) {
            if (!other.equals(part)) {
              assertThat(station(exam1, other).getJsonArray("actions").encode()).doesNotContain(said);
            }
          }
          HttpResponse<Buffer> handIn = get(cand1.post("/api/v1/sessions/exam-l4/stations/" + part + "/hand-in").send());
          assertThat(handIn.statusCode()).as(handIn.bodyAsString()).isEqualTo(200);
          assertThat(state(exam1, part)).isEqualTo("ended");
        }
        assertThat(report(cand1, "after the exam").statusCode()).as("every part ended: the candidate reaches the twin no more").isEqualTo(403);

        HttpResponse<Buffer> sheet = get(cand1.get("/api/v1/sessions/exam-l4/stations/s1.2/exam").send());
        assertThat(sheet.statusCode()).as(sheet.bodyAsString()).isEqualTo(200);
        JsonObject exam = sheet.bodyAsJsonObject();
        assertThat(exam.getBoolean("over")).isTrue();
        assertThat(exam.getString("station")).isEqualTo("s1");
        assertThat(exam.getJsonArray("functions").stream().map(f -> ((JsonObject) f).getInteger("weight"))).containsExactly(30, 25, 45);
        assertThat(exam.getJsonArray("parts").stream().map(p -> ((JsonObject) p).getBoolean("started"))).containsExactly(true, true, true, true);
        double sum = 0;
        for (Object o : exam.getJsonArray("functions")) {
          JsonObject f = (JsonObject) o;
          double expected = f.getDouble("possible") == 0 ? 0 : f.getInteger("weight") * f.getDouble("earned") / f.getDouble("possible");
          assertThat(f.getDouble("contribution")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
          sum += f.getDouble("contribution");
        }
        total = exam.getDouble("total");
        assertThat(total).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(exam.getBoolean("passed")).as("parts handed in at once earn too little to pass").isFalse();
        assertThat(get(exam1.get("/api/v1/sessions/exam-l4/stations/s1.1/exam").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> html = get(exam1.get("/api/v1/sessions/exam-l4/stations/s1.1/exam.html").send());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.bodyAsString()).contains("Level 4 practical exam on the tank station").contains("Platform O&amp;M")
            .contains("Fix the tank level&#39;s scaling").contains("(cand1)");
        HttpResponse<Buffer> csv = get(exam1.get("/api/v1/sessions/exam-l4/stations/s1.1/exam.csv").send());
        assertThat(csv.bodyAsString().lines().filter(l -> l.startsWith("exam-l4,s1,") && l.contains(",function,"))).hasSize(3);
        assertThat(csv.bodyAsString().lines().filter(l -> l.startsWith("exam-l4,s1,") && l.contains(",part,"))).hasSize(4);
        assertThat(get(cand1.get("/api/v1/sessions/exam-l4/stations/s1.1/exam.pdf").send()).bodyAsString()).startsWith("%PDF");

        HttpResponse<Buffer> evidence = get(exam1.get("/api/v1/sessions/exam-l4/evidence").send());
        List<JsonObject> records = evidence.bodyAsString().lines().map(JsonObject::new).toList();
        assertThat(records.get(0).getJsonObject("data").getJsonObject("plan").getJsonArray("stations").getJsonObject(0).getString("exam"))
            .isEqualTo("l4-exam-tank");
        assertThat(records.stream().filter(r -> r.getString("kind").equals("station.started")).map(r -> r.getString("station")))
            .containsExactly("s1.1", "s1.2", "s1.3", "s1.4");
      } finally {
        get(runtime.stop());
      }

      // read back from the evidence: every part ended, the same sheet
      TwinRuntime again = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, again);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        assertThat(state(exam1, "s1.4")).isEqualTo("ended");
        JsonObject exam = get(exam1.get("/api/v1/sessions/exam-l4/stations/s1.4/exam").send()).bodyAsJsonObject();
        assertThat(exam.getDouble("total")).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(get(users.anonymous().get("/api/v1/health").send()).bodyAsString()).doesNotContain("unrestored");
      } finally {
        get(again.stop());
      }
    }
  }

  @Test
  void inTheCandidatesOrderTheCandidateStartsThePartTheyChooseAndNoOtherCandidateCan(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
        users.token("cand1", Role.CANDIDATE);
        users.token("cand2", Role.CANDIDATE);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);
        WebClient cand2 = users.client("cand2", Role.CANDIDATE);
        JsonObject plan = new JsonObject().put("id", "exam-l3").put("title", "Level 3 sitting").put("stations", new JsonArray()
            .add(new JsonObject().put("id", "s1").put("exam", "l3-exam-tank").put("candidate", "cand1")
                .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1").add("exam2").add("exam3")))
            .add(new JsonObject().put("id", "s2").put("scenario", "l3-debug-motor-topic-typo").put("candidate", "cand2")
                .put("twins", new JsonArray().add("motor-1")).put("examiners", new JsonArray().add("exam1").add("exam2").add("exam3"))));
        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String begin = "/api/v1/sessions/exam-l3/stations/s1.3/begin";

        assertThat(get(cand1.post(begin).send()).bodyAsString()).as("before an examiner starts the exam").contains("has not started");
        assertThat(get(exam1.post("/api/v1/sessions/exam-l3/stations/s1.1/start").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> whileRunning = get(cand1.post(begin).send());
        assertThat(whileRunning.statusCode()).isEqualTo(409);
        assertThat(whileRunning.bodyAsString()).contains("a part is still running");
        assertThat(get(cand1.post("/api/v1/sessions/exam-l3/stations/s1.1/hand-in").send()).statusCode()).isEqualTo(200);
        assertThat(state(exam1, "exam-l3", "s1.2")).as("nothing starts by itself in the candidate's order").isEqualTo("ready");

        assertThat(get(cand2.post(begin).send()).statusCode()).as("another station's candidate").isEqualTo(403);
        assertThat(get(exam1.post(begin).send()).statusCode()).as("the choice is the candidate's").isEqualTo(403);
        HttpResponse<Buffer> chosen = get(cand1.post(begin).send());
        assertThat(chosen.statusCode()).as(chosen.bodyAsString()).isEqualTo(200);
        assertThat(state(exam1, "exam-l3", "s1.3")).isEqualTo("running");
        assertThat(get(cand1.get("/api/v1/me/station").send()).bodyAsJsonObject().getString("station")).isEqualTo("s1.3");
        assertThat(get(cand1.post("/api/v1/sessions/exam-l3/stations/s1.1/begin").send()).statusCode()).as("sat already").isEqualTo(409);
        assertThat(get(cand1.post("/api/v1/sessions/exam-l3/stations/s1.3/hand-in").send()).statusCode()).isEqualTo(200);
        assertThat(get(cand1.post("/api/v1/sessions/exam-l3/stations/s1.2/begin").send()).statusCode()).isEqualTo(200);
        assertThat(state(exam1, "exam-l3", "s1.2")).isEqualTo("running");
      } finally {
        get(runtime.stop());
      }
    }
  }

  private static String state(WebClient c, String session, String id) throws Exception {
    JsonObject s = get(c.get("/api/v1/sessions/" + session).send()).bodyAsJsonObject();
    return s.getJsonArray("stations").stream().map(JsonObject.class::cast).filter(x -> x.getString("id").equals(id))
        .findFirst().orElseThrow().getString("state");
  }
}
