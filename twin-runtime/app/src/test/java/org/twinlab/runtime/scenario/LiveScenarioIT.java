package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.scenarios.check.Verdict.Outcome;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * A scenario run end to end on the live demo lab: the tank rig behind its OPC UA server, the twin
 * on the runtime, a broken level binding set up by the scenario, and a scripted candidate who
 * fixes it through the HTTP API and files a report. The consistency check must pass, and every
 * action must be on record with who took it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LiveScenarioIT {
  private static final String LEVEL = "nsu=urn:twinlab:plc;s=\\\"DB_Process\\\".\\\"Tank\\\".\\\"LevelRaw\\\"";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A client of the runtime, once its health says every connection is up. */
  private static WebClient healthy(Vertx vertx, TwinRuntime runtime) {
    WebClient http = new ApiUsers(vertx, runtime).client("staff", Role.TRAINER);
    await().atMost(Duration.ofSeconds(60)).until(() -> get(http.get("/api/v1/health").send()).statusCode() == 200);
    return http;
  }

  /** A technician's client (a trainer account: reaches every twin without a session). */
  private static WebClient as(Vertx vertx, TwinRuntime runtime, String name) {
    return new ApiUsers(vertx, runtime).client(name, Role.TRAINER);
  }

  /** Every action published on a twin's action feed from now on. */
  private static java.util.List<CandidateAction> hear(Vertx vertx, String twin) {
    java.util.List<CandidateAction> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    vertx.eventBus().<CandidateAction>localConsumer(Bus.actions(twin), m -> heard.add(m.body()));
    return heard;
  }

  private static Scenario load(String name) throws Exception {
    try (var in = new InputStreamReader(LiveScenarioIT.class.getResourceAsStream("/scenarios/" + name), StandardCharsets.UTF_8)) {
      return new ScenarioLoader(StandardLoader.digitalTwinTechnician()).load(name, in);
    }
  }

  @Test
  void exportsBackupsAndTheEmergencyStopTakenThroughTheApiAreRecordedWithWhoTookThem(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      WebClient http = healthy(vertx, runtime);
      java.util.List<CandidateAction> heard = hear(vertx, "tank-1");
      try {
        HttpResponse<Buffer> export = get(as(vertx, runtime, "tech-9").get("/api/v1/twins/tank-1/export?from=-5m&to=now&format=csv").send());
        assertThat(export.statusCode()).as(export.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> backup = get(as(vertx, runtime, "tech-9").post("/api/v1/twins/tank-1/actions")
            .sendJsonObject(new JsonObject().put("kind", "backup").put("fields", new JsonObject())));
        assertThat(backup.statusCode()).as(backup.bodyAsString()).isEqualTo(201);
        String file = backup.bodyAsJsonObject().getJsonObject("result").getString("file");
        Path written = data.toAbsolutePath().resolveSibling(data.getFileName() + "-backups").resolve(file);
        assertThat(org.twinlab.runtime.backup.DataBackup.verify(written).files()).isNotEmpty();
        HttpResponse<Buffer> estop = get(as(vertx, runtime, "tech-9").post("/api/v1/twins/tank-1/commands/panel.emergency_stop").send());
        assertThat(estop.statusCode()).as(estop.bodyAsString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heard)
            .extracting(a -> a.who() + " " + a.kind()).containsExactly("tech-9 export", "tech-9 backup", "tech-9 emergency_stop"));
        assertThat(heard.get(0).fields()).containsEntry("from", "-5m").containsEntry("to", "now");
        assertThat(lab.rig("tank-1").sim().groundTruth()).containsEntry("panel.estop", true);
      } finally {
        get(runtime.stop());
        Path backups = data.toAbsolutePath().resolveSibling(data.getFileName() + "-backups");
        if (java.nio.file.Files.isDirectory(backups)) {
          try (var files = java.nio.file.Files.list(backups)) {
            for (Path f : files.toList()) java.nio.file.Files.delete(f);
          }
          java.nio.file.Files.delete(backups);
        }
      }
    }
  }

  @Test
  void aTwinApplicationIsRemovedAndDeployedThroughTheApiAndComesBackAfterARestart(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      WebClient http = healthy(vertx, runtime);
      java.util.List<CandidateAction> heard = hear(vertx, "conveyor-1");
      try {
        HttpResponse<Buffer> running = get(http.delete("/api/v1/twins/tank-1").send());
        assertThat(running.statusCode()).isEqualTo(409);
        assertThat(running.bodyAsString()).contains("lifecycle");

        assertThat(get(as(vertx, runtime, "tech-2").post("/api/v1/twins/conveyor-1/stop").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> removed = get(as(vertx, runtime, "tech-2").delete("/api/v1/twins/conveyor-1").send());
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
        assertThat(get(http.get("/api/v1/twins/conveyor-1").send()).statusCode()).isEqualTo(404);

        var model = org.twinlab.models.ModelLibrary.loadBuiltIn("conveyor-sorting");
        var standard = StandardBindings.load(model, StationNames.of("conveyor-1"));
        JsonObject pkg = new JsonObject().put("twin", "conveyor-1").put("model", "conveyor-sorting")
            .put("bindings", new io.vertx.core.json.JsonArray(org.twinlab.runtime.binding.BindingWriter.toMaps(standard.bindings())))
            .put("commands", new io.vertx.core.json.JsonArray(standard.commands().stream().map(org.twinlab.runtime.binding.BindingWriter::toMap).toList()));
        JsonObject broken = pkg.copy().put("bindings", new io.vertx.core.json.JsonArray().add(
            new JsonObject().put("property", "belt.colour").put("connection", "plc-conveyor-1").put("address", "ns=2;s=x")));
        HttpResponse<Buffer> refused = get(http.post("/api/v1/twins").sendJsonObject(broken));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsString()).contains("bindings[0].property").contains("belt.colour");

        HttpResponse<Buffer> deployed = get(as(vertx, runtime, "tech-2").post("/api/v1/twins").sendJsonObject(pkg));
        assertThat(deployed.statusCode()).as(deployed.bodyAsString()).isEqualTo(201);
        assertThat(deployed.bodyAsJsonObject().getString("lifecycle")).isEqualTo("LOADED");
        assertThat(get(http.post("/api/v1/twins").sendJsonObject(pkg)).statusCode()).isEqualTo(409);
        assertThat(get(as(vertx, runtime, "tech-2").post("/api/v1/twins/conveyor-1/start").send()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
            get(http.get("/api/v1/twins/conveyor-1/properties/belt.running").send()).bodyAsJsonObject().getString("quality")).isEqualTo("GOOD"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heard).extracting(a -> a.who() + " " + a.kind())
            .containsExactly("tech-2 stop", "tech-2 remove", "tech-2 deploy", "tech-2 start"));
      } finally {
        get(runtime.stop());
      }
      // the deployed package is on disk: a restart brings the twin back, loaded
      TwinRuntime again = get(TwinRuntime.start(vertx, lab.config()));
      try {
        assertThat(get(again.twins().require("conveyor-1").snapshot()).lifecycle()).isEqualTo(org.twinlab.runtime.twin.Lifecycle.LOADED);
        assertThat(again.twins().require("conveyor-1").twinConfig().bindings().bindings()).hasSize(standard(lab).size());
      } finally {
        get(again.stop());
      }
    }
  }

  private static java.util.List<?> standard(DemoLab lab) throws Exception {
    return StandardBindings.load(org.twinlab.models.ModelLibrary.loadBuiltIn("conveyor-sorting"), StationNames.of("conveyor-1")).bindings();
  }

  @Test
  void aJointStationFollowsBothTwinsAndRecordsWhichRigEachActionWasOn(Vertx vertx) throws Exception {
    Scenario scenario = load("live-joint-fix.yaml");
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      WebClient http = healthy(vertx, runtime);
      try {
        LiveRun live = LiveRun.start(vertx, java.util.List.of(
                new LiveRun.LiveRig(runtime.twins().require("tank-1"), lab.rig("tank-1").sim()),
                new LiveRun.LiveRig(runtime.twins().require("motor-1"), lab.rig("motor-1").sim())),
            runtime.connections(), scenario, new Scoring(StandardLoader.digitalTwinTechnician()), "examiner-3");
        try {
          HttpResponse<Buffer> fixed = get(as(vertx, runtime, "tech-4").put("/api/v1/twins/motor-1/bindings/motor.current")
              .sendJsonObject(new JsonObject().put("property", "motor.current").put("connection", "broker")
                  .put("address", "twinlab/motor-1/telemetry#/motor/current")));
          assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
          assertThat(get(as(vertx, runtime, "tech-4").post("/api/v1/twins/motor-1/stop").send()).statusCode()).isEqualTo(200);
          assertThat(get(as(vertx, runtime, "tech-4").post("/api/v1/twins/motor-1/start").send()).statusCode()).isEqualTo(200);

          await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
              assertThat(live.run().verdicts().get("both-track")).extracting(v -> v.outcome()).isEqualTo(Outcome.PASSED));
          live.run().end("examiner-3", "task done");
          assertThat(live.run().sheet().total()).isEqualTo(100.0);
          assertThat(live.run().actions()).filteredOn(a -> a.who().equals("tech-4"))
              .extracting(a -> a.kind() + " " + a.fields().get("rig"))
              .containsExactly("binding_edit motor-vibration", "stop motor-vibration", "start motor-vibration");
        } finally {
          live.close();
        }
      } finally {
        get(runtime.stop());
      }
    }
  }

  /** A link to the demo lab's broker, to publish what a sensor node would. */
  private static org.twinlab.connectors.mqtt.MqttLink publisher(DemoLab lab) throws Exception {
    var link = org.twinlab.connectors.mqtt.MqttLink.open(org.twinlab.connectors.mqtt.MqttConnectorConfig.of("surge", lab.brokerUri())
        .withVersion(org.twinlab.connectors.mqtt.MqttVersion.V3_1_1), new org.twinlab.connectors.mqtt.MqttLink.Events() {
          @Override
          public void message(String topic, byte[] payload) {}

          @Override
          public void lost(Throwable cause) {}
        });
    link.connect().get(20, TimeUnit.SECONDS);
    return link;
  }

  private static void publishCurrent(org.twinlab.connectors.mqtt.MqttLink link, Instant ts, double current) throws Exception {
    byte[] doc = new JsonObject().put("ts", ts.toEpochMilli()).put("current", current).encode().getBytes(StandardCharsets.UTF_8);
    link.publish("twinlab/motor-1/surge", doc, 1, false).get(20, TimeUnit.SECONDS);
  }

  // a change shorter than any tick of the run must still be judged, at the time the rig says it happened
  @Test
  void aFiftyMillisecondSurgeIsCreditedAtTheSourceTimeOfItsSamples(Vertx vertx) throws Exception {
    Scenario scenario = load("live-pulse.yaml");
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      healthy(vertx, runtime);
      var link = publisher(lab);
      try {
        LiveRun live = LiveRun.start(vertx, runtime.twins().require("motor-1"), lab.rig("motor-1").sim(), runtime.connections(),
            scenario, new Scoring(StandardLoader.digitalTwinTechnician()), "examiner-3");
        try {
          // the twin follows the surge topic once its binding's subscription is in place
          var quiet = org.twinlab.scenarios.check.CheckParser.parseExpression("twin.motor.current == 1");
          await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            publishCurrent(link, Instant.now(), 1.0);
            return live.run().holds(quiet);
          });
          assertThat(live.run().verdicts().get("surge-seen").outcome()).isEqualTo(Outcome.PENDING);

          Instant rise = Instant.ofEpochMilli(System.currentTimeMillis());
          Instant fall = rise.plusMillis(50);
          publishCurrent(link, rise, 30.0);
          // the fall is published once it has happened, as a node would publish it
          await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> Instant.now().isAfter(fall));
          publishCurrent(link, fall, 1.0);

          await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(live.run().verdicts().get("surge-seen").outcome()).isEqualTo(Outcome.PASSED);
            assertThat(live.run().verdicts().get("surge-over").outcome()).isEqualTo(Outcome.PASSED);
          });
          assertThat(live.run().verdicts().get("surge-seen").at()).isEqualTo(rise);
          assertThat(live.run().verdicts().get("surge-over").at()).isEqualTo(fall);
          assertThat(Duration.between(live.run().clock().startedAt(), live.run().verdicts().get("surge-seen").at()))
              .as("on the station's clock").isEqualTo(Duration.between(live.run().clock().startedAt(), rise)).isPositive();
        } finally {
          live.close();
        }
      } finally {
        link.close();
        get(runtime.stop());
      }
    }
  }

  @Test
  void aCandidateFixesABrokenBindingThroughTheApiAndTheConsistencyCheckPasses(Vertx vertx) throws Exception {
    var standard = StandardLoader.digitalTwinTechnician();
    Scenario scenario = load("live-fix-level-scale.yaml");
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      WebClient http = healthy(vertx, runtime);
      try {
        LiveRun live = LiveRun.start(vertx, runtime.twins().require("tank-1"), lab.rig("tank-1").sim(), runtime.connections(),
            scenario, new Scoring(standard), "examiner-3");
        try {
          // the broken binding is live, and the run has seen it so: the candidate fixes it only then
          await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
              assertThat(live.run().verdicts().get("broken-before")).extracting(v -> v.outcome()).isEqualTo(Outcome.PASSED));

          HttpResponse<Buffer> fixed = get(as(vertx, runtime, "tech-17").put("/api/v1/twins/tank-1/bindings/tank.level")
              .sendBuffer(Buffer.buffer("{\"property\":\"tank.level\",\"connection\":\"plc-tank-1\",\"address\":\"" + LEVEL
                  + "\",\"sampling_ms\":200,\"transform\":{\"range\":{\"raw\":[0,27648],\"value\":[0,500]}}}")));
          assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
          HttpResponse<Buffer> refused = get(as(vertx, runtime, "tech-17").post("/api/v1/twins/tank-1/actions")
              .sendJsonObject(new JsonObject().put("kind", "report").put("fields", new JsonObject().put("alarm_code", "level_hi"))));
          assertThat(refused.statusCode()).isEqualTo(400);
          assertThat(refused.bodyAsString()).contains("alarm_code");
          HttpResponse<Buffer> report = get(as(vertx, runtime, "tech-17").post("/api/v1/twins/tank-1/actions")
              .sendJsonObject(new JsonObject().put("kind", "report").put("fields",
                  new JsonObject().put("alarm_code", "level_high").put("cause", "level range mapped to 0-50 mm"))));
          assertThat(report.statusCode()).as(report.bodyAsString()).isEqualTo(201);

          await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
              assertThat(live.run().verdicts().get("twin-matches-rig")).extracting(v -> v.outcome()).isEqualTo(Outcome.PASSED));
          live.run().end("examiner-3", "task done");
          ScoreSheet sheet = live.run().sheet();
          assertThat(sheet.checks()).allSatisfy(c -> assertThat(c.status()).as(c.check() + ": " + c.because()).isEqualTo(CheckScore.Status.PASSED));
          assertThat(sheet.total()).isEqualTo(100.0);
          assertThat(live.run().actions()).filteredOn(a -> a.who().equals("tech-17")).extracting(ActionRecord::kind)
              .containsExactly("binding_edit", "report");
          assertThat(live.run().actions()).noneMatch(a -> a.who().equals(LiveRun.SETUP));
        } finally {
          live.close();
        }
      } finally {
        get(runtime.stop());
      }
    }
  }
}
