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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
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
import org.twinlab.runtime.backup.BackupManifest;
import org.twinlab.runtime.backup.DataBackup;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.history.HistoryExport;

/**
 * Candidates who read the API docs, on the demo lab with a running session: a binding onto
 * another station's PLC or topics is refused (and that station's rig does not move), a real fix is
 * taken; the backup an exam asks for holds the candidate's station only; the platform backup is an
 * administrator's, without the signing key unless asked, and no backup file is readable by others.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StationConfinementIT {
  private static final String SETPOINT = "nsu=urn:twinlab:plc;s=\"DB_Sorting\".\"Belt\".\"FrequencySetpoint\"";
  private static final String OWNER_ONLY_FILE = "rw-------";
  private static final String OWNER_ONLY_DIR = "rwx------";
  @TempDir
  Path data;
  @TempDir
  Path restored;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Four stations: two conveyors behind their own PLCs, two motor nodes on the one broker. */
  private static JsonObject plan() {
    JsonArray stations = new JsonArray();
    String[][] seats = {{"s1", "cand1", "conveyor-1", "l3-debug-conveyor-node-id"}, {"s2", "cand2", "conveyor-2", "l3-debug-conveyor-node-id"},
        {"s3", "cand3", "motor-1", "l4-debug-motor-swapped-axes"}, {"s4", "cand4", "motor-2", "l4-debug-motor-swapped-axes"}};
    for (String[] s : seats) {
      stations.add(new JsonObject().put("id", s[0]).put("candidate", s[1]).put("twins", new JsonArray().add(s[2])).put("scenario", s[3])
          .put("examiners", new JsonArray().add("exam1")));
    }
    return new JsonObject().put("id", "exam-z").put("title", "Confinement").put("stations", stations);
  }

  private static JsonObject binding(String property, String connection, String address) {
    return new JsonObject().put("property", property).put("connection", connection).put("address", address);
  }

  /** The refusal's status and the field it names. */
  private static String refusal(HttpResponse<Buffer> res) {
    JsonArray problems = res.bodyAsJsonObject().getJsonArray("problems");
    return res.statusCode() + " " + (problems.isEmpty() ? "" : problems.getJsonObject(0).getString("field"));
  }

  private static String permissions(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static List<String> entries(Path zip) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().map(java.util.zip.ZipEntry::getName).sorted().toList();
    }
  }

  private static String entry(Path zip, String name) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void candidatesStayOnTheirOwnStationAndBackupsAreAnAdministrators(Vertx vertx) throws Exception {
    PlatformKey.openOrCreate(data); // a lab that has sealed sessions has its signing key
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        for (String c : List.of("cand1", "cand2", "cand3", "cand4")) users.token(c, Role.CANDIDATE);
        WebClient cand1 = users.client("cand1", Role.CANDIDATE);
        WebClient cand3 = users.client("cand3", Role.CANDIDATE);
        WebClient admin = users.client("boss", Role.ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(plan()));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        java.time.Instant sessionStarted = java.time.Instant.now();
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-z/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);

        // OPC UA: conveyor-1's setpoint bound to conveyor-2's PLC, directly or as its write target
        var conveyor2 = lab.rig("conveyor-2").sim();
        await().atMost(Duration.ofSeconds(20)).until(() -> conveyor2.groundTruth().get("belt.frequency_setpoint") != null);
        Object conveyor2Before = conveyor2.groundTruth().get("belt.frequency_setpoint");
        String bindingsBefore = get(cand1.get("/api/v1/twins/conveyor-1/bindings").send()).bodyAsString();
        JsonObject onOtherPlc = binding("belt.frequency_setpoint", "plc-conveyor-2", SETPOINT).put("write", true);
        assertThat(refusal(get(cand1.put("/api/v1/twins/conveyor-1/bindings/belt.frequency_setpoint").sendJsonObject(onOtherPlc))))
            .isEqualTo("403 connection");
        JsonObject writingToOtherPlc = binding("belt.frequency_setpoint", "plc-conveyor-1", SETPOINT)
            .put("write", new JsonObject().put("connection", "plc-conveyor-2").put("address", SETPOINT));
        assertThat(refusal(get(cand1.put("/api/v1/twins/conveyor-1/bindings/belt.frequency_setpoint").sendJsonObject(writingToOtherPlc))))
            .isEqualTo("403 write.connection");
        assertThat(refusal(get(cand1.post("/api/v1/twins/conveyor-1/bindings/belt.frequency_setpoint/preview").sendJsonObject(onOtherPlc))))
            .isEqualTo("403 connection");
        JsonObject pkg = new JsonObject().put("twin", "conveyor-1").put("model", "conveyor-sorting")
            .put("bindings", new JsonArray().add(onOtherPlc));
        assertThat(refusal(get(cand1.post("/api/v1/twins").sendJsonObject(pkg)))).isEqualTo("403 bindings[belt.frequency_setpoint].connection");
        assertThat(get(cand1.get("/api/v1/twins/conveyor-1/bindings").send()).bodyAsString()).as("nothing changed").isEqualTo(bindingsBefore);
        // the write the attack was for lands on the candidate's own rig, never on conveyor-2's
        HttpResponse<Buffer> written = get(cand1.put("/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint")
            .sendJsonObject(new JsonObject().put("value", 41.5)));
        assertThat(written.statusCode()).as(written.bodyAsString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(((Number) lab.rig("conveyor-1").sim().groundTruth()
            .get("belt.frequency_setpoint")).doubleValue()).isEqualTo(41.5));
        assertThat(conveyor2.groundTruth().get("belt.frequency_setpoint")).isEqualTo(conveyor2Before);

        // the scenario's own fix on the candidate's own PLC is taken
        JsonObject fix = binding("belt.speed", "plc-conveyor-1", "nsu=urn:twinlab:plc;s=\"DB_Sorting\".\"Belt\".\"Speed\"")
            .put("sampling_ms", 100).put("transform", new JsonObject().put("deadband", 0.001));
        HttpResponse<Buffer> fixed = get(cand1.put("/api/v1/twins/conveyor-1/bindings/belt.speed").sendJsonObject(fix));
        assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
        // and a package on the station's own PLC passes the scope (the twin runs already, so it is a conflict, not a refusal)
        JsonObject ownPackage = pkg.copy().put("bindings", new JsonArray().add(fix));
        assertThat(get(cand1.post("/api/v1/twins").sendJsonObject(ownPackage)).statusCode()).isEqualTo(409);

        // MQTT: motor-1 read from motor-2's telemetry, or writing its interval to motor-2's config topic
        var motor2 = lab.rig("motor-2").sim();
        Object motor2Interval = motor2.groundTruth().get("node.interval_ms");
        assertThat(refusal(get(cand3.put("/api/v1/twins/motor-1/bindings/vibration.rms_x")
            .sendJsonObject(binding("vibration.rms_x", "broker", "twinlab/motor-2/telemetry#/vibration/x"))))).isEqualTo("403 address");
        assertThat(refusal(get(cand3.put("/api/v1/twins/motor-1/bindings/vibration.rms_x")
            .sendJsonObject(binding("vibration.rms_x", "broker", "twinlab/+/telemetry#/vibration/x"))))).isEqualTo("403 address");
        JsonObject intervalToMotor2 = binding("node.interval_ms", "broker", "twinlab/motor-1/telemetry#/node/interval_ms")
            .put("write", new JsonObject().put("connection", "broker").put("address", "twinlab/motor-2/config#/node/interval_ms"));
        assertThat(refusal(get(cand3.put("/api/v1/twins/motor-1/bindings/node.interval_ms").sendJsonObject(intervalToMotor2))))
            .isEqualTo("403 write.address");
        HttpResponse<Buffer> interval = get(cand3.put("/api/v1/twins/motor-1/properties/node.interval_ms")
            .sendJsonObject(new JsonObject().put("value", 700)));
        assertThat(interval.statusCode()).as(interval.bodyAsString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(((Number) lab.rig("motor-1").sim().groundTruth()
            .get("node.interval_ms")).longValue()).isEqualTo(700));
        assertThat(motor2.groundTruth().get("node.interval_ms")).isEqualTo(motor2Interval);
        // the swapped axis put right on the candidate's own topic is taken
        HttpResponse<Buffer> axis = get(cand3.put("/api/v1/twins/motor-1/bindings/vibration.rms_x")
            .sendJsonObject(binding("vibration.rms_x", "broker", "twinlab/motor-1/telemetry#/vibration/x")));
        assertThat(axis.statusCode()).as(axis.bodyAsString()).isEqualTo(200);
        // staff set up any rig
        HttpResponse<Buffer> staff = get(users.client("wang", Role.TRAINER).post("/api/v1/twins/motor-2/bindings/vibration.rms_x/preview")
            .sendJsonObject(binding("vibration.rms_x", "broker", "twinlab/motor-1/telemetry#/vibration/x")));
        assertThat(staff.statusCode()).as(staff.bodyAsString()).isEqualTo(200);

        // the exam's backup: conveyor-1's station only, readable by its owner only
        runtime.history().writer().awaitIdle(Duration.ofSeconds(10));
        HttpResponse<Buffer> backup = get(cand1.post("/api/v1/twins/conveyor-1/actions")
            .sendJsonObject(new JsonObject().put("kind", "backup").put("fields", new JsonObject())));
        assertThat(backup.statusCode()).as(backup.bodyAsString()).isEqualTo(201);
        JsonObject result = backup.bodyAsJsonObject().getJsonObject("result");
        Path backups = data.toAbsolutePath().resolveSibling(data.getFileName() + "-backups");
        Path stationZip = backups.resolve(result.getString("file"));
        assertThat(entries(stationZip)).containsExactly("actions.jsonl", "bindings/conveyor-1.jsonl", "history/conveyor-1.csv",
            BackupManifest.NAME);
        assertThat(DataBackup.verify(stationZip).files()).hasSize(Integer.parseInt(result.getString("files")));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(entry(stationZip, "history/conveyor-1.csv").substring(1))).getRecords();
        // the setpoint the candidate wrote is among the station's points; no other twin's, nothing from before the station started
        assertThat(rows).anySatisfy(r -> assertThat(r.get("property") + "=" + r.get("value")).isEqualTo("belt.frequency_setpoint=41.5"));
        assertThat(rows).allSatisfy(r -> {
          assertThat(r.get("twin")).isEqualTo("conveyor-1");
          assertThat(r.get("time_utc").compareTo(HistoryExport.CSV_TIME.format(sessionStarted))).isPositive();
        });
        List<JsonObject> actions = entry(stationZip, "actions.jsonl").lines().map(JsonObject::new).toList();
        assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a.getString("by") + "@" + a.getString("station")).isEqualTo("cand1@s1"));
        assertThat(entry(stationZip, "bindings/conveyor-1.jsonl")).contains("DB_Sorting").doesNotContain("plc-conveyor-2");
        assertThat(permissions(stationZip)).isEqualTo(OWNER_ONLY_FILE);
        assertThat(permissions(backups)).isEqualTo(OWNER_ONLY_DIR);
        // backup after backup does not fill the disk the evidence is written to: the newest few are kept
        for (int i = 0; i < 7; i++) {
          assertThat(get(cand1.post("/api/v1/twins/conveyor-1/actions")
              .sendJsonObject(new JsonObject().put("kind", "backup").put("fields", new JsonObject()))).statusCode()).isEqualTo(201);
        }
        try (var files = java.nio.file.Files.list(backups)) {
          assertThat(files.filter(f -> f.getFileName().toString().startsWith("conveyor-1_"))).hasSize(5);
        }

        // the platform backup is not a candidate's
        assertThat(get(cand1.post("/api/v1/backups").sendJsonObject(new JsonObject().put("include_keys", true))).statusCode()).isEqualTo(403);
        assertThat(get(cand1.get("/api/v1/backups").send()).statusCode()).isEqualTo(403);
        assertThat(get(cand1.get("/api/v1/backups/" + stationZip.getFileName()).send()).statusCode()).isEqualTo(403);

        // an administrator's: without the private key unless asked for it
        HttpResponse<Buffer> plain = get(admin.post("/api/v1/backups").send());
        assertThat(plain.statusCode()).as(plain.bodyAsString()).isEqualTo(201);
        Path plainZip = backups.resolve(plain.bodyAsJsonObject().getString("file"));
        assertThat(entries(plainZip)).contains("keys/" + PlatformKey.PUBLIC_FILE, "accounts.json").doesNotContain(DataBackup.PRIVATE_KEY);
        HttpResponse<Buffer> withKeys = get(admin.post("/api/v1/backups").sendJsonObject(new JsonObject().put("include_keys", true)));
        assertThat(withKeys.statusCode()).as(withKeys.bodyAsString()).isEqualTo(201);
        Path keyZip = backups.resolve(withKeys.bodyAsJsonObject().getString("file"));
        assertThat(entries(keyZip)).contains(DataBackup.PRIVATE_KEY);
        assertThat(permissions(plainZip)).isEqualTo(OWNER_ONLY_FILE);
        assertThat(permissions(keyZip)).isEqualTo(OWNER_ONLY_FILE);
        assertThat(get(admin.post("/api/v1/backups").sendJsonObject(new JsonObject().put("include_keys", "yes"))).statusCode()).isEqualTo(400);
        assertThat(get(admin.get("/api/v1/backups").send()).bodyAsJsonArray().stream().map(b -> ((JsonObject) b).getString("file")))
            .contains(plainZip.getFileName().toString(), keyZip.getFileName().toString())
            .filteredOn(f -> f.startsWith("conveyor-1_")).hasSize(5);
        HttpResponse<Buffer> download = get(admin.get("/api/v1/backups/" + keyZip.getFileName()).send());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body().getBytes()).isEqualTo(Files.readAllBytes(keyZip));
        assertThat(get(admin.get("/api/v1/backups/..%2Faccounts.json").send()).statusCode()).isIn(400, 404);
        assertThat(get(admin.get("/api/v1/backups/nothing.zip").send()).statusCode()).isEqualTo(404);

        // restored, the data is its owner's alone, the signing key above all
        Path target = restored.resolve("lab");
        DataBackup.restore(keyZip, target);
        assertThat(permissions(target.resolve("keys"))).isEqualTo(OWNER_ONLY_DIR);
        assertThat(permissions(target.resolve(DataBackup.PRIVATE_KEY))).isEqualTo(OWNER_ONLY_FILE);
        List<String> open = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(target)) {
          for (Path p : walk.toList()) {
            String expected = Files.isDirectory(p) ? OWNER_ONLY_DIR : OWNER_ONLY_FILE;
            if (!permissions(p).equals(expected)) open.add(target.relativize(p) + " " + permissions(p));
          }
        }
        assertThat(open).as("restored files and directories open to others").isEmpty();
      } finally {
        get(runtime.stop());
      }
    }
  }
}
