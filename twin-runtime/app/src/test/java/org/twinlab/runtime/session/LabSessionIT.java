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
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.scenarios.score.ScoreSheetCsv;

/**
 * A small exam through the API on the demo lab (real MQTT broker, real sensor-node simulators):
 * an examiner plans and starts a two-station level-4 session, a candidate fixes a binding and the
 * check passes, three examiners mark, the clock is paused and extended, the sheets come out, and
 * the sealed evidence verifies, and fails with one byte changed. Candidates reach only their own.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LabSessionIT {
  static final String SCENARIO = "l4-debug-motor-swapped-axes";
  static final String TELEMETRY = "twinlab/motor-1/telemetry#/vibration/x";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static JsonObject plan(String id) {
    JsonArray examiners = new JsonArray().add("exam1").add("exam2").add("exam3");
    return new JsonObject().put("id", id).put("title", "Debug exam").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", SCENARIO).put("candidate", "cand1")
            .put("twins", new JsonArray().add("motor-1")).put("examiners", examiners))
        .add(new JsonObject().put("id", "s2").put("scenario", SCENARIO).put("candidate", "cand2")
            .put("twins", new JsonArray().add("motor-2")).put("examiners", examiners)));
  }

  /** A display name that would run in a spreadsheet, with a comma and quotes besides. */
  private static final String HOSTILE_NAME = "=cmd|' /C calc'!A0, \"Li\" Lei";

  /** Makes the exam's accounts: three examiners and two candidates. */
  static void accounts(ApiUsers users) {
    for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
    for (String c : List.of("cand1", "cand2")) users.token(c, Role.CANDIDATE);
  }

  @Test
  void aTwoStationExamRunsFromPlanToSealedEvidence(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        runtime.accounts().add("cand2", Role.CANDIDATE, HOSTILE_NAME, ApiUsers.PASSWORD);
        accounts(users);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);

        // a plan with mistakes is refused with every field named
        JsonObject wrong = plan("exam-a");
        wrong.getJsonArray("stations").getJsonObject(1).put("twins", new JsonArray().add("tank-1")).put("candidate", "exam2");
        HttpResponse<Buffer> refused = get(exam1.post("/api/v1/sessions").sendJsonObject(wrong));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getJsonArray("problems").stream().map(p -> ((JsonObject) p).getString("field")))
            .contains("stations[1].twins[0]", "stations[1].candidate");

        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan("exam-a")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonArray("warnings")).isEmpty();
        assertThat(get(cand1.get("/api/v1/me/station").send()).bodyAsJsonObject())
            .isEqualTo(new JsonObject().put("session", "exam-a").put("station", "s1").put("ended", false));

        // before the start the candidate sees the briefing and waits; never the examiners' view or another station
        assertThat(get(cand1.get("/api/v1/sessions/exam-a/stations/s1/candidate").send()).bodyAsJsonObject().getString("state"))
            .isEqualTo("ready");
        assertThat(get(cand1.get("/api/v1/sessions/exam-a/stations/s1").send()).statusCode()).isEqualTo(403);
        assertThat(get(cand1.get("/api/v1/sessions/exam-a/stations/s2/candidate").send()).statusCode()).isEqualTo(403);
        assertThat(get(cand1.get("/api/v1/twins/motor-2").send()).statusCode()).isEqualTo(403);
        assertThat(get(cand1.get("/api/v1/twins").send()).bodyAsJsonArray().stream().map(t -> ((JsonObject) t).getString("id")))
            .containsExactly("motor-1");

        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-a/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        assertThat(started.bodyAsJsonObject().getJsonArray("stations").stream().map(s -> ((JsonObject) s).getString("state"))).as(started.bodyAsString())
            .containsExactly("running", "running");

        // the candidate fixes the swapped X axis: the engine sees the edit and the check passes
        JsonObject fix = new JsonObject().put("property", "vibration.rms_x").put("connection", "broker").put("address", TELEMETRY);
        HttpResponse<Buffer> fixed = get(cand1.put("/api/v1/twins/motor-1/bindings/vibration.rms_x").sendJsonObject(fix));
        assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(check(exam1, "s1", "x-rebound").getString("status"))
            .isEqualTo("passed"));
        assertThat(get(cand1.get("/api/v1/sessions/exam-a/stations/s1/candidate").send()).bodyAsJsonObject().encode())
            .contains("\"x-rebound\"").contains("passed");

        // three examiners mark the judged record; 3, 3 and 1 combine to 3 and are flagged
        for (var m : List.of(List.of("exam1", 3), List.of("exam2", 3), List.of("exam3", 1))) {
          HttpResponse<Buffer> marked = get(users.client((String) m.get(0), Role.EXAMINER).post("/api/v1/sessions/exam-a/stations/s1/marks")
              .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", m.get(1))));
          assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
        }
        JsonObject judged = check(exam1, "s1", "record-explains");
        assertThat(judged.getJsonObject("marks")).isEqualTo(new JsonObject().put("exam1", 3).put("exam2", 3).put("exam3", 1));
        assertThat(judged.getBoolean("disagreement")).isTrue();
        assertThat(judged.getDouble("earned")).isEqualTo(3.0);
        assertThat(get(cand1.post("/api/v1/sessions/exam-a/stations/s1/marks")
            .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", 3))).statusCode()).isEqualTo(403);

        // pause needs a reason; an extension adds to the limit
        assertThat(get(exam1.post("/api/v1/sessions/exam-a/stations/s2/pause").sendJsonObject(new JsonObject())).statusCode()).isEqualTo(400);
        assertThat(get(exam1.post("/api/v1/sessions/exam-a/stations/s2/pause").sendJsonObject(new JsonObject().put("reason", "fire drill")))
            .statusCode()).isEqualTo(200);
        HttpResponse<Buffer> extended = get(exam1.post("/api/v1/sessions/exam-a/stations/s2/extend")
            .sendJsonObject(new JsonObject().put("minutes", 5).put("reason", "the drill took five minutes")));
        assertThat(extended.bodyAsJsonObject().getJsonArray("stations").getJsonObject(1).getLong("limitSeconds")).isEqualTo(25 * 60);
        assertThat(get(exam1.post("/api/v1/sessions/exam-a/stations/s2/resume").send()).statusCode()).isEqualTo(200);

        // sheets: HTML and PDF per candidate, CSV for the session
        HttpResponse<Buffer> html = get(exam1.get("/api/v1/sessions/exam-a/stations/s1/sheet.html").send());
        assertThat(html.getHeader("Content-Type")).startsWith("text/html");
        assertThat(html.bodyAsString()).contains("cand1").contains("record-explains").contains("exam3: 1").contains("Debug exam");
        HttpResponse<Buffer> pdf = get(exam1.get("/api/v1/sessions/exam-a/stations/s1/sheet.pdf").send());
        assertThat(pdf.getHeader("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.bodyAsString().substring(0, 5)).isEqualTo("%PDF-");
        // in the reader's language, asked for or as the browser says, with a line for each examiner to sign
        assertThat(html.bodyAsString()).contains("lang=\"en\"").contains("<h1>Score sheet</h1>");
        String zh = get(exam1.get("/api/v1/sessions/exam-a/stations/s1/sheet.html?lang=zh").send()).bodyAsString();
        assertThat(zh).contains("lang=\"zh-CN\"").contains("<h1>成绩单</h1>").contains("<h2>签名</h2>");
        assertThat(zh.substring(zh.indexOf("<table class=\"signatures\">")).split("<tr class=\"signature\">", -1)).hasSize(4);
        assertThat(get(exam1.get("/api/v1/sessions/exam-a/stations/s1/sheet.html").putHeader("Accept-Language", "zh-CN,zh;q=0.9").send())
            .bodyAsString()).contains("lang=\"zh-CN\"");
        byte[] zhPdf = get(exam1.get("/api/v1/sessions/exam-a/stations/s1/sheet.pdf?lang=zh").send()).body().getBytes();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(zhPdf)) {
          assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("成绩单").contains("签名").contains("exam2");
        }
        String csv = get(exam1.get("/api/v1/sessions/exam-a/sheets.csv").send()).bodyAsString();
        assertThat(csv.lines().filter(l -> l.startsWith("exam-a,s1,cand1,"))).hasSize(7);
        assertThat(csv.lines().filter(l -> l.startsWith("exam-a,s2,cand2,"))).hasSize(7);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(ScoreSheetCsv.COLUMNS);
        assertThat(rows.stream().filter(r -> r.get("station").equals("s2")).map(r -> r.get("candidate_name")))
            .as("a name a spreadsheet would run is written as text").hasSize(7).containsOnly("'" + HOSTILE_NAME);
        assertThat(rows.stream().filter(r -> r.get("check").equals("record-explains") && r.get("station").equals("s1"))
            .map(r -> r.get("examiner_marks"))).containsExactly("exam1=3; exam2=3; exam3=1");
        assertThat(get(cand1.get("/api/v1/sessions/exam-a/stations/s1/sheet.html").send()).statusCode())
            .as("a candidate's sheet waits for the end").isEqualTo(409);

        // the candidate follows their twin live; the end of the session ends that too
        java.util.List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
        var ws = get(vertx.createWebSocketClient().connect(new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1")
            .setPort(runtime.port()).setURI("/api/v1/ws").addHeader("Authorization", "Bearer " + users.token("cand1", Role.CANDIDATE))));
        ws.textMessageHandler(frames::add);
        ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray().add("motor-1").add("motor-2")).encode());
        await().atMost(Duration.ofSeconds(60)).until(() -> frames.stream().anyMatch(f -> f.contains("\"twin\":\"motor-1\"")));
        assertThat(frames).anyMatch(f -> f.contains("not assigned to twin motor-2"));

        // the end seals the evidence; the candidate's reach ends with it
        HttpResponse<Buffer> ended = get(exam1.post("/api/v1/sessions/exam-a/end").send());
        assertThat(ended.statusCode()).as(ended.bodyAsString()).isEqualTo(200);
        assertThat(ended.bodyAsJsonObject().getJsonObject("evidence").getBoolean("sealed")).isTrue();
        assertThat(get(cand1.get("/api/v1/twins/motor-1").send()).statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).until(() -> frames.stream().anyMatch(f -> f.contains("no longer assigned to twin motor-1")));
        ws.close();

        Path evidence = data.resolve("downloaded.jsonl");
        Files.write(evidence, get(exam1.get("/api/v1/sessions/exam-a/evidence").send()).bodyAsBuffer().getBytes());
        var key = PlatformKey.readPublic(data.resolve("keys").resolve(PlatformKey.PUBLIC_FILE));
        EvidenceVerifier.Result ok = EvidenceVerifier.verify(evidence, key);
        assertThat(ok.ok()).as(ok.message()).isTrue();
        List<EvidenceRecord> records = EvidenceLog.read(evidence);
        assertThat(records).extracting(EvidenceRecord::kind).startsWith("session.created", "station.started", "station.started")
            .contains("action", "check.decided", "mark", "station.paused", "station.extended", "station.resumed", "station.ended")
            .endsWith("session.ended", EvidenceLog.SEALED);
        // the binding edit is on record with who made it
        assertThat(records).anyMatch(r -> r.kind().equals("action") && r.by().equals("cand1")
            && r.data().getString("kind").equals("binding_edit"));
      } finally {
        get(runtime.stop());
      }
    }
  }

  @Test
  void aStationOnARealRigRunsWithoutGroundTruthOrInjectedFaults(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      // no simulators handed to the runtime: its rigs are as real rigs are to it
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        accounts(users);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        assertThat(get(exam1.post("/api/v1/sessions").sendJsonObject(plan("exam-r"))).statusCode()).isEqualTo(201);
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-r/stations/s1/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        JsonObject fix = new JsonObject().put("property", "vibration.rms_x").put("connection", "broker").put("address", TELEMETRY);
        assertThat(get(users.client("cand1", Role.CANDIDATE).put("/api/v1/twins/motor-1/bindings/vibration.rms_x").sendJsonObject(fix))
            .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(check(exam1, "exam-r", "s1", "x-rebound").getString("status"))
            .isEqualTo("passed"));
        // the twin against the rig's truth cannot be judged without a simulator: it waits for the examiners
        assertThat(check(exam1, "exam-r", "s1", "x-tracks").getString("status")).isIn("pending", "indeterminate");
      } finally {
        get(runtime.stop());
      }
    }
  }

  static JsonObject check(WebClient examiner, String station, String id) throws Exception {
    return check(examiner, "exam-a", station, id);
  }

  static JsonObject check(WebClient examiner, String session, String station, String id) throws Exception {
    JsonObject st = get(examiner.get("/api/v1/sessions/" + session + "/stations/" + station).send()).bodyAsJsonObject();
    return st.getJsonArray("checks").stream().map(JsonObject.class::cast).filter(c -> c.getString("check").equals(id)).findFirst()
        .orElseThrow();
  }
}
