package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinSnapshot;

/**
 * The viewer against the demo lab, as an examiner runs it: it logs in to the runtime and renders
 * the conveyor station and the tank from their live twins. The frame shows the rigs, the lamps
 * the twin says are lit, and the tank filled to the twin's level.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LiveSnapshotIT {
  private static final String PASSWORD = "viewer-test-password";
  static VirtualScreen screen;
  @TempDir
  Path dir;

  @BeforeAll
  static void screen() throws Exception {
    screen = VirtualScreen.start();
  }

  @AfterAll
  static void close() throws Exception {
    if (screen != null) screen.close();
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Object value(TwinRuntime runtime, String twin, String property) throws Exception {
    TwinSnapshot s = get(runtime.twins().require(twin).snapshot());
    return s.properties().stream().filter(p -> p.property().equals(property)).findFirst().map(PropertyState::value).orElse(null);
  }

  @Test
  void theViewerShowsTheRigsAsTheirTwinsAre() throws Exception {
    Vertx vertx = Vertx.vertx();
    Path data = Files.createDirectories(dir.resolve("data"));
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        runtime.accounts().add("exam1", Role.ADMIN, "Examiner", PASSWORD);
        // the emergency stop holds the conveyor's lamps still: red on, green off
        await().atMost(Duration.ofSeconds(20)).until(() -> value(runtime, "conveyor-1", "lamps.green") != null);
        assertThat(get(runtime.twins().require("conveyor-1").write("panel.estop", true, org.twinlab.runtime.twin.Actor.runtime("test"))).ok()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(value(runtime, "conveyor-1", "lamps.red")));
        double level = ((Number) value(runtime, "tank-1", "tank.level")).doubleValue();

        Snapshot live = Snapshot.take(screen, dir, "live", Map.of("TWINLAB_PASSWORD", PASSWORD),
            "--url", "http://127.0.0.1:" + runtime.port(), "--user", "exam1", "--twin", "conveyor-1", "--twin", "tank-1");
        double levelAfter = ((Number) value(runtime, "tank-1", "tank.level")).doubleValue();

        assertThat(live.drawn()).as("the rigs, not a blank frame").isGreaterThan(5_000);
        int[] red = live.at("conveyor-1", "lamp_red");
        int[] green = live.at("conveyor-1", "lamp_green");
        assertThat(live.rgb(red[0], red[1])[0]).as("red lamp lit").isGreaterThan(200);
        assertThat(live.rgb(green[0], green[1])[1]).as("green lamp dark").isLessThan(110);

        // the tank as the twin showed it: the same surface as a frame made from that state
        JsonObject tank = new JsonObject().put("id", "tank-1").put("model", "tank-process").put("values", new JsonObject()
            .put("tank.level", new JsonObject().put("value", (level + levelAfter) / 2)));
        JsonObject conveyor = new JsonObject().put("id", "conveyor-1").put("model", "conveyor-sorting").put("values", new JsonObject());
        Files.writeString(dir.resolve("tank.json"), tank.encode());
        Files.writeString(dir.resolve("conveyor.json"), conveyor.encode());
        Snapshot saved = Snapshot.take(screen, dir, "saved", Map.of(), "--state", dir.resolve("conveyor.json").toString(),
            "--state", dir.resolve("tank.json").toString());
        // the column through the water's middle (the shell, bound to nothing, is no part of its own)
        int[] water = live.at("tank-1", "water");
        int liveTop = live.topBlue(water[0], water[1] - 200, water[1] + 200);
        int savedTop = saved.topBlue(water[0], water[1] - 200, water[1] + 200);
        assertThat(liveTop).as("water drawn").isPositive();
        assertThat(Math.abs(liveTop - savedTop)).as("surface at %.0f-%.0f mm: live %d, from the state %d", level, levelAfter, liveTop, savedTop)
            .isLessThanOrEqualTo(2 + (int) Math.abs(levelAfter - level) / 10);
      } finally {
        get(runtime.stop());
        get(vertx.close());
      }
    }
  }

  /**
   * An examiner of a two-station session, with no --twin: the runtime lists every twin to staff but
   * shows them only their stations' twins (403 for the others); the viewer draws those two stations
   * and says, in its log and on the screen, which it skipped, instead of giving up on the first 403.
   */
  @Test
  void anExaminerSeesTheTwinsOfTheStationsTheyMarkAndIsToldWhichWereSkipped() throws Exception {
    Vertx vertx = Vertx.vertx();
    Path data = Files.createDirectories(dir.resolve("data-exam"));
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        org.twinlab.runtime.ApiUsers users = new org.twinlab.runtime.ApiUsers(vertx, runtime);
        users.token("cand1", Role.CANDIDATE);
        users.token("cand2", Role.CANDIDATE);
        io.vertx.core.json.JsonArray stations = new io.vertx.core.json.JsonArray();
        String[][] seats = {{"s1", "cand1", "tank-1", "l4-operate-tank-setpoint"}, {"s2", "cand2", "motor-2", "l4-debug-motor-swapped-axes"}};
        for (String[] seat : seats) {
          stations.add(new JsonObject().put("id", seat[0]).put("candidate", seat[1]).put("scenario", seat[3])
              .put("twins", new io.vertx.core.json.JsonArray().add(seat[2]))
              .put("examiners", new io.vertx.core.json.JsonArray().add("exam1")));
        }
        JsonObject plan = new JsonObject().put("id", "exam-v").put("stations", stations);
        var created = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

        Snapshot mine = Snapshot.take(screen, dir, "examiner", Map.of("TWINLAB_PASSWORD", org.twinlab.runtime.ApiUsers.PASSWORD),
            "--url", "http://127.0.0.1:" + runtime.port(), "--user", "exam1");
        String log = Files.readString(dir.resolve("examiner.log"));
        java.util.Set<String> drawn = new java.util.TreeSet<>();
        java.util.Set<String> labelled = new java.util.TreeSet<>();
        mine.regions().fieldNames().forEachRemaining(name -> {
          if (name.startsWith("label:")) labelled.add(name.substring("label:".length()));
          else if (name.contains("/")) drawn.add(name.substring(0, name.indexOf('/')));
        });
        assertThat(drawn).as("the stations whose parts are drawn").containsExactly("motor-2", "tank-1");
        assertThat(labelled).as("the stations labelled").containsExactly("motor-2", "tank-1");
        for (String other : new String[] {"conveyor-1", "conveyor-2", "motor-1"}) {
          assertThat(log).contains("skipped " + other + " (not yours to see)");
        }
        // the notice is on the screen: text drawn where the viewer says it put it
        com.fasterxml.jackson.databind.JsonNode notice = mine.regions().path("notice");
        assertThat(notice.isArray()).as("a notice on the screen: %s", mine.regions()).isTrue();
        int x0 = notice.get(0).asInt(), y0 = notice.get(1).asInt(), x1 = notice.get(2).asInt(), y1 = notice.get(3).asInt();
        assertThat(y1 - y0).as("three lines, one per skipped twin").isGreaterThan(30);
        assertThat(mine.noticeRed(x0, y0, x1, y1)).as("the notice's text drawn").isGreaterThan(100);
      } finally {
        get(runtime.stop());
        get(vertx.close());
      }
    }
  }
}
