package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.logIn;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * The 3D previews in headless Chromium, drawn by SwiftShader (no GPU): the examiner's station view
 * shows its twins as a 3D snapshot, read back from the canvas, with the desktop viewer's command for
 * the station; a page given no WebGL context says so; the trainer previews a built-in model.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class Model3dInTheBrowserIT {
  @TempDir
  Path data;

  /** A model of the trainer's own: one tank drawn from view hints. */
  private static final String WATER_TOWER = """
      model: water-tower
      version: 1
      name: {en: Water tower, zh: 水塔}
      kind: sensor-node
      components:
        - id: tank
          name: {en: Tank, zh: 水箱}
          properties:
            - {id: level, type: double, unit: m, range: [0, 12], period_ms: 1000, description: {en: Water level, zh: 水位}}
      view:
        shapes:
          - id: shell
            shape: cylinder
            size: [0.6, 1.2, 0.6]
            position: [0, 0.6, 0]
            color: "#90a4ae"
          - id: water
            shape: cylinder
            size: [0.55, 1.1, 0.55]
            position: [0, 0.55, 0]
            color: "#2196f3"
            animate:
              - {property: tank.level, effect: fill, axis: [0, 1, 0]}
      """;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * The canvas's pixels, copied into a 2D canvas and counted: how many differ from the background,
   * and how many distinct colours (lit, shaded rigs have many); -1 while nothing is drawn.
   */
  private static long[] pixels(WebDriver browser, String canvas) {
    Object out = ((JavascriptExecutor) browser).executeScript("""
        const c = document.querySelector(arguments[0]);
        if (!c || !c.dataset.drawn) return [-1, -1];
        const copy = document.createElement('canvas');
        copy.width = c.width; copy.height = c.height;
        const g = copy.getContext('2d');
        g.drawImage(c, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let drawn = 0; const colours = new Set();
        for (let i = 0; i < d.length; i += 4) {
          if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 24) drawn++;
          colours.add((d[i] >> 3) * 1024 + (d[i + 1] >> 3) * 32 + (d[i + 2] >> 3));
        }
        return [drawn, colours.size];""", canvas);
    var list = (java.util.List<?>) out;
    return new long[] {((Number) list.get(0)).longValue(), ((Number) list.get(1)).longValue()};
  }

  private static void openStation(WebDriver examiner) {
    seen(() -> examiner.getCurrentUrl().endsWith("/examiner.html"));
    seen(() -> {
      examiner.findElement(By.cssSelector("#sessions button[data-session='view3d']")).click();
      return true;
    });
    seen(() -> {
      examiner.findElement(By.cssSelector("#station-s1 button.open")).click();
      return true;
    });
  }

  @Test
  void theStationAndAModelAreDrawnIn3d(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      users.token("wang", Role.TRAINER);
      JsonObject plan = new JsonObject().put("id", "view3d").put("title", "3D").put("stations", new JsonArray()
          .add(new JsonObject().put("id", "s1").put("scenario", "l3-develop-storage-charts-tank").put("candidate", "cand1")
              .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1"))));
      var planned = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
      assertThat(planned.statusCode()).as(planned.bodyAsString()).isEqualTo(201);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver examiner = Browsers.openWithSoftwareWebGl();
      try {
        logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        openStation(examiner);
        seen(() -> pixels(examiner, "#station-3d canvas.model3d")[0] > 0);
        long[] station = pixels(examiner, "#station-3d canvas.model3d");
        assertThat(station[0]).as("the tank drawn, not a blank canvas").isGreaterThan(3_000);
        assertThat(station[1]).as("lit and shaded: many tones, not flat fills").isGreaterThan(40);
        assertThat(examiner.findElement(By.id("viewer-command")).getText())
            .isEqualTo("./twinlab-viewer --url " + base + " --user exam1 --twin tank-1");
        // where the browser gives no WebGL context (as one with WebGL turned off): said, instead of a blank box
        ((JavascriptExecutor) examiner).executeScript("HTMLCanvasElement.prototype.getContext = () => null;");
        examiner.findElement(By.id("station-3d-redraw")).click();
        seen(() -> examiner.findElement(By.cssSelector("#station-3d .model3d-unavailable")).getText()
            .equals("3D not available in this browser (no WebGL)"));
        assertThat(examiner.findElement(By.id("viewer-command")).getText()).startsWith("./twinlab-viewer --url " + base);
      } finally {
        examiner.quit();
      }
      WebDriver trainer = Browsers.openWithSoftwareWebGl();
      try {
        logIn(trainer, base, "wang", ApiUsers.PASSWORD);
        seen(() -> trainer.getCurrentUrl().endsWith("/trainer.html"));
        seen(() -> !trainer.findElements(By.cssSelector("#preview-model option[value='conveyor-sorting']")).isEmpty());
        trainer.findElement(By.cssSelector("#preview-model option[value='conveyor-sorting']")).click();
        seen(() -> pixels(trainer, "#model-preview canvas.model3d")[0] > 3_000);
        assertThat(trainer.findElement(By.cssSelector("#model-preview .model3d-note")).getText()).isNotBlank();
        // a model file of the trainer's own, in YAML as the lab loads it: drawn from what the server read
        Path own = java.nio.file.Files.createTempDirectory(data, "own").resolve("water-tower.yaml");
        java.nio.file.Files.writeString(own, WATER_TOWER);
        trainer.findElement(By.id("preview-file")).sendKeys(own.toString());
        seen(() -> trainer.findElement(By.cssSelector("#model-preview .model3d-note")).getText().equals("Water tower"));
        seen(() -> pixels(trainer, "#model-preview canvas.model3d")[0] > 1_000);
        // a broken one says where it breaks, and draws nothing new
        Path broken = own.resolveSibling("broken-tower.yaml");
        java.nio.file.Files.writeString(broken, WATER_TOWER.replace("shape: cylinder", "shape: cylindre"));
        trainer.findElement(By.id("preview-file")).sendKeys(broken.toString());
        seen(() -> trainer.findElement(By.cssSelector("#model-preview .model3d-note")).getText()
            .startsWith("broken-tower.yaml is not a model the lab would load:"));
        assertThat(trainer.findElement(By.cssSelector("#model-preview .model3d-note")).getText()).containsPattern("\\n\\d+:\\d+ ");
      } finally {
        trainer.quit();
        get(runtime.stop());
      }
    }
  }
}
