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
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;

/**
 * The examiner marks a judgement beside its whole evidence: the aspect, the four descriptors, the
 * candidate's report with every field in full and the binding edit with the binding it replaced,
 * which the evidence log took with the edit before it was made. Nobody else gets it: not the
 * candidate, not another candidate, not the examiner of another station.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class JudgementEvidenceIT {
  /** Longer than any line the pages used to cut, with a comma, quotes and a line break. */
  private static final String TEXT = "X and Z were swapped at the binding: X read 0.4 mm/s below Z's 2.1 mm/s although the sensor node "
      + "sends \"x\" larger.\nAfter the fix X tracked the rig within 0.1 mm/s for two minutes.";

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theExaminerOfTheStationGetsTheRubricAndTheWholeEvidenceAndNobodyElseDoes(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        LabSessionIT.accounts(users);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        JsonObject plan = new JsonObject().put("id", "exam-j").put("stations", new JsonArray()
            .add(station("s1", "cand1", "motor-1", "exam1")).add(station("s2", "cand2", "motor-2", "exam2")));
        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        for (String st : List.of("s1", "s2")) {
          String examiner = st.equals("s1") ? "exam1" : "exam2";
          HttpResponse<Buffer> started = get(users.client(examiner, Role.EXAMINER).post("/api/v1/sessions/exam-j/stations/" + st + "/start").send());
          assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        }

        // the candidate fixes the swapped X axis and files a report longer than a line
        JsonObject fix = new JsonObject().put("property", "vibration.rms_x").put("connection", "broker").put("address", LabSessionIT.TELEMETRY);
        HttpResponse<Buffer> fixed = get(cand1.put("/api/v1/twins/motor-1/bindings/vibration.rms_x").sendJsonObject(fix));
        assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
        JsonObject report = new JsonObject().put("symptom", "X below Z on a healthy motor").put("cause", "channels X and Z swapped")
            .put("action", "rebound vibration.rms_x and vibration.rms_z").put("text", TEXT);
        HttpResponse<Buffer> filed = get(cand1.post("/api/v1/twins/motor-1/actions")
            .sendJsonObject(new JsonObject().put("kind", "report").put("fields", report)));
        assertThat(filed.statusCode()).as(filed.bodyAsString()).isEqualTo(201);

        // the station's examiner: the aspect, the four descriptors, the report in full, the binding before and after
        String path = "/api/v1/sessions/exam-j/stations/s1/judgements";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(judgement(exam1, path).getJsonArray("evidence")).hasSize(2));
        JsonObject j = judgement(exam1, path);
        assertThat(j.getJsonObject("aspect").getString("en")).startsWith("The record names the swapped channels");
        assertThat(j.getJsonArray("rubric").stream().map(d -> ((JsonObject) d).getInteger("mark"))).containsExactly(0, 1, 2, 3);
        assertThat(j.getJsonArray("rubric").getJsonObject(1).getString("en")).isEqualTo("The record names the swapped channels only");
        assertThat(j.getJsonArray("rubric").getJsonObject(1).getString("zh")).isEqualTo("记录仅指出接反的通道");
        assertThat(j.getJsonArray("evidenceKinds")).containsExactly("binding_edit", "report");
        JsonObject edit = evidence(j, "binding_edit");
        assertThat(edit.getString("who")).isEqualTo("cand1");
        assertThat(edit.getJsonObject("binding").getJsonObject("before").getString("address")).isEqualTo("twinlab/motor-1/telemetry#/vibration/z");
        assertThat(edit.getJsonObject("binding").getJsonObject("after").getString("address")).isEqualTo(LabSessionIT.TELEMETRY);
        JsonObject fields = evidence(j, "report").getJsonObject("fields");
        for (String f : report.fieldNames()) assertThat(fields.getString(f)).as(f).isEqualTo(report.getString(f));

        // a mark given shows with its judgement
        assertThat(get(exam1.post("/api/v1/sessions/exam-j/stations/s1/marks")
            .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", 2))).statusCode()).isEqualTo(200);
        assertThat(judgement(exam1, path).getInteger("mark")).isEqualTo(2);

        // the previous binding went into the evidence with the edit, before it was carried out
        List<EvidenceRecord> log = EvidenceLog.read(data.resolve(LabSessions.DIR).resolve("exam-j").resolve(LabSessions.EVIDENCE));
        EvidenceRecord recorded = log.stream().filter(r -> r.kind().equals("action") && "binding_edit".equals(r.data().getString("kind")))
            .findFirst().orElseThrow();
        assertThat(recorded.data().getJsonObject("fields").getJsonObject("previous").getString("address"))
            .isEqualTo("twinlab/motor-1/telemetry#/vibration/z");

        // deny everyone else: the candidate themself, the other candidate, the other station's examiner, nobody logged in
        for (var who : List.of(users.client("cand1", Role.CANDIDATE), users.client("cand2", Role.CANDIDATE),
            users.client("exam2", Role.EXAMINER), users.client("exam3", Role.EXAMINER))) {
          HttpResponse<Buffer> refused = get(who.get(path).send());
          assertThat(refused.statusCode()).isEqualTo(403);
          assertThat(refused.bodyAsString()).doesNotContain("swapped at the binding").doesNotContain("rubric");
        }
        assertThat(get(users.anonymous().get(path).send()).statusCode()).isEqualTo(401);
        assertThat(get(exam1.get("/api/v1/sessions/exam-j/stations/s2/judgements").send()).statusCode())
            .as("the examiner of s1 does not mark s2").isEqualTo(403);
        assertThat(get(users.client("exam2", Role.EXAMINER).get("/api/v1/sessions/exam-j/stations/s2/judgements").send()).bodyAsJsonObject()
            .encode()).as("s2's judgements hold none of s1's evidence").doesNotContain("swapped at the binding");
      } finally {
        get(runtime.stop());
      }
    }
  }

  private static JsonObject station(String id, String candidate, String twin, String examiner) {
    return new JsonObject().put("id", id).put("scenario", LabSessionIT.SCENARIO).put("candidate", candidate)
        .put("twins", new JsonArray().add(twin)).put("examiners", new JsonArray().add(examiner));
  }

  private static JsonObject judgement(WebClient examiner, String path) throws Exception {
    HttpResponse<Buffer> r = get(examiner.get(path).send());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("judgements").stream().map(JsonObject.class::cast)
        .filter(o -> o.getString("check").equals("record-explains")).findFirst().orElseThrow();
  }

  private static JsonObject evidence(JsonObject judgement, String kind) {
    return judgement.getJsonArray("evidence").stream().map(JsonObject.class::cast).filter(e -> e.getString("kind").equals(kind))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + judgement.encode()));
  }
}
