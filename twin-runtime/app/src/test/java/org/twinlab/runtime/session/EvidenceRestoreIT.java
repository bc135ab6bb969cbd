package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.DemoProcess;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;

/**
 * No session vanishes at a restart: one whose seal was torn is sealed again (not ended twice), and
 * one whose log was tampered with is shown, damaged, taking no change, with health saying so.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class EvidenceRestoreIT {
  @TempDir
  Path tmp;

  private static Path evidence(Path data, String session) {
    return data.resolve(LabSessions.DIR).resolve(session).resolve(LabSessions.EVIDENCE);
  }

  @Test
  void aTornSealIsSealedAgainAndATamperedLogIsShownDamaged() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    try (DemoProcess demo = DemoProcess.start(data)) {
      demo.json("exam1", "POST", "/api/v1/sessions", LabSessionIT.plan("exam-t"));
      demo.json("exam1", "POST", "/api/v1/sessions/exam-t/start", null);
      demo.json("exam1", "POST", "/api/v1/sessions/exam-t/end", null);
      demo.json("exam1", "POST", "/api/v1/sessions", LabSessionIT.plan("exam-d"));
      demo.json("exam1", "POST", "/api/v1/sessions/exam-d/start", null);
      demo.json("exam1", "POST", "/api/v1/sessions/exam-d/stations/s1/marks", new JsonObject().put("check", "record-explains").put("mark", 1));
      demo.crash();
    }
    // the power went while the seal was written
    String sealed = Files.readString(evidence(data, "exam-t"), StandardCharsets.UTF_8);
    int sealStart = sealed.lastIndexOf('\n', sealed.length() - 2) + 1;
    Files.writeString(evidence(data, "exam-t"), sealed.substring(0, sealStart + 30));
    // someone changed a mark in the file
    Path damaged = evidence(data, "exam-d");
    Files.writeString(damaged, Files.readString(damaged).replace("\"mark\":1", "\"mark\":4"));

    try (DemoProcess again = DemoProcess.startDegraded(data)) {
      JsonArray listed = new JsonArray(again.call("exam1", "GET", "/api/v1/sessions", null).body());
      assertThat(listed.stream().map(s -> ((JsonObject) s).getString("id"))).contains("exam-t", "exam-d");

      JsonObject t = again.json("exam1", "GET", "/api/v1/sessions/exam-t", null);
      assertThat(t.getJsonObject("evidence").getBoolean("sealed")).isTrue();

      JsonObject d = again.json("exam1", "GET", "/api/v1/sessions/exam-d", null);
      assertThat(d.getJsonObject("evidence").getBoolean("damaged")).isTrue();
      assertThat(d.getJsonObject("evidence").getString("problem")).contains("does not verify");
      HttpResponse<String> health = again.call("exam1", "GET", "/api/v1/health", null);
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(health.body()).getJsonArray("evidence").encode()).contains("exam-d").contains("damaged");
      HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + again.port() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(503);
      assertThat(anonymous.body()).as("which session and why is for those logged in").contains("damaged").doesNotContain("exam-d");
      assertThat(again.call("exam1", "POST", "/api/v1/sessions/exam-d/pause", new JsonObject().put("reason", "x")).statusCode())
          .as("a damaged session takes no change").isBetween(500, 599);
      assertThat(again.call("cand1", "POST", "/api/v1/twins/motor-1/actions", new JsonObject().put("kind", "report")
          .put("fields", new JsonObject().put("alarm_code", "vibration_alert"))).statusCode())
          .as("nor does its candidate act unrecorded (refused by the gate: the station does not run)").isIn(409, 503);

      // the public key anyone verifies a downloaded log with, no login needed
      HttpResponse<String> pub = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + again.port() + "/api/v1/keys/platform")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(pub.statusCode()).isEqualTo(200);
      assertThat(pub.body()).isEqualTo(Files.readString(PlatformKey.publicFile(data))).doesNotContain("PRIVATE");
    }
    assertThat(Files.readString(damaged)).as("the damaged log is left as it was found").contains("\"mark\":4");
    EvidenceVerifier.Result r = EvidenceVerifier.verify(evidence(data, "exam-t"), PlatformKey.readPublic(PlatformKey.publicFile(data)));
    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(EvidenceLog.read(evidence(data, "exam-t")).stream().filter(x -> x.kind().equals(EvidenceLog.ENDED))).hasSize(1);
  }
}
