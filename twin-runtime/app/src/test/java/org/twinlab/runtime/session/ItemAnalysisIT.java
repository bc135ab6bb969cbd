package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.cli.TwinlabCli;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.MoreMotors;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * Item analysis of a real sitting: five candidates sit the same level-4 scenario on simulated motor
 * sensor nodes of the demo lab (its two and three more on its broker), three of them fix a binding,
 * three examiners mark the judged record at every station, the session is sealed. The analysis
 * through the API agrees with the five score sheets and with the command line's, read from the
 * evidence alone; before the seal it is refused with the reason, and candidates never get it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ItemAnalysisIT {
  static final String SCENARIO = "l4-debug-motor-swapped-axes";
  static final int CANDIDATES = 5;
  static final String JUDGED = "record-explains";
  /**
   * Each station's marks by exam1, exam2, exam3 on the judged record. Krippendorff's ordinal alpha by hand:
   * coincidences o00 = 3, o01 = .5, o02 = .5, o11 = 1, o12 = 1.5, o22 = 3, o33 = 3; marginals n0 = 4, n1 = 3,
   * n2 = 5, n3 = 3 (n = 15); distances d01 = 12.25, d02 = 56.25, d03 = 132.25, d12 = 16, d13 = 64, d23 = 16;
   * Do = 2 (.5*12.25 + .5*56.25 + 1.5*16) / 15 = 116.5 / 15; De = 2 * 3915 / 210;
   * alpha = 1 - 116.5 * 14 / 7830 = 6199 / 7830 = 0.7917
   */
  static final int[][] MARKS = {{3, 3, 3}, {2, 2, 2}, {1, 1, 2}, {0, 0, 0}, {0, 2, 1}};
  static final List<String> EXAMINERS = List.of("exam1", "exam2", "exam3");
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aSealedSittingOfFiveCandidatesIsAnalysedAsItsSheetsSay(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data); MoreMotors more = new MoreMotors(lab, 3, 5, 20)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, more.config(lab.config()), more::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        EXAMINERS.forEach(e -> users.token(e, Role.EXAMINER));
        for (int i = 1; i <= CANDIDATES; i++) users.token("cand" + i, Role.CANDIDATE);
        users.token("exam4", Role.EXAMINER);
        users.token("exam5", Role.EXAMINER);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        JsonArray stations = new JsonArray();
        for (int i = 1; i <= CANDIDATES; i++) {
          stations.add(new JsonObject().put("id", "s" + i).put("scenario", SCENARIO).put("candidate", "cand" + i)
              .put("twins", new JsonArray().add("motor-" + i)).put("examiners", new JsonArray(new ArrayList<>(EXAMINERS))));
          // exam5 examines s1 alone, and marks nothing
          if (i == 1) stations.getJsonObject(0).getJsonArray("examiners").add("exam5");
        }
        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions")
            .sendJsonObject(new JsonObject().put("id", "sit-a").put("title", "Motor debug sitting").put("stations", stations)));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/sit-a/start").send());
        assertThat(started.bodyAsJsonObject().getJsonArray("stations").stream().map(s -> ((JsonObject) s).getString("state")))
            .as(started.bodyAsString()).containsOnly("running");

        // candidates 1 to 3 rebind the X axis, candidate 1 the Z axis too; 4 and 5 do nothing
        for (int i = 1; i <= 3; i++) rebind(users, i, "x");
        rebind(users, 1, "z");
        for (int i = 1; i <= 3; i++) {
          String station = "s" + i;
          await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(LabSessionIT.check(exam1, "sit-a", station, "x-rebound")
              .getString("status")).isEqualTo("passed"));
        }
        for (int s = 0; s < CANDIDATES; s++) {
          for (int e = 0; e < EXAMINERS.size(); e++) {
            HttpResponse<Buffer> marked = get(users.client(EXAMINERS.get(e), Role.EXAMINER).post("/api/v1/sessions/sit-a/stations/s" + (s + 1) + "/marks")
                .sendJsonObject(new JsonObject().put("check", JUDGED).put("mark", MARKS[s][e])));
            assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
          }
        }

        // before the seal there is no analysis, and the answer says why
        HttpResponse<Buffer> early = get(exam1.get("/api/v1/sessions/sit-a/analysis").send());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.bodyAsString()).contains("not sealed");
        assertThat(cli("session", "analyse", "--data", data.toString(), "sit-a").getKey()).isEqualTo(1);

        HttpResponse<Buffer> ended = get(exam1.post("/api/v1/sessions/sit-a/end").send());
        assertThat(ended.statusCode()).as(ended.bodyAsString()).isEqualTo(200);

        // attack: candidates, even of this session, and an examiner of none of its stations are refused
        for (int i = 1; i <= CANDIDATES; i++) {
          assertThat(get(users.client("cand" + i, Role.CANDIDATE).get("/api/v1/sessions/sit-a/analysis").send()).statusCode())
              .as("cand" + i).isEqualTo(403);
        }
        assertThat(get(users.client("exam4", Role.EXAMINER).get("/api/v1/sessions/sit-a/analysis").send()).statusCode()).isEqualTo(403);
        assertThat(get(users.anonymous().get("/api/v1/sessions/sit-a/analysis").send()).statusCode()).isEqualTo(401);
        assertThat(get(users.client("wang", Role.TRAINER).get("/api/v1/sessions/sit-a/analysis").send()).statusCode()).isEqualTo(200);
        // an examiner of one station gets the analysis of that station only, never of stations they do not examine
        JsonObject own = get(users.client("exam5", Role.EXAMINER).get("/api/v1/sessions/sit-a/analysis").send()).bodyAsJsonObject();
        assertThat(own.getJsonArray("scenarios").getJsonObject(0).getJsonArray("stations")).containsExactly("s1");

        HttpResponse<Buffer> answered = get(exam1.get("/api/v1/sessions/sit-a/analysis").send());
        assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
        JsonObject analysis = answered.bodyAsJsonObject();
        assertThat(analysis.getJsonArray("scenarios")).hasSize(1);
        JsonObject scenario = analysis.getJsonArray("scenarios").getJsonObject(0);
        assertThat(scenario.getString("scenario")).isEqualTo(SCENARIO);
        assertThat(scenario.getInteger("version")).isEqualTo(libraryVersion());
        assertThat(scenario.getInteger("candidates")).isEqualTo(CANDIDATES);

        // every check's figures are those of the five sheets
        List<JsonObject> sheets = new ArrayList<>();
        for (int i = 1; i <= CANDIDATES; i++) {
          sheets.add(get(exam1.get("/api/v1/sessions/sit-a/stations/s" + i).send()).bodyAsJsonObject());
        }
        JsonArray checks = scenario.getJsonArray("checks");
        assertThat(checks).hasSize(sheets.get(0).getJsonArray("checks").size());
        for (Object o : checks) {
          JsonObject item = (JsonObject) o;
          agreesWithTheSheets(item, sheets);
        }
        JsonObject xRebound = item(checks, "x-rebound");
        assertThat(xRebound.getInteger("passed")).isEqualTo(3);
        assertThat(xRebound.getDouble("p")).isCloseTo(0.6, within(1e-9));

        // the judged record: three examiners' own marks at five stations
        JsonObject judgement = scenario.getJsonArray("judgements").getJsonObject(0);
        assertThat(judgement.getString("check")).isEqualTo(JUDGED);
        assertThat(judgement.getJsonArray("examiners")).containsExactlyElementsOf(EXAMINERS);
        assertThat(judgement.getInteger("stations")).isEqualTo(CANDIDATES);
        assertThat(judgement.getInteger("marks")).isEqualTo(15);
        assertThat(judgement.getDouble("alpha")).isCloseTo(6199.0 / 7830, within(1e-12));
        JsonArray spread = judgement.getJsonArray("spread");
        assertThat(spread.stream().map(s -> ((JsonObject) s).getString("station"))).containsExactly("s3", "s5");
        assertThat(spread.getJsonObject(1).getBoolean("wide")).isTrue();
        assertThat(spread.getJsonObject(1).getJsonObject("marks")).isEqualTo(new JsonObject().put("exam1", 0).put("exam2", 2).put("exam3", 1));
        // the sheet flags the same station for its examiners
        assertThat(item(sheets.get(4).getJsonArray("checks"), JUDGED).getBoolean("disagreement")).isTrue();

        // the command line reads the same analysis from the evidence alone
        Map.Entry<Integer, String> json = cli("session", "analyse", "--data", data.toString(), "sit-a", "--json");
        assertThat(json.getKey()).as(json.getValue()).isZero();
        assertThat(new JsonObject(json.getValue())).isEqualTo(analysis);
        Map.Entry<Integer, String> table = cli("session", "analyse", "--data", data.toString(), "sit-a");
        assertThat(table.getValue()).contains(SCENARIO + " v" + scenario.getInteger("version") + ": 5 candidates").contains("x-rebound").contains("judgement " + JUDGED + ": alpha 0.79")
            .contains("wide  s5 (cand5): exam1=0 exam2=2 exam3=1, range 2");
        assertThat(cli("session", "analyse", "--data", data.toString(), "no-such-sitting").getKey()).isEqualTo(1);
      } finally {
        get(runtime.stop());
      }
    }
  }

  /** An item's n, passed, p, flags and both correlations, worked out again from the sheets' own figures. */
  private static void agreesWithTheSheets(JsonObject item, List<JsonObject> sheets) {
    String id = item.getString("check");
    List<double[]> rows = new ArrayList<>();
    for (JsonObject sheet : sheets) {
      JsonObject mine = item(sheet.getJsonArray("checks"), id);
      if (mine.getValue("earned") == null) continue;
      double rest = sheet.getJsonArray("checks").stream().map(JsonObject.class::cast)
          .filter(c -> !c.getString("check").equals(id) && c.getValue("earned") != null).mapToDouble(c -> c.getDouble("earned")).sum();
      rows.add(new double[] {mine.getDouble("earned") / mine.getDouble("points"), rest, sheet.getDouble("total")});
    }
    assertThat(item.getInteger("candidates")).as(id).isEqualTo(rows.size());
    if (rows.isEmpty()) {
      assertThat(item.getValue("p")).as(id).isNull();
      return;
    }
    double[] score = rows.stream().mapToDouble(r -> r[0]).toArray();
    long passed = rows.stream().filter(r -> r[0] == 1.0).count();
    assertThat(item.getInteger("passed")).as(id).isEqualTo((int) passed);
    assertThat(item.getDouble("p")).as(id).isCloseTo(java.util.Arrays.stream(score).average().orElseThrow(), within(1e-9));
    assertThat(item.getJsonArray("flags").contains("everyone_passed")).as(id).isEqualTo(passed == rows.size());
    assertThat(item.getJsonArray("flags").contains("no_one_passed")).as(id).isEqualTo(java.util.Arrays.stream(score).allMatch(x -> x == 0));
    double[] rest = rows.stream().mapToDouble(r -> r[1]).toArray();
    double[] total = rows.stream().mapToDouble(r -> r[2]).toArray();
    if (item.getValue("discrimination") != null) {
      double r = new PearsonsCorrelation().correlation(score, rest);
      assertThat(item.getDouble("discrimination")).as(id).isCloseTo(r, within(1e-9));
      assertThat(item.getJsonArray("flags").contains("negative_discrimination")).as(id).isEqualTo(r < 0);
      assertThat(item.getJsonArray("flags").contains("low_discrimination")).as(id).isEqualTo(r >= 0 && r < 0.2);
    } else {
      assertThat(item.getString("note")).as(id).isNotBlank();
    }
    if (item.getValue("totalCorrelation") != null) {
      assertThat(item.getDouble("totalCorrelation")).as(id).isCloseTo(new PearsonsCorrelation().correlation(score, total), within(1e-9));
    }
  }

  private static JsonObject item(JsonArray checks, String id) {
    return checks.stream().map(JsonObject.class::cast).filter(c -> c.getString("check").equals(id)).findFirst().orElseThrow();
  }

  private static void rebind(ApiUsers users, int candidate, String axis) throws Exception {
    String twin = "motor-" + candidate;
    JsonObject fix = new JsonObject().put("property", "vibration.rms_" + axis).put("connection", "broker")
        .put("address", "twinlab/" + twin + "/telemetry#/vibration/" + axis);
    HttpResponse<Buffer> r = get(users.client("cand" + candidate, Role.CANDIDATE).put("/api/v1/twins/" + twin + "/bindings/vibration.rms_" + axis)
        .sendJsonObject(fix));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
  }

  /** Runs the command line in this process; its exit code and what it printed. */
  private static Map.Entry<Integer, String> cli(String... args) {
    StringWriter out = new StringWriter();
    var cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int code = cli.execute(args);
    return Map.entry(code, out.toString());
  }

  /** The version the library holds of the scenario sat: analyses group by it. */
  private static int libraryVersion() {
    return org.twinlab.scenarios.load.ScenarioLibrary.load(new org.twinlab.scenarios.load.ScenarioLoader(
            org.twinlab.scenarios.standard.StandardLoader.digitalTwinTechnician())).stream()
        .filter(s -> s.id().equals(SCENARIO)).findFirst().orElseThrow().version();
  }
}
