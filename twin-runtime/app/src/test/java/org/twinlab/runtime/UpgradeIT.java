package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.packages.UpgradeEntry;
import org.twinlab.runtime.packages.UpgradeLog;

/**
 * Upgrading a station's twin application through the live API: the candidate's own twin upgraded,
 * logged on disk and held by the station's backup, then rolled back; another station's candidate
 * refused, and a malformed request refused naming its field.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UpgradeIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private DemoLab lab;
  private TwinRuntime runtime;
  private ApiUsers users;
  private Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path dir) throws Exception {
    data = dir.resolve("data");
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    // what an earlier sitting on the same rig left in the twin's upgrade log: not this station's to back up
    new UpgradeLog(data).append(UpgradeEntry.done(UpgradeEntry.UPGRADE, "tank-1", "tank-process", "1", "2", "earlier-candidate",
        java.time.Instant.parse("2026-01-05T09:00:00Z")));
    new UpgradeLog(data).append(UpgradeEntry.done(UpgradeEntry.ROLLBACK, "tank-1", "tank-process", "2", "1", "earlier-candidate",
        java.time.Instant.parse("2026-01-05T09:05:00Z")));
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    users.token("upg1", Role.CANDIDATE);
    users.token("upg2", Role.CANDIDATE);
    JsonObject plan = new JsonObject().put("id", "exam-u").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "u1").put("scenario", "l4-install-upgrade-tank").put("candidate", "upg1")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exu")))
        .add(new JsonObject().put("id", "u2").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "upg2")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("exu"))));
    HttpResponse<String> made = post("/api/v1/sessions", users.token("exu", Role.EXAMINER), plan.encode());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> begun = post("/api/v1/sessions/exam-u/start", users.token("exu", Role.EXAMINER), "{}");
    assertThat(begun.statusCode()).as(begun.body()).isBetween(200, 201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void aCandidateUpgradesTheirOwnTwinBacksUpItsLogAndRollsBack() throws Exception {
    String me = users.token("upg1", Role.CANDIDATE);
    HttpResponse<String> up = action("tank-1", me, "upgrade", new JsonObject().put("version", 2));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    assertThat(new JsonObject(up.body()).getJsonObject("result").getMap()).containsEntry("from", "1").containsEntry("to", "2");
    // release 2 reads the level every 100 ms, and the upgraded application runs as the old one did
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(twin(me).getString("lifecycle")).isEqualTo("RUNNING");
      assertThat(levelSampling(me)).isEqualTo(100);
    });
    List<UpgradeEntry> log = new UpgradeLog(data).entries("tank-1");
    assertThat(log).hasSize(3).last().satisfies(e -> {
      assertThat(e.kind() + " " + e.from() + ">" + e.to() + " " + e.outcome()).isEqualTo("upgrade 1>2 done");
      assertThat(e.who()).isEqualTo("upg1");
    });

    HttpResponse<String> backup = action("tank-1", me, "backup", new JsonObject());
    assertThat(backup.statusCode()).as(backup.body()).isEqualTo(201);
    JsonObject result = new JsonObject(backup.body()).getJsonObject("result");
    assertThat(result.getString("upgrade_log")).isEqualTo("upgrades/tank-1.jsonl");
    assertThat(result.getString("upgrade_log_entries")).isEqualTo("1");
    Path zip = data.resolveSibling(data.getFileName() + "-backups").resolve(result.getString("file"));
    byte[] onDisk = UpgradeLog.lines(new UpgradeLog(data).entries("tank-1").stream().filter(e -> e.who().equals("upg1")).toList());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      byte[] held = z.getInputStream(z.getEntry("upgrades/tank-1.jsonl")).readAllBytes();
      // the station's own upgrades since it started, as they lie on disk
      assertThat(held).isEqualTo(onDisk);
      assertThat(new String(held, "UTF-8")).doesNotContain("earlier-candidate");
      JsonObject manifest = new JsonObject(new String(z.getInputStream(z.getEntry("twinlab-backup.json")).readAllBytes(), "UTF-8"));
      assertThat(manifest.getJsonArray("files").stream().map(JsonObject.class::cast))
          .anySatisfy(f -> {
            assertThat(f.getString("path")).isEqualTo("upgrades/tank-1.jsonl");
            assertThat(f.getString("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onDisk)));
          });
    }

    // the station's run has the upgrade and the backup as the candidate's evidence, as the scenario's checks read them
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> station = send(HttpRequest.newBuilder(uri("/api/v1/sessions/exam-u/stations/u1")).GET(),
          users.token("exu", Role.EXAMINER));
      assertThat(station.statusCode()).as(station.body()).isEqualTo(200);
      assertThat(new JsonObject(station.body()).getJsonArray("actions").stream().map(JsonObject.class::cast)
          .filter(a -> a.getBoolean("accepted") && "upg1".equals(a.getString("who"))).map(a -> a.getString("kind")))
          .contains("upgrade", "backup");
    });

    HttpResponse<String> back = action("tank-1", me, "rollback", new JsonObject());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
    assertThat(new JsonObject(back.body()).getJsonObject("result").getMap()).containsEntry("from", "2").containsEntry("to", "1");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(twin(me).getString("lifecycle")).isEqualTo("RUNNING");
      assertThat(levelSampling(me)).isEqualTo(200);
    });
    // once back, there is no version before to return to: refused, and logged all the same
    HttpResponse<String> again = action("tank-1", me, "rollback", new JsonObject());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(new UpgradeLog(data).entries("tank-1")).filteredOn(e -> e.who().equals("upg1")).extracting(e -> e.kind() + " " + e.from() + ">" + e.to() + " " + e.outcome())
        .containsExactly("upgrade 1>2 done", "rollback 2>1 done", "rollback 1>1 refused: version: no version before 1 to roll back to");
  }

  @Test
  void aCandidateCannotUpgradeAnotherStationsTwin() throws Exception {
    HttpResponse<String> r = action("tank-1", users.token("upg2", Role.CANDIDATE), "upgrade", new JsonObject().put("version", 2));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    HttpResponse<String> back = action("tank-1", users.token("upg2", Role.CANDIDATE), "rollback", new JsonObject());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(403);
  }

  @Test
  void aCandidatesNewVersionCannotBindAnotherStationsRig() throws Exception {
    // the conveyor's candidate binds their own twin to the tank's PLC
    JsonArray foreign = new JsonArray().add(new JsonObject().put("property", "belt.speed").put("connection", "plc-tank-1")
        .put("address", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Tank\".\"LevelRaw\""));
    HttpResponse<String> r = action("conveyor-1", users.token("upg2", Role.CANDIDATE), "upgrade",
        new JsonObject().put("version", "2-own").put("bindings", foreign));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("bindings[belt.speed]");
  }

  @Test
  void aMalformedUpgradeIsRefusedNamingTheField() throws Exception {
    String me = users.token("upg1", Role.CANDIDATE);
    HttpResponse<String> noVersion = action("tank-1", me, "upgrade", new JsonObject());
    assertThat(noVersion.statusCode()).as(noVersion.body()).isEqualTo(400);
    assertThat(noVersion.body()).contains("\"field\":\"version\"");
    HttpResponse<String> notAList = action("tank-1", me, "upgrade", new JsonObject().put("version", 2).put("bindings", "all of them"));
    assertThat(notAList.statusCode()).as(notAList.body()).isEqualTo(400);
    assertThat(notAList.body()).contains("\"field\":\"bindings\"");
  }

  private int levelSampling(String token) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/twins/tank-1/bindings")).GET(), token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonArray("bindings").stream().map(JsonObject.class::cast)
        .filter(b -> b.getString("property").equals("tank.level")).findFirst().orElseThrow().getInteger("sampling_ms");
  }

  private JsonObject twin(String token) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/twins/tank-1")).GET(), token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private HttpResponse<String> action(String twin, String token, String kind, JsonObject fields) throws Exception {
    return post("/api/v1/twins/" + twin + "/actions", token, new JsonObject().put("kind", kind).put("fields", fields).encode());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), token);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + runtime.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b, String token) throws Exception {
    return HTTP.send(b.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }
}
