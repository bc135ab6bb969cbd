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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The action ledger as the one gate to a station's rig, attacked through the API of the in-process
 * demo lab: a candidate acts only while their station runs, an action that cannot be recorded never
 * reaches the rig, and what staff do on a candidate's twin is an intervention that earns the
 * candidate nothing. "The rig did not move" is read from the rig's simulator itself.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ActionGateIT {
  static final String SCENARIO = "l5-operate-export-backup-conveyor";
  static final String TWIN = "conveyor-1";
  static final String SETPOINT = "belt.frequency_setpoint";
  static final String WRITE = "/api/v1/twins/" + TWIN + "/properties/" + SETPOINT;
  static final String S1 = "/api/v1/sessions/exam-g/stations/s1";

  @TempDir
  Path data;
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;
  private WebClient exam1;
  private WebClient cand1;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static JsonObject plan(String id) {
    return new JsonObject().put("id", id).put("title", "Operate exam").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", SCENARIO).put("candidate", "cand1")
            .put("twins", new JsonArray().add(TWIN)).put("examiners", new JsonArray().add("exam1"))));
  }

  @BeforeEach
  void lab(Vertx vertx) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    exam1 = users.client("exam1", Role.EXAMINER);
    cand1 = users.client("cand1", Role.CANDIDATE);
    users.token("train1", Role.TRAINER);
    users.token("admin1", Role.ADMIN);
    await().atMost(Duration.ofSeconds(20)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
    HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("exam-g")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
  }

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void aCandidateActsOnlyWhileTheirStationRuns() throws Exception {
    // before the start
    assertRefused(write(cand1, 20.5), 409, "not started");
    assertThat(rigSetpoint()).isNotEqualTo(20.5);

    start();
    assertThat(write(cand1, 21.5).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> rigSetpoint() == 21.5);

    // a write the rig refuses (its binding points at no node) is recorded with its outcome, and is no write for the run
    JsonObject bound = setpointBinding();
    String rebind = "/api/v1/twins/" + TWIN + "/bindings/" + SETPOINT;
    assertThat(get(cand1.put(rebind).sendJsonObject(bound.copy().put("address", "ns=2;s=Nowhere"))).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> refusedByRig = write(cand1, 29.5);
    assertThat(refusedByRig.statusCode()).as(refusedByRig.bodyAsString()).isEqualTo(422);
    assertThat(get(cand1.put(rebind).sendJsonObject(bound)).statusCode()).isEqualTo(200);

    // while paused
    assertThat(get(exam1.post(S1 + "/pause").sendJsonObject(new JsonObject().put("reason", "rig check"))).statusCode()).isEqualTo(200);
    assertRefused(write(cand1, 22.5), 409, "paused");
    assertRefused(get(cand1.post("/api/v1/twins/" + TWIN + "/actions")
        .sendJsonObject(new JsonObject().put("kind", "backup"))), 409, "paused");
    assertThat(get(exam1.post(S1 + "/resume").send()).statusCode()).isEqualTo(200);

    // after hand-in
    assertThat(get(cand1.post(S1 + "/hand-in").send()).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> late = write(cand1, 23.5);
    assertThat(late.statusCode()).as(late.bodyAsString()).isIn(403, 409);
    Thread.sleep(500); // the rig's own cycle: a write that got through would show by now
    assertThat(rigSetpoint()).isEqualTo(21.5);

    List<EvidenceRecord> records = EvidenceLog.read(evidence());
    assertThat(writesOf(records, 20.5)).isEmpty();
    assertThat(writesOf(records, 22.5)).isEmpty();
    assertThat(writesOf(records, 23.5)).as("no record claims the late write").isEmpty();
    // the accepted write: recorded before it was carried out, its outcome after, tied by seq
    EvidenceRecord taken = writesOf(records, 21.5).get(0);
    assertThat(outcomeOf(records, taken).getBoolean("accepted")).isTrue();
    EvidenceRecord refused = writesOf(records, 29.5).get(0);
    assertThat(outcomeOf(records, refused).getBoolean("accepted")).isFalse();
    assertThat(outcomeOf(records, refused).getString("detail")).isNotBlank();

    // the run saw the one write that happened, and not the one the rig refused
    JsonArray actions = station().getJsonArray("actions");
    assertThat(actions.stream().map(JsonObject.class::cast).filter(a -> a.getString("kind").equals("write"))
        .map(a -> a.getJsonObject("fields").getValue("value"))).containsExactly(21.5);
  }

  @Test
  void aCandidateSeesNothingOfTheirTwinsPastFromBeforeTheirStationStarted() throws Exception {
    // what an earlier candidate did on the same rig stays theirs: the history and the binding versions before the start
    var trainer = users.client("train1", Role.TRAINER);
    JsonObject edit = setpointBinding().put("sampling_ms", 150.0);
    assertThat(get(trainer.put("/api/v1/twins/" + TWIN + "/bindings/" + SETPOINT).sendJsonObject(edit)).statusCode()).isEqualTo(200);
    assertThat(get(trainer.put("/api/v1/twins/" + TWIN + "/bindings/" + SETPOINT).sendJsonObject(edit.put("sampling_ms", 100.0)))
        .statusCode()).isEqualTo(200);
    String query = "/api/v1/twins/" + TWIN + "/history?property=belt.speed&from=-10m";
    await().atMost(Duration.ofSeconds(20)).until(() -> points(get(trainer.get(query).send()).bodyAsJsonObject()).size() > 0);
    java.time.Instant beforeStart = java.time.Instant.now();
    start();
    assertThat(points(get(trainer.get(query).send()).bodyAsJsonObject())).as("staff see the whole past")
        .anyMatch(t -> t.isBefore(beforeStart));
    assertThat(points(get(cand1.get(query).send()).bodyAsJsonObject())).allMatch(t -> !t.isBefore(beforeStart));
    HttpResponse<Buffer> export = get(cand1.get("/api/v1/twins/" + TWIN + "/export?from=-10m&format=json").send());
    assertThat(points(export.bodyAsJsonObject())).allMatch(t -> !t.isBefore(beforeStart));
    JsonArray versions = get(cand1.get("/api/v1/twins/" + TWIN + "/bindings/history").send()).bodyAsJsonArray();
    JsonArray all = get(trainer.get("/api/v1/twins/" + TWIN + "/bindings/history").send()).bodyAsJsonArray();
    assertThat(all.size()).as("the trainer's two edits before the start are there").isGreaterThan(versions.size());
    for (int i = 0; i < versions.size() - 1; i++) {
      assertThat(java.time.Instant.parse(versions.getJsonObject(i).getString("at"))).as("no version from before the start but the one in force")
          .isAfterOrEqualTo(beforeStart);
    }
  }

  private static List<java.time.Instant> points(JsonObject history) {
    List<java.time.Instant> out = new java.util.ArrayList<>();
    history.getJsonArray("series").forEach(s -> ((JsonObject) s).getJsonArray("points")
        .forEach(p -> out.add(java.time.Instant.parse(((JsonObject) p).getString("time")))));
    return out;
  }

  @Test
  void anActionThatCannotBeRecordedNeverReachesTheRig() throws Exception {
    start();
    assertThat(write(cand1, 24.5).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> rigSetpoint() == 24.5);
    int versions = bindingVersions();

    runtime.actions().failRecording("no space left on device");
    try {
      HttpResponse<Buffer> w = write(cand1, 25.5);
      assertThat(w.statusCode()).as(w.bodyAsString()).isEqualTo(503);
      assertThat(w.bodyAsJsonObject().getString("error")).contains("no space left on device").contains("not carried out");
      JsonObject binding = new JsonObject().put("property", SETPOINT).put("connection", "plc-" + TWIN).put("address", "ns=2;s=nowhere");
      HttpResponse<Buffer> b = get(cand1.put("/api/v1/twins/" + TWIN + "/bindings/" + SETPOINT).sendJsonObject(binding));
      assertThat(b.statusCode()).as(b.bodyAsString()).isEqualTo(503);
      HttpResponse<Buffer> stop = get(cand1.post("/api/v1/twins/" + TWIN + "/stop").send());
      assertThat(stop.statusCode()).as(stop.bodyAsString()).isEqualTo(503);
      HttpResponse<Buffer> staff = get(users.client("train1", Role.TRAINER).put(WRITE).sendJsonObject(new JsonObject().put("value", 26.5)));
      assertThat(staff.statusCode()).as("staff's actions are recorded first too").isEqualTo(503);
      Thread.sleep(500);
      assertThat(rigSetpoint()).isEqualTo(24.5);
      assertThat(bindingVersions()).isEqualTo(versions);
      assertThat(get(cand1.get("/api/v1/twins/" + TWIN).send()).bodyAsJsonObject().getString("lifecycle")).isEqualTo("RUNNING");
    } finally {
      runtime.actions().failRecording(null);
    }
    assertThat(write(cand1, 27.5).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> rigSetpoint() == 27.5);
    List<EvidenceRecord> records = EvidenceLog.read(evidence());
    assertThat(writesOf(records, 25.5)).isEmpty();
    assertThat(writesOf(records, 26.5)).isEmpty();

    // the one act a full disk does not hold back: an emergency stop stops the rig, on record or not
    runtime.actions().failRecording("no space left on device");
    try {
      HttpResponse<Buffer> estop = get(cand1.post("/api/v1/twins/" + TWIN + "/commands/panel.emergency_stop").send());
      assertThat(estop.statusCode()).as(estop.bodyAsString()).isEqualTo(200);
      assertThat(estop.bodyAsJsonObject().getString("detail")).contains("not on record");
      await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(lab.rig(TWIN).sim().groundTruth().get("panel.estop")));
    } finally {
      runtime.actions().failRecording(null);
    }
    assertThat(EvidenceLog.read(evidence())).as("no record, so no credit")
        .noneMatch(r -> "emergency_stop".equals(r.data().getString("kind")));
  }

  @Test
  void whatStaffDoOnACandidatesTwinIsAnInterventionThatEarnsTheCandidateNothing() throws Exception {
    start();
    // an examiner exports the whole run and a trainer backs up, on the candidate's twin
    HttpResponse<Buffer> export = get(exam1.get("/api/v1/twins/" + TWIN + "/export?from=-10m&to=now&format=csv").send());
    assertThat(export.statusCode()).as(export.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> backup = get(users.client("train1", Role.TRAINER).post("/api/v1/twins/" + TWIN + "/actions")
        .sendJsonObject(new JsonObject().put("kind", "backup")));
    assertThat(backup.statusCode()).as(backup.bodyAsString()).isEqualTo(201);
    HttpResponse<Buffer> adminBackup = get(users.client("admin1", Role.ADMIN).post("/api/v1/twins/" + TWIN + "/actions")
        .sendJsonObject(new JsonObject().put("kind", "backup")));
    assertThat(adminBackup.statusCode()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(60)).until(() -> station().getJsonArray("interventions").size() == 3
        && station().getJsonArray("interventions").stream().allMatch(i -> ((JsonObject) i).getString("outcome").equals("done")));
    Thread.sleep(3000); // several of the run's ticks: a check the staff's actions passed would be decided by now
    JsonObject st = station();
    assertThat(SessionCrashIT.status(st, "whole-run")).isEqualTo("pending");
    assertThat(SessionCrashIT.status(st, "backed-up")).isEqualTo("pending");
    assertThat(st.getJsonArray("actions")).as("staff's actions are not the candidate's").isEmpty();
    assertThat(st.getJsonArray("interventions").stream().map(JsonObject.class::cast)
        .map(i -> i.getString("who") + " " + i.getString("role") + " " + i.getString("kind")))
        .containsExactly("exam1 examiner export", "train1 trainer backup", "admin1 admin backup");
    assertThat(st.getJsonObject("progress").getInteger("interventions")).isEqualTo(3);
    String html = get(exam1.get(S1 + "/sheet.html").send()).bodyAsString();
    assertThat(html).contains("Interventions by staff (3)").contains("train1").contains("trainer").contains("admin1");
    HttpResponse<Buffer> pdf = get(exam1.get(S1 + "/sheet.pdf").send());
    assertThat(pdf.statusCode()).isEqualTo(200);
    String csv = get(exam1.get("/api/v1/sessions/exam-g/sheets.csv").send()).bodyAsString();
    assertThat(csv).contains("exam1 (examiner) export: done; train1 (trainer) backup: done; admin1 (admin) backup: done");

    // the candidate's own export and backup do pass
    HttpResponse<Buffer> own = get(cand1.get("/api/v1/twins/" + TWIN + "/export?from=-10m&to=now&format=csv").send());
    assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(200);
    assertThat(get(cand1.post("/api/v1/twins/" + TWIN + "/actions").sendJsonObject(new JsonObject().put("kind", "backup")))
        .statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonObject now = station();
      assertThat(SessionCrashIT.status(now, "whole-run")).isEqualTo("passed");
      assertThat(SessionCrashIT.status(now, "backed-up")).isEqualTo("passed");
    });
    // an examiner's emergency stop is an intervention too, recorded before it reaches the rig
    HttpResponse<Buffer> estop = get(exam1.post("/api/v1/twins/" + TWIN + "/commands/panel.emergency_stop").send());
    assertThat(estop.statusCode()).as(estop.bodyAsString()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> station().getJsonArray("interventions").size() == 4);
    assertThat(station().getJsonArray("interventions").getJsonObject(3).getString("kind")).isEqualTo("emergency_stop");
    assertThat(station().getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("kind"))).doesNotContain("emergency_stop");

    List<EvidenceRecord> records = EvidenceLog.read(evidence());
    assertThat(records).filteredOn(r -> r.kind().equals(LabSession.INTERVENTION)).extracting(EvidenceRecord::by)
        .containsExactly("exam1", "train1", "admin1", "exam1");
    assertThat(records).filteredOn(r -> r.kind().equals(LabSession.ACTION)).extracting(r -> r.by() + " " + r.data().getString("kind"))
        .containsExactly("cand1 export", "cand1 backup");
  }

  // ---- helpers

  private void start() throws Exception {
    HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-g/start").send());
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    // the scenario's setup writes 35 Hz; the twin mirrors it before the candidate acts
    await().atMost(Duration.ofSeconds(60)).until(() -> rigSetpoint() == 35.0);
  }

  private HttpResponse<Buffer> write(WebClient who, double value) throws Exception {
    return get(who.put(WRITE).sendJsonObject(new JsonObject().put("value", value)));
  }

  private double rigSetpoint() {
    return ((Number) lab.rig(TWIN).sim().groundTruth().get(SETPOINT)).doubleValue();
  }

  private JsonObject setpointBinding() throws Exception {
    return get(exam1.get("/api/v1/twins/" + TWIN + "/bindings").send()).bodyAsJsonObject().getJsonArray("bindings").stream()
        .map(JsonObject.class::cast).filter(b -> b.getString("property").equals(SETPOINT)).findFirst().orElseThrow();
  }

  private int bindingVersions() throws Exception {
    return get(exam1.get("/api/v1/twins/" + TWIN + "/bindings/history").send()).bodyAsJsonArray().size();
  }

  private JsonObject station() throws Exception {
    return get(exam1.get(S1).send()).bodyAsJsonObject();
  }

  private Path evidence() {
    return data.resolve(LabSessions.DIR).resolve("exam-g").resolve(LabSessions.EVIDENCE);
  }

  private static void assertRefused(HttpResponse<Buffer> r, int status, String reason) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("error")).contains(reason);
  }

  /** The records that take a write of this value on the rig (before it is carried out). */
  static List<EvidenceRecord> writesOf(List<EvidenceRecord> records, double value) {
    return records.stream().filter(r -> r.kind().equals(LabSession.ACTION) || r.kind().equals(LabSession.INTERVENTION))
        .filter(r -> r.data().getString("kind").equals("write"))
        .filter(r -> r.data().getJsonObject("fields").getValue("value") instanceof Number n && n.doubleValue() == value).toList();
  }

  static JsonObject outcomeOf(List<EvidenceRecord> records, EvidenceRecord action) {
    return records.stream().filter(r -> r.kind().equals(LabSession.OUTCOME) && r.data().getLong("action") == action.seq())
        .findFirst().orElseThrow(() -> new AssertionError("no outcome for record " + action.seq())).data();
  }
}
