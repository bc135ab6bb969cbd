package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots rendered for real (OpenGL through Mesa's software renderer on Xvfb) from saved twin
 * states, and read back by pixels: the picture follows the twin.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SnapshotIT {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** A twin's state as GET /api/v1/twins/{id} answers, with the given values (GOOD). */
  private Path state(String name, String twin, String model, Map<String, Object> values, String... activeAlarms) throws Exception {
    ObjectNode root = JSON.createObjectNode().put("id", twin).put("model", model).put("lifecycle", "RUNNING");
    ObjectNode v = root.putObject("values");
    values.forEach((p, value) -> v.putObject(p).put("property", p).put("quality", "GOOD").set("value", JSON.valueToTree(value)));
    var alarms = root.putArray("alarms");
    for (String a : activeAlarms) alarms.addObject().put("alarm", a).put("active", true).put("severity", "warning").put("message", a);
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, root.toString());
    return file;
  }

  private Snapshot snap(String name, Path... states) throws Exception {
    String[] args = new String[states.length * 2];
    for (int i = 0; i < states.length; i++) {
      args[2 * i] = "--state";
      args[2 * i + 1] = states[i].toString();
    }
    return Snapshot.take(screen, dir, name, Map.of(), args);
  }

  @Test
  void theRedLampIsRedOnlyWhileItIsOn() throws Exception {
    Snapshot on = snap("lamp-on", state("on", "conveyor-1", "conveyor-sorting", Map.of("lamps.red", true, "lamps.green", false)));
    Snapshot off = snap("lamp-off", state("off", "conveyor-1", "conveyor-sorting", Map.of("lamps.red", false, "lamps.green", true)));
    assertThat(on.drawn()).as("a rig, not a blank frame").isGreaterThan(5_000);
    int[] red = on.at("conveyor-1", "lamp_red");
    int[] lit = on.rgb(red[0], red[1]);
    int[] dark = off.rgb(red[0], red[1]);
    assertThat(lit[0]).as("red lamp lit %s", java.util.Arrays.toString(lit)).isGreaterThan(200);
    assertThat(lit[1]).isLessThan(80);
    assertThat(dark[0]).as("red lamp off %s", java.util.Arrays.toString(dark)).isLessThan(110);
    int[] green = off.at("conveyor-1", "lamp_green");
    assertThat(off.rgb(green[0], green[1])[1]).as("green lamp lit").isGreaterThan(200);
  }

  @Test
  void theWorkpieceRidesWithTheEncoder() throws Exception {
    Snapshot early = snap("early", state("early", "conveyor-1", "conveyor-sorting", Map.of("belt.encoder_position", 2000, "belt.running", true)));
    Snapshot later = snap("later", state("later", "conveyor-1", "conveyor-sorting", Map.of("belt.encoder_position", 9000, "belt.running", true)));
    int[] was = early.at("conveyor-1", "workpiece");
    int[] now = later.at("conveyor-1", "workpiece");
    assertThat(now[0] - was[0]).as("moved along the belt on screen").isGreaterThan(40);
    // the workpiece is drawn where it is, and has left where it was
    assertThat(early.rgb(was[0], was[1])[0]).as("workpiece then %s", java.util.Arrays.toString(early.rgb(was[0], was[1]))).isGreaterThan(180);
    assertThat(later.rgb(now[0], now[1])[0]).isGreaterThan(180);
    assertThat(later.rgb(was[0], was[1])[0]).as("belt where it was").isLessThan(120);
  }

  @Test
  void theTankFillsWithItsLevel() throws Exception {
    int[] tops = new int[3];
    int[] columns = new int[3];
    double[] levels = {80, 250, 420};
    for (int i = 0; i < 3; i++) {
      Snapshot s = snap("level-" + i, state("level-" + i, "tank-1", "tank-process", Map.of("tank.level", levels[i])));
      // the column through the water's middle (the shell, not bound to anything, is no part of its own)
      int[] water = s.at("tank-1", "water");
      tops[i] = s.topBlue(water[0], water[1] - 200, water[1] + 200);
      columns[i] = s.bluePixels(water[0], water[1] - 200, water[1] + 200);
    }
    assertThat(tops).as("the water's surface on screen").doesNotContain(-1);
    assertThat(columns[0]).as("water at 80 mm").isLessThan(columns[1]);
    assertThat(columns[1]).isLessThan(columns[2]);
    // equal steps of level lift the surface by equal steps on screen
    int lower = tops[0] - tops[1];
    int upper = tops[1] - tops[2];
    assertThat(lower).as("surface rise 80 to 250 mm, px").isGreaterThan(8);
    assertThat((double) upper / lower).as("then 250 to 420 mm").isBetween(0.75, 1.33);
  }

  @Test
  void aPartAnActiveAlarmIsAboutGlowsRed() throws Exception {
    Snapshot calm = snap("calm", state("calm", "tank-1", "tank-process", Map.of("tank.level", 30.0)));
    Snapshot alarmed = snap("alarmed", state("alarmed", "tank-1", "tank-process", Map.of("tank.level", 30.0), "level_low"));
    int[] water = alarmed.at("tank-1", "water");
    int redder = 0;
    for (int dx = -30; dx <= 30; dx += 3) {
      for (int dy = -20; dy <= 20; dy += 3) {
        int[] a = alarmed.rgb(water[0] + dx, water[1] + dy);
        int[] c = calm.rgb(water[0] + dx, water[1] + dy);
        if (a[0] - a[1] > c[0] - c[1] + 40) redder++;
      }
    }
    assertThat(redder).as("pixels around the water that turned red").isGreaterThan(15);
  }

  @Test
  void theWindowStaysOpenUntilItIsClosed() throws Exception {
    Path state = state("window", "tank-1", "tank-process", Map.of("tank.level", 200.0));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), ViewerCommand.class.getName(), "--state", state.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("window.log").toFile());
    pb.environment().put("DISPLAY", screen.display());
    Process window = pb.start();
    try {
      assertThat(window.waitFor(6, TimeUnit.SECONDS)).as("still open after 6 s: " + Files.readString(dir.resolve("window.log"))).isFalse();
    } finally {
      window.destroy();
      if (!window.waitFor(10, TimeUnit.SECONDS)) window.destroyForcibly();
    }
  }

  /** Whether a pixel is of the floor's grey (not a rig's colour): red, green and blue within a few levels. */
  private static boolean grey(int[] c) {
    return Math.abs(c[0] - c[1]) < 10 && Math.abs(c[1] - c[2]) < 14;
  }

  // lit and shaded: the water casts a shadow on the floor, longer the fuller the tank; the same
  // camera, so the floor the fuller tank darkens is its shadow (the water itself is blue, not grey)
  @Test
  void litRigsCastShadowsOnTheFloor() throws Exception {
    Snapshot low = Snapshot.take(screen, dir, "lit-low", Map.of(), "--state",
        state("lit-low", "tank-1", "tank-process", Map.of("tank.level", 10.0)).toString(), "--lit");
    Snapshot full = Snapshot.take(screen, dir, "lit-full", Map.of(), "--state",
        state("lit-full", "tank-1", "tank-process", Map.of("tank.level", 500.0)).toString(), "--lit");
    int shadow = 0;
    int floor = 0;
    // the labels' text differs (the level in it): left out, as where either frame has a label
    var labels = java.util.List.of(low.regions().path("label:tank-1"), full.regions().path("label:tank-1"));
    for (int y = 0; y < low.image().getHeight(); y++) {
      for (int x = 0; x < low.image().getWidth(); x++) {
        int px = x, py = y;
        if (labels.stream().anyMatch(r -> px >= r.get(0).asInt() - 2 && px <= r.get(2).asInt() + 2 && py >= r.get(1).asInt() - 2
            && py <= r.get(3).asInt() + 2)) continue;
        int[] a = low.rgb(x, y);
        int[] b = full.rgb(x, y);
        if (!grey(a) || !grey(b)) continue;
        floor++;
        if (a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]) > 3 * 15) shadow++;
      }
    }
    assertThat(floor).as("a floor drawn").isGreaterThan(10_000);
    assertThat(shadow).as("floor darkened by the fuller tank's shadow").isGreaterThan(150);
  }

  /** How many pixels of a region ([left, top, right, bottom]) are dark, as text is on the light background. */
  private static int darkIn(Snapshot shot, com.fasterxml.jackson.databind.JsonNode r) {
    int n = 0;
    for (int y = Math.max(0, r.get(1).asInt()); y < Math.min(shot.image().getHeight(), r.get(3).asInt()); y++) {
      for (int x = Math.max(0, r.get(0).asInt()); x < Math.min(shot.image().getWidth(), r.get(2).asInt()); x++) {
        int[] c = shot.rgb(x, y);
        if (c[0] + c[1] + c[2] < 3 * 150) n++;
      }
    }
    return n;
  }

  // Chinese in the label (a station's name and its alarm's message) and in the part panel, in the
  // font the viewer ships: the glyphs are drawn on a machine with no CJK font installed
  @Test
  void chineseNamesAndAlarmsAreDrawnInTheShippedFont() throws Exception {
    Snapshot shot = Snapshot.take(screen, dir, "cjk", Map.of(), "--state",
        state("cjk", "液位站-1", "tank-process", Map.of("tank.level", 200.0), "液位过高").toString(), "--select", "液位站-1/water");
    var label = shot.regions().path("label:液位站-1");
    var panel = shot.regions().path("panel");
    assertThat(label.isMissingNode()).as("a label for the Chinese name in %s", shot.regions()).isFalse();
    assertThat(panel.isMissingNode()).as("a part panel in %s", shot.regions()).isFalse();
    assertThat(label.get(2).asInt() - label.get(0).asInt()).as("the label as wide as its glyphs").isGreaterThan(60);
    assertThat(panel.get(2).asInt() - panel.get(0).asInt()).as("the panel as wide as its text").isGreaterThan(60);
    // the alarm's red in the label, the panel's dark grey: glyphs, not an empty rectangle
    int red = 0;
    for (int y = Math.max(0, label.get(1).asInt()); y < Math.min(500, label.get(3).asInt()); y++) {
      for (int x = Math.max(0, label.get(0).asInt()); x < Math.min(800, label.get(2).asInt()); x++) {
        int[] c = shot.rgb(x, y);
        if (c[0] > 150 && c[1] < 110 && c[2] < 110) red++;
      }
    }
    assertThat(red).as("red glyphs of the alarmed label").isGreaterThan(60);
    assertThat(darkIn(shot, panel)).as("glyphs in the part panel").isGreaterThan(60);
  }
}
