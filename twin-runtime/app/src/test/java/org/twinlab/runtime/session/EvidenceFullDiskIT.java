package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.DemoProcess;
import org.twinlab.runtime.SmallDisk;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;

/**
 * The runtime's data directory on a small real disk that fills up mid-exam: candidate actions are
 * refused and nothing is recorded half-way, health says why, and once the disk has room again the
 * exam goes on, its evidence verifies, and a kill and restart bring the session back with its stations.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EvidenceFullDiskIT {
  private static final String SESSION = "exam-f";
  @TempDir
  Path tmp;

  private static HttpResponse<String> report(DemoProcess demo) throws Exception {
    return demo.call("cand1", "POST", "/api/v1/twins/motor-1/actions", new JsonObject().put("kind", "report")
        .put("fields", new JsonObject().put("alarm_code", "vibration_alert").put("cause", "the x and y axes are swapped")));
  }

  private static long records(Path evidence, String kind) throws Exception {
    return EvidenceLog.read(evidence).stream().filter(r -> r.kind().equals(kind)).count();
  }

  private static JsonArray evidenceHealth(DemoProcess demo) throws Exception {
    return new JsonObject(demo.call("exam1", "GET", "/api/v1/health", null).body()).getJsonArray("evidence");
  }

  @Test
  void aFullDiskRefusesActionsUntilItHasRoomAndLosesNothing() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("data"), "8m")) {
      Path data = disk.dir();
      Path evidence = data.resolve(LabSessions.DIR).resolve(SESSION).resolve(LabSessions.EVIDENCE);
      try (DemoProcess demo = DemoProcess.start(data)) {
        demo.json("exam1", "POST", "/api/v1/sessions", LabSessionIT.plan(SESSION));
        demo.json("exam1", "POST", "/api/v1/sessions/" + SESSION + "/start", null);
        assertThat(report(demo).statusCode()).as("a report on a disk with room").isEqualTo(201);
        disk.fill();
        // the log's last block may still have room for a record or two: those are taken, and must be kept
        HttpResponse<String> refused = report(demo);
        for (int i = 0; i < 50 && refused.statusCode() == 201; i++) refused = report(demo);
        assertThat(refused.statusCode()).as("refused while the disk is full: %s", refused.body()).isEqualTo(503);
        long actions = records(evidence, "action");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          HttpResponse<String> health = demo.call("exam1", "GET", "/api/v1/health", null);
          assertThat(health.statusCode()).isEqualTo(503);
          JsonArray ev = new JsonObject(health.body()).getJsonArray("evidence");
          assertThat(ev.encode()).contains(SESSION).contains("unwritable").contains("No space left on device");
        });
        HttpResponse<String> pause = demo.call("exam1", "POST", "/api/v1/sessions/" + SESSION + "/stations/s2/pause",
            new JsonObject().put("reason", "rig check"));
        assertThat(pause.statusCode()).as("an examiner's change is refused too: %s", pause.body()).isEqualTo(503);
        assertThat(pause.body()).contains("evidence");
        assertThat(demo.json("exam1", "GET", "/api/v1/sessions/" + SESSION, null).getJsonArray("stations").stream()
            .map(s -> ((JsonObject) s).getString("state"))).as("and nothing changed").containsExactly("running", "running");
        // nothing half-way: the log still verifies and holds no record of what was refused
        assertThat(EvidenceVerifier.verify(evidence, null).ok()).isTrue();
        assertThat(records(evidence, "action")).isEqualTo(actions);
        assertThat(records(evidence, "station.paused")).isZero();

        disk.free();
        await().atMost(Duration.ofSeconds(60)).until(() -> evidenceHealth(demo).isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> report(demo).statusCode() == 201);
        EvidenceVerifier.Result r = EvidenceVerifier.verify(evidence, PlatformKey.readPublic(PlatformKey.publicFile(data)));
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(records(evidence, "action")).isEqualTo(actions + 1);
        demo.crash();
      }

      try (DemoProcess again = DemoProcess.start(data)) {
        JsonObject session = again.json("exam1", "GET", "/api/v1/sessions/" + SESSION, null);
        assertThat(session.getJsonArray("stations").stream().map(s -> ((JsonObject) s).getString("state")))
            .containsExactly("running", "running");
        assertThat(again.json("cand1", "GET", "/api/v1/me/station", null).getString("station")).isEqualTo("s1");
        assertThat(report(again).statusCode()).isEqualTo(201);
        again.json("exam1", "POST", "/api/v1/sessions/" + SESSION + "/stations/s1/end", new JsonObject().put("reason", "handed in"));
        // a station's end is signed at once
        var recordsNow = EvidenceLog.read(evidence);
        long ended = recordsNow.stream().filter(x -> x.kind().equals("station.ended") && "s1".equals(x.station()))
            .mapToLong(x -> x.seq()).max().orElseThrow();
        assertThat(recordsNow).filteredOn(x -> x.kind().equals(EvidenceLog.CHECKPOINT))
            .anySatisfy(c -> assertThat(c.data().getLong("upTo")).isGreaterThanOrEqualTo(ended));
        again.json("exam1", "POST", "/api/v1/sessions/" + SESSION + "/end", null);
      }
      EvidenceVerifier.Result sealed = EvidenceVerifier.verify(evidence, PlatformKey.readPublic(PlatformKey.publicFile(data)));
      assertThat(sealed.ok()).as(sealed.message()).isTrue();
      assertThat(sealed.sealedBy()).isNotNull();
      assertThat(records(evidence, EvidenceLog.ENDED)).isEqualTo(1);
    }
  }
}
