package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

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
import java.time.Duration;
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
import org.twinlab.runtime.packages.UpgradeLog;

/** The candidate upgrades their station's twin application from the station page in headless Chromium, and rolls it back. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StationUpgradeInTheBrowserIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void theCandidateUpgradesAndRollsBackFromTheStationPage(Vertx vertx) throws Exception {
    Browsers.require();
    Path data = dir.resolve("data");
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        users.token("upc", Role.CANDIDATE);
        String examiner = users.token("upx", Role.EXAMINER);
        String base = "http://127.0.0.1:" + runtime.port();
        JsonObject plan = new JsonObject().put("id", "exam-b").put("stations", new JsonArray()
            .add(new JsonObject().put("id", "b1").put("scenario", "l4-install-upgrade-tank").put("candidate", "upc")
                .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("upx"))));
        assertThat(post(base + "/api/v1/sessions", examiner, plan.encode()).statusCode()).isEqualTo(201);
        assertThat(post(base + "/api/v1/sessions/exam-b/start", examiner, "{}").statusCode()).isBetween(200, 201);

        WebDriver candidate = Browsers.open();
        try {
          Browsers.logIn(candidate, base, "upc", ApiUsers.PASSWORD);
          seen(() -> candidate.getCurrentUrl().endsWith("/station.html"));
          seen(() -> candidate.findElement(By.id("upgrade")).isDisplayed());
          candidate.findElement(By.id("upgrade-version")).sendKeys("2");
          candidate.findElement(By.id("upgrade")).click();
          seen(() -> candidate.findElement(By.id("upgrade-message")).getText().equals("upgrade: upgraded from 1 to 2"));
          candidate.findElement(By.id("rollback")).click();
          seen(() -> candidate.findElement(By.id("upgrade-message")).getText().equals("rollback: rolled back from 2 to 1"));
          // a second rollback has nothing to return to: the page says why
          candidate.findElement(By.id("rollback")).click();
          seen(() -> candidate.findElement(By.id("upgrade-message")).getText().contains("no version before 1"));
          candidate.findElement(By.id("lang")).click();
          seen(() -> candidate.findElement(By.id("upgrade")).getText().equals("升级"));
        } finally {
          candidate.quit();
        }
        assertThat(new UpgradeLog(data).entries("tank-1")).extracting(e -> e.who() + " " + e.kind() + " " + e.from() + ">" + e.to())
            .containsExactly("upc upgrade 1>2", "upc rollback 2>1", "upc rollback 1>1");
      } finally {
        get(runtime.stop());
      }
    }
  }

  private static HttpResponse<String> post(String url, String token, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }
}
