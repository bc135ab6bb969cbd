package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.DemoProcess;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;

/**
 * A lab session survives a crash of the runtime (SIGKILL mid-exam): after the restart every station
 * goes on with the time it had left (the downtime not counted), a paused station stays paused, and
 * the actions, passed checks and marks recorded before the crash are all there, in a log that
 * still verifies.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionCrashIT {
  @TempDir
  Path tmp;

  @Test
  void aSessionResumesAfterAKillWithItsTimeAndItsRecord() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    String s1 = "/api/v1/sessions/exam-k/stations/s1";
    long remainingAtKill;
    try (DemoProcess demo = DemoProcess.start(data)) {
      demo.json("exam1", "POST", "/api/v1/sessions", LabSessionIT.plan("exam-k"));
      demo.json("exam1", "POST", "/api/v1/sessions/exam-k/start", null);
      JsonObject fix = new JsonObject().put("property", "vibration.rms_x").put("connection", "broker").put("address", LabSessionIT.TELEMETRY);
      demo.json("cand1", "PUT", "/api/v1/twins/motor-1/bindings/vibration.rms_x", fix);
      await().atMost(Duration.ofSeconds(60)).until(() -> status(demo.json("exam1", "GET", s1, null), "x-rebound").equals("passed"));
      demo.json("exam1", "POST", s1 + "/marks", new JsonObject().put("check", "record-explains").put("mark", 2));
      demo.json("exam1", "POST", "/api/v1/sessions/exam-k/stations/s2/pause", new JsonObject().put("reason", "rig check"));
      // a checkpoint of the clock is written after the pause
      java.nio.file.attribute.FileTime paused = java.nio.file.attribute.FileTime.from(java.time.Instant.now());
      Path clock = data.resolve(LabSessions.DIR).resolve("exam-k").resolve(LabSession.CHECKPOINT);
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(clock) && Files.getLastModifiedTime(clock).compareTo(paused) > 0);
      remainingAtKill = demo.json("exam1", "GET", s1, null).getLong("remainingSeconds");
      demo.crash();
    }
    Thread.sleep(2000); // the runtime is down: this time is not the candidate's

    try (DemoProcess again = DemoProcess.start(data)) {
      JsonObject session = again.json("exam1", "GET", "/api/v1/sessions/exam-k", null);
      assertThat(session.getJsonArray("stations").stream().map(s -> ((JsonObject) s).getString("state")))
          .containsExactly("running", "paused");
      JsonObject station = again.json("exam1", "GET", s1, null);
      // restarting takes seconds; the station lost at most the time since its last checkpoint, and gained none of the downtime
      assertThat(station.getLong("remainingSeconds")).isBetween(remainingAtKill - 20, remainingAtKill + 3);
      assertThat(status(station, "x-rebound")).isEqualTo("passed");
      JsonObject judged = check(station, "record-explains");
      assertThat(judged.getJsonObject("marks")).isEqualTo(new JsonObject().put("exam1", 2));
      assertThat(station.getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("who") + " " + ((JsonObject) a).getString("kind")))
          .contains("cand1 binding_edit");
      // the candidate goes on at their station
      assertThat(again.json("cand1", "GET", "/api/v1/me/station", null).getString("station")).isEqualTo("s1");
      assertThat(again.call("cand1", "GET", "/api/v1/twins/motor-1", null).statusCode()).isEqualTo(200);
      again.json("exam1", "POST", "/api/v1/sessions/exam-k/end", null);
    }
    Path evidence = data.resolve(LabSessions.DIR).resolve("exam-k").resolve(LabSessions.EVIDENCE);
    var r = EvidenceVerifier.verify(evidence, PlatformKey.readPublic(data.resolve("keys").resolve(PlatformKey.PUBLIC_FILE)));
    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(Files.readString(evidence)).contains("\"kind\":\"station.restored\"");
  }

  static JsonObject check(JsonObject station, String id) {
    return station.getJsonArray("checks").stream().map(JsonObject.class::cast).filter(c -> c.getString("check").equals(id)).findFirst()
        .orElseThrow();
  }

  static String status(JsonObject station, String id) {
    return check(station, id).getString("status");
  }
}
