package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.twinlab.runtime.web.Browsers.logIn;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/** A chart a candidate saves opens on the examiner's station view in headless Chromium, drawn with its properties. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SavedChartsInTheBrowserIT {
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theExaminerOpensTheChartACandidateSaved(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      JsonObject plan = new JsonObject().put("id", "charts").put("title", "Storage exam").put("stations", new JsonArray()
          .add(new JsonObject().put("id", "s1").put("scenario", "l3-develop-storage-charts-tank").put("candidate", "cand1")
              .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1"))));
      var planned = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
      assertThat(planned.statusCode()).as(planned.bodyAsString()).isEqualTo(201);
      var begun = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/charts/start").send());
      assertThat(begun.statusCode()).as(begun.bodyAsString()).isEqualTo(200);
      String from = Instant.now().plusSeconds(1).toString();
      JsonObject chart = new JsonObject().put("kind", "chart").put("fields", new JsonObject().put("name", "level-check")
          .put("properties", "tank.level,pump.speed").put("from", from).put("to", "now"));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        var saved = get(users.client("cand1", Role.CANDIDATE).post("/api/v1/twins/tank-1/actions").sendJsonObject(chart));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(201);
        assertThat(saved.bodyAsJsonObject().getJsonObject("result").getString("series")).isEqualTo("2");
      });
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver examiner = Browsers.open();
      try {
        logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> examiner.getCurrentUrl().endsWith("/examiner.html"));
        seen(() -> {
          examiner.findElement(By.cssSelector("#sessions button[data-session='charts']")).click();
          return true;
        });
        seen(() -> {
          examiner.findElement(By.cssSelector("#station-s1 button.open")).click();
          return true;
        });
        seen(() -> examiner.findElement(By.cssSelector("#saved-chart option")).getText().equals("tank-1 level-check (cand1)"));
        seen(() -> "pump.speed,tank.level".equals(examiner.findElement(By.id("saved-chart-canvas")).getAttribute("data-series")));
        assertThat(examiner.findElement(By.id("saved-chart-window")).getText()).startsWith(from.substring(0, 19));
      } finally {
        examiner.quit();
        get(runtime.stop());
      }
    }
  }
}
