package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.DemoProcess;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;

/**
 * Record before act survives a crash: 200 candidate writes of unique values on a station's rig,
 * some refused (the station paused), with the runtime killed (SIGKILL) at random moments while a
 * write is on its way and started again on the same data. Every write acknowledged (2xx) is in
 * the evidence as taken and done; no refused write ever reached the rig (its value never shows in
 * the twin's history, which follows the rig); the last acknowledged value is the rig's; the log
 * verifies.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GateCrashIT {
  private static final int WRITES = 200;
  private static final int KILLS = 3;
  private static final String WRITE = ActionGateIT.WRITE;

  @TempDir
  Path tmp;

  @Test
  void acknowledgedWritesAreInTheEvidenceAndRefusedOnesNeverReachTheRig() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Set<Integer> killAt = new HashSet<>();
    while (killAt.size() < KILLS) killAt.add(10 + random.nextInt(WRITES - 20));
    List<Double> acknowledged = new ArrayList<>();
    List<Double> refused = new ArrayList<>();
    double lastAcknowledged = Double.NaN;

    DemoProcess demo = DemoProcess.start(data);
    try {
      demo.json("exam1", "POST", "/api/v1/sessions", ActionGateIT.plan("exam-c"));
      demo.json("exam1", "POST", "/api/v1/sessions/exam-c/start", null);
      for (int i = 0; i < WRITES; i++) {
        double value = 5 + i * 0.125; // unique, exact in binary, within the setpoint's range
        if (killAt.contains(i)) {
          // killed while this write is on its way: it is neither acknowledged nor refused
          DemoProcess dying = demo;
          CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> status(dying, value));
          Thread.sleep(random.nextInt(40));
          demo.crash();
          int status = inFlight.get(40, TimeUnit.SECONDS);
          if (status / 100 == 2) acknowledged.add(value);
          else if (status > 0) refused.add(value);
          demo.close();
          demo = DemoProcess.start(data);
          DemoProcess up = demo;
          await().atMost(Duration.ofSeconds(30)).until(() -> station(up).getString("state").equals("running"));
          // the twin follows its rig again (a new simulator: the rig restarted with the runtime)
          await().atMost(Duration.ofSeconds(30)).until(() -> !Double.isNaN(setpoint(up)));
          continue;
        }
        boolean paused = i % 20 == 7;
        if (paused) demo.json("exam1", "POST", ActionGateIT.S1.replace("exam-g", "exam-c") + "/pause", new JsonObject().put("reason", "drill"));
        int status = status(demo, value);
        if (paused) demo.json("exam1", "POST", ActionGateIT.S1.replace("exam-g", "exam-c") + "/resume", null);
        if (status / 100 == 2) {
          acknowledged.add(value);
          lastAcknowledged = value;
        } else {
          assertThat(paused).as("write %d of %s refused with %d (seed %d)", i, value, status, seed).isTrue();
          assertThat(status).isEqualTo(409);
          refused.add(value);
        }
      }
      DemoProcess last = demo;
      double expected = lastAcknowledged;
      // the rig took the last acknowledged write: the twin, which follows the rig, shows it
      await().atMost(Duration.ofSeconds(60)).until(() -> setpoint(last) == expected);
      // no refused value ever reached the rig: the twin's history of the setpoint never shows one
      // (the history has caught up once it shows the last value)
      await().atMost(Duration.ofSeconds(20)).until(() -> history(last).contains(expected));
      assertThat(history(demo)).as("seed %d", seed).doesNotContainAnyElementsOf(refused);
      demo.json("exam1", "POST", "/api/v1/sessions/exam-c/end", null);
    } finally {
      demo.close();
    }

    assertThat(refused).hasSizeGreaterThanOrEqualTo(WRITES / 20 - KILLS);
    Path evidence = data.resolve(LabSessions.DIR).resolve("exam-c").resolve(LabSessions.EVIDENCE);
    var verified = EvidenceVerifier.verify(evidence, PlatformKey.readPublic(data.resolve("keys").resolve(PlatformKey.PUBLIC_FILE)));
    assertThat(verified.ok()).as(verified.message()).isTrue();
    List<EvidenceRecord> records = EvidenceLog.read(evidence);
    for (double v : acknowledged) {
      List<EvidenceRecord> taken = ActionGateIT.writesOf(records, v);
      assertThat(taken).as("write of %s acknowledged (seed %d)", v, seed).hasSize(1);
      assertThat(ActionGateIT.outcomeOf(records, taken.get(0)).getBoolean("accepted")).as("write of %s", v).isTrue();
    }
    for (double v : refused) {
      assertThat(ActionGateIT.writesOf(records, v)).as("refused write of %s (seed %d)", v, seed).isEmpty();
    }
  }

  private static int status(DemoProcess demo, double value) {
    try {
      HttpResponse<String> r = demo.call("cand1", "PUT", WRITE, new JsonObject().put("value", value));
      return r.statusCode();
    } catch (Exception e) {
      return -1; // no answer: the runtime died
    }
  }

  private static JsonObject station(DemoProcess demo) throws Exception {
    return demo.json("exam1", "GET", "/api/v1/sessions/exam-c/stations/s1", null);
  }

  private static double setpoint(DemoProcess demo) throws Exception {
    Object v = demo.json("exam1", "GET", "/api/v1/twins/" + ActionGateIT.TWIN + "/properties/" + ActionGateIT.SETPOINT, null).getValue("value");
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** Every value of the setpoint the twin's history holds, across the restarts. */
  private static Set<Double> history(DemoProcess demo) throws Exception {
    JsonObject h = demo.json("exam1", "GET", "/api/v1/twins/" + ActionGateIT.TWIN + "/history?property=" + ActionGateIT.SETPOINT
        + "&from=-1h&to=now", null);
    Set<Double> values = new HashSet<>();
    for (Object s : h.getJsonArray("series", new JsonArray())) {
      for (Object p : ((JsonObject) s).getJsonArray("points", new JsonArray())) {
        if (((JsonObject) p).getValue("value") instanceof Number n) values.add(n.doubleValue());
      }
    }
    return values;
  }
}
