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
 * An operating procedure handed in for the review panel on the live runtime: taken on the
 * candidate's own twin and measured, refused naming the field when malformed, refused on another
 * station's twin; its check passes on what it holds, the station's examiners read it in full beside
 * the judgement and mark it, and their marks go into the session's evidence.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ArtefactIT {
  private static final String SCENARIO = "l2-manage-procedure-trial-tank";

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aProcedureIsTakenOnTheCandidatesOwnTwinMeasuredAndMarkedByTheExaminers(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        LabSessionIT.accounts(users);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);
        WebClient cand2 = users.client("cand2", Role.CANDIDATE);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        JsonArray examiners = new JsonArray().add("exam1").add("exam2").add("exam3");
        JsonObject plan = new JsonObject().put("id", "exam-r").put("stations", new JsonArray()
            .add(new JsonObject().put("id", "s1").put("scenario", SCENARIO).put("candidate", "cand1")
                .put("twins", new JsonArray().add("tank-1")).put("examiners", examiners))
            .add(new JsonObject().put("id", "s2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "cand2")
                .put("twins", new JsonArray().add("conveyor-1")).put("examiners", examiners)));
        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-r/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);

        JsonObject sections = new JsonObject()
            .put("startup", "Check the emergency stop is released and the outlet valve open, start the twin, set auto at the setpoint.")
            .put("operation", "Hold the level at the 250 mm setpoint in auto and watch level, inflow and temperature on the twin.")
            .put("alarms", "level_high above 450 mm: lower the setpoint and open the outlet; overtemperature above 80 C: heater off.")
            .put("emergency", "Press the emergency stop on overflow risk; reset it only once the cause is cleared and agreed.")
            .put("shutdown", "Set the pump to manual at 0 %, switch the heater off, stop the twin and log the shift's readings.");
        JsonObject procedure = new JsonObject().put("kind", "procedure").put("title", "Tank station operating procedure")
            .put("sections", sections)
            .put("figures", new JsonObject().put("version", 1).put("setpoint_mm", 250).put("level_high_mm", 450).put("overtemperature_c", 80));

        // malformed: a figure that is not a number, refused naming it and not taken
        JsonObject bad = procedure.copy().put("figures", procedure.getJsonObject("figures").copy().put("level_high_mm", "about 450"));
        HttpResponse<Buffer> refused = get(cand1.post("/api/v1/twins/tank-1/actions").sendJsonObject(action(bad)));
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
        assertThat(refused.bodyAsString()).contains("figures.level_high_mm");

        // another station's candidate may not hand it in on this twin
        HttpResponse<Buffer> foreign = get(cand2.post("/api/v1/twins/tank-1/actions").sendJsonObject(action(procedure)));
        assertThat(foreign.statusCode()).as(foreign.bodyAsString()).isEqualTo(403);

        // on the candidate's own twin: taken and measured
        HttpResponse<Buffer> taken = get(cand1.post("/api/v1/twins/tank-1/actions").sendJsonObject(action(procedure)));
        assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(201);
        JsonObject result = taken.bodyAsJsonObject().getJsonObject("result");
        assertThat(result.getString("headings")).isEqualTo("startup,operation,alarms,emergency,shutdown");
        assertThat(result.getString("quoted")).isEqualTo("version,setpoint_mm,level_high_mm,overtemperature_c");
        assertThat(Integer.parseInt(result.getString("words"))).isGreaterThan(50);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(LabSessionIT.check(exam1, "exam-r", "s1", "procedure-v1-complete")
            .getString("status")).isEqualTo("passed"));

        // the examiners read it in full beside the judgement and mark it
        String path = "/api/v1/sessions/exam-r/stations/s1/judgements";
        JsonObject judgement = judgement(exam1, path);
        assertThat(judgement.getJsonArray("evidenceKinds")).containsExactly("artefact");
        JsonObject shown = judgement.getJsonArray("evidence").getJsonObject(0);
        assertThat(shown.getJsonObject("fields").getJsonObject("sections")).isEqualTo(sections);
        assertThat(shown.getJsonObject("result").getString("headings")).isEqualTo(result.getString("headings"));
        for (var m : List.of(List.of("exam1", 3), List.of("exam2", 3), List.of("exam3", 2))) {
          HttpResponse<Buffer> marked = get(users.client((String) m.get(0), Role.EXAMINER).post("/api/v1/sessions/exam-r/stations/s1/marks")
              .sendJsonObject(new JsonObject().put("check", "procedure-usable").put("mark", m.get(1))));
          assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
        }
        JsonObject judged = LabSessionIT.check(exam1, "exam-r", "s1", "procedure-usable");
        assertThat(judged.getJsonObject("marks")).isEqualTo(new JsonObject().put("exam1", 3).put("exam2", 3).put("exam3", 2));
        assertThat(judged.getDouble("earned")).isEqualTo(3.0);

        // the artefact and every examiner's mark are in the session's evidence
        List<EvidenceRecord> log = EvidenceLog.read(data.resolve(LabSessions.DIR).resolve("exam-r").resolve(LabSessions.EVIDENCE));
        assertThat(log).filteredOn(r -> r.kind().equals("action") && "artefact".equals(r.data().getString("kind")))
            .singleElement().satisfies(r -> assertThat(r.data().getJsonObject("fields").getString("title")).isEqualTo("Tank station operating procedure"));
        assertThat(log).filteredOn(r -> r.kind().equals("mark") && "procedure-usable".equals(r.data().getString("check")))
            .extracting(r -> r.data().getInteger("mark")).containsExactlyInAnyOrder(3, 3, 2);
      } finally {
        get(runtime.stop());
      }
    }
  }

  private static JsonObject action(JsonObject fields) {
    return new JsonObject().put("kind", "artefact").put("fields", fields);
  }

  private static JsonObject judgement(WebClient examiner, String path) throws Exception {
    HttpResponse<Buffer> r = get(examiner.get(path).send());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("judgements").stream().map(JsonObject.class::cast)
        .filter(o -> o.getString("check").equals("procedure-usable")).findFirst().orElseThrow();
  }
}
