package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.MoreMotors;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * The examiner's hall with thirty stations on one 1920×1080 screen, in real headless Chromium:
 * every station's row is in view without scrolling; a click on a column sorts, the state and text
 * filters narrow the rows; a station whose one check has passed shows no pass before every check is
 * decided; pausing a station asks for the reason in the page's own dialog and the reason reaches the
 * session's clock; the station named in the address survives a reload and a change of language;
 * a station's alarms are counted in the hall and listed in its view, without an acknowledge button.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HallViewInTheBrowserIT {
  private static final int STATIONS = 30;
  private static final String SCENARIO = "l4-debug-motor-swapped-axes";

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void thirtyStationsFitOneScreenSortFilterAndKeepTheirPlace(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data); MoreMotors more = new MoreMotors(lab, 3, STATIONS, 100)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, more.config(lab.config()), more::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
      JsonArray stations = new JsonArray();
      for (int i = 1; i <= STATIONS; i++) {
        users.token("cand" + i, Role.CANDIDATE);
        stations.add(new JsonObject().put("id", "s" + i).put("scenario", SCENARIO).put("candidate", "cand" + i)
            .put("twins", new JsonArray().add("motor-" + i)).put("examiners", new JsonArray().add("exam1").add("exam2").add("exam3")));
      }
      WebClient exam1 = users.client("exam1", Role.EXAMINER);
      HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions")
          .sendJsonObject(new JsonObject().put("id", "hall").put("title", "Hall of thirty").put("stations", stations)));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/hall/start").send());
      assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
      // candidate 1 rebinds the X axis: one check of the station passes, the rest stay open
      JsonObject fix = new JsonObject().put("property", "vibration.rms_x").put("connection", "broker")
          .put("address", "twinlab/motor-1/telemetry#/vibration/x");
      HttpResponse<Buffer> fixed = get(users.client("cand1", Role.CANDIDATE).put("/api/v1/twins/motor-1/bindings/vibration.rms_x")
          .sendJsonObject(fix));
      assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);

      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver examiner = Browsers.open(1920, 1080);
      JavascriptExecutor js = (JavascriptExecutor) examiner;
      try {
        Browsers.logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> examiner.getCurrentUrl().endsWith("/examiner.html"));
        examiner.get(base + "/examiner.html?session=hall");
        seen(() -> examiner.findElements(By.cssSelector("#stations tr.station")).size() == STATIONS);
        seen(() -> "running".equals(examiner.findElement(By.cssSelector("#station-s30 .state")).getAttribute("data-state")));

        // all thirty on the screen: the page does not scroll, and every row lies inside the window
        allInView(js);
        assertThat(rowIds(examiner)).startsWith("s1", "s2", "s3").endsWith("s30");

        // a passed check and the rest open: points and the check counts, and no pass or fail yet
        seen(() -> examiner.findElement(By.cssSelector("#station-s1 .c-checks")).getText().startsWith("✓ 1 · ✗ 0"));
        assertThat(examiner.findElement(By.cssSelector("#station-s1 .c-result")).getText()).isEqualTo("pending");
        assertThat(examiner.findElement(By.cssSelector("#station-s1 .c-points")).getText()).matches("[0-9.]+ / [0-9.]+ / [0-9.]+");
        assertThat(examiner.findElement(By.cssSelector("#station-s1 .c-last")).getText()).contains("binding_edit");
        for (WebElement result : examiner.findElements(By.cssSelector("#stations .c-result"))) {
          assertThat(result.getText()).isEqualTo("pending");
        }
        assertThat(examiner.findElement(By.id("hall")).getText()).doesNotContain("PASSED").doesNotContain("FAILED");

        // a click on the station column sorts the other way round; on the points column the fewest first, a second click the most
        examiner.findElement(By.cssSelector("#hall th[data-sort='id']")).click();
        seen(() -> rowIds(examiner).get(0).equals("s30"));
        assertThat(rowIds(examiner)).endsWith("s1");
        // ties go by station: s1, the one station with points, is last when the fewest come first and first the other way round
        examiner.findElement(By.cssSelector("#hall th[data-sort='earned']")).click();
        seen(() -> rowIds(examiner).get(STATIONS - 1).equals("s1") && rowIds(examiner).get(0).equals("s2"));
        examiner.findElement(By.cssSelector("#hall th[data-sort='earned']")).click();
        seen(() -> rowIds(examiner).get(0).equals("s1"));

        // pausing a station asks for the reason in the page's dialog; the reason reaches the session's clock
        examiner.findElement(By.cssSelector("#station-s7 button.pause")).click();
        seen(() -> examiner.findElement(By.id("ask")).isDisplayed());
        assertThat(examiner.findElement(By.id("ask-title")).getText()).contains("s7");
        examiner.findElement(By.id("ask-ok")).click();
        // no reason, no pause: the dialog stays and says so
        assertThat(examiner.findElement(By.id("ask-message")).getText()).isEqualTo("a reason is needed");
        assertThat(examiner.findElement(By.id("ask")).isDisplayed()).isTrue();
        examiner.findElement(By.id("ask-reason")).sendKeys("candidate feels unwell");
        examiner.findElement(By.id("ask-ok")).click();
        seen(() -> "paused".equals(examiner.findElement(By.cssSelector("#station-s7 .state")).getAttribute("data-state")));
        JsonObject s7 = get(exam1.get("/api/v1/sessions/hall/stations/s7").send()).bodyAsJsonObject();
        assertThat(s7.getString("state")).isEqualTo("paused");
        assertThat(s7.getJsonArray("clock").stream().map(c -> ((JsonObject) c).getString("reason"))).contains("candidate feels unwell");

        // the state filter and the text filter narrow the rows; clearing them brings all back
        examiner.findElement(By.cssSelector("#hall-state option[value='paused']")).click();
        seen(() -> visibleRowIds(examiner).equals(List.of("s7")));
        examiner.findElement(By.cssSelector("#hall-state option[value='']")).click();
        examiner.findElement(By.id("hall-filter")).sendKeys("cand12");
        seen(() -> visibleRowIds(examiner).equals(List.of("s12")));
        // the filter is in the address: a reload shows the same rows
        seen(() -> examiner.getCurrentUrl().contains("filter=cand12"));
        examiner.navigate().refresh();
        seen(() -> examiner.findElements(By.cssSelector("#stations tr.station")).size() == STATIONS && visibleRowIds(examiner).equals(List.of("s12")));
        assertThat(examiner.findElement(By.id("hall-filter")).getAttribute("value")).isEqualTo("cand12");
        examiner.findElement(By.id("hall-filter")).clear();
        examiner.findElement(By.id("hall-filter")).sendKeys(" ");
        seen(() -> visibleRowIds(examiner).size() == STATIONS);

        // candidate 9 binds X with an offset of 10 mm/s: both vibration alarms of motor-9 go off
        JsonObject loud = new JsonObject().put("property", "vibration.rms_x").put("connection", "broker")
            .put("address", "twinlab/motor-9/telemetry#/vibration/x").put("transform", new JsonObject().put("offset", 10));
        HttpResponse<Buffer> raised = get(users.client("cand9", Role.CANDIDATE).put("/api/v1/twins/motor-9/bindings/vibration.rms_x")
            .sendJsonObject(loud));
        assertThat(raised.statusCode()).as(raised.bodyAsString()).isEqualTo(200);

        // in Chinese too, every row on the one screen
        examiner.findElement(By.id("lang")).click();
        seen(() -> examiner.findElement(By.cssSelector("#hall th[data-sort='id']")).getText().startsWith("工位"));
        seen(() -> examiner.findElements(By.cssSelector("#stations tr.station")).size() == STATIONS);
        seen(() -> examiner.findElement(By.cssSelector("#station-s1 .c-result")).getText().equals("待定"));
        allInView(js);
        examiner.findElement(By.id("lang")).click();
        seen(() -> examiner.findElement(By.cssSelector("#hall th[data-sort='id']")).getText().startsWith("Station"));

        // a station opened from the hall is in the address: a reload and a change of language come back to it
        seen(() -> {
          examiner.findElement(By.cssSelector("#station-s7 button.open")).click();
          return true;
        });
        seen(() -> examiner.findElement(By.id("station-view")).isDisplayed());
        seen(() -> examiner.getCurrentUrl().contains("session=hall") && examiner.getCurrentUrl().contains("station=s7"));
        examiner.navigate().refresh();
        seen(() -> examiner.findElement(By.id("station-view")).isDisplayed()
            && examiner.findElement(By.id("station-name")).getText().startsWith("s7 · cand7"));
        seen(() -> examiner.findElement(By.id("station-total")).getText().contains("result when every check is decided"));
        assertThat(examiner.findElement(By.id("station-total")).getText()).doesNotContain("PASSED").doesNotContain("FAILED");
        examiner.findElement(By.id("lang")).click();
        seen(() -> examiner.findElement(By.id("station-resume")).getText().equals("继续"));
        assertThat(examiner.findElement(By.id("station-view")).isDisplayed()).isTrue();
        assertThat(examiner.findElement(By.id("station-name")).getText()).startsWith("s7 · cand7");
        // the resume goes through; the extension asks for minutes and a reason in the dialog
        examiner.findElement(By.id("station-resume")).click();
        // the page is in Chinese here: the state shows as 进行中, its class names it
        seen(() -> examiner.findElement(By.id("station-state")).getAttribute("class").equals("state running"));
        examiner.findElement(By.id("station-extend")).click();
        seen(() -> examiner.findElement(By.id("ask")).isDisplayed());
        WebElement minutes = examiner.findElement(By.id("ask-minutes"));
        minutes.clear();
        minutes.sendKeys("7");
        examiner.findElement(By.id("ask-reason")).sendKeys("断电补时");
        examiner.findElement(By.id("ask-ok")).click();
        seen(() -> get(exam1.get("/api/v1/sessions/hall/stations/s7").send()).bodyAsJsonObject().getJsonArray("clock").stream()
            .anyMatch(c -> "断电补时".equals(((JsonObject) c).getString("reason"))));
        examiner.findElement(By.id("lang")).click();
        seen(() -> examiner.findElement(By.id("station-resume")).getText().equals("Resume"));

        // the hall counts the alarms of motor-9's station; its station view lists them, active and unacknowledged,
        // with no acknowledge button: acknowledging is the candidate's, not the examiner's
        examiner.findElement(By.id("back-to-session")).click();
        seen(() -> examiner.findElement(By.cssSelector("#station-s9 .c-alarms")).getText().equals("2"));
        assertThat(examiner.findElement(By.id("hall-summary")).getText()).contains("2 active alarms");
        examiner.findElement(By.cssSelector("#station-s9 button.open")).click();
        seen(() -> examiner.findElements(By.cssSelector("#station-alarm-list tr.alarm-row.active")).size() == 2);
        assertThat(examiner.findElement(By.cssSelector("#station-alarm-list tr[data-alarm='vibration_danger']")).getText())
            .contains("Vibration above 7.1 mm/s").contains("active").contains("not acknowledged");
        assertThat(examiner.findElements(By.cssSelector("#station-alarm-list button.ack"))).isEmpty();
        // the alarm history reads the rise from the twin's stored history
        examiner.findElement(By.cssSelector("#alarm-history-box summary")).click();
        seen(() -> !examiner.findElements(By.cssSelector("#alarm-history tr.alarm-change.active[data-twin='motor-9'][data-alarm='vibration_danger']"))
            .isEmpty());
        assertThat(examiner.findElement(By.cssSelector("#alarm-history tr.alarm-change.active[data-alarm='vibration_danger']")).getText())
            .contains("motor-9").contains("active");
      } finally {
        examiner.quit();
        get(runtime.stop());
      }
    }
  }

  /** The page does not scroll, and every station's row lies inside the window. */
  private static void allInView(JavascriptExecutor js) {
    Map<?, ?> view = (Map<?, ?>) js.executeScript("const rows = [...document.querySelectorAll('#stations tr.station')];"
        + "return {scroll: document.scrollingElement.scrollHeight, height: innerHeight, width: innerWidth, rows: rows.length,"
        + " outside: rows.filter(r => { const b = r.getBoundingClientRect();"
        + "   return b.height === 0 || b.top < 0 || b.bottom > innerHeight || b.left < 0 || b.right > innerWidth; }).map(r => r.id)};");
    assertThat(((Number) view.get("rows")).intValue()).as("%s", view).isEqualTo(STATIONS);
    assertThat(((Number) view.get("scroll")).intValue()).as("%s", view).isLessThanOrEqualTo(((Number) view.get("height")).intValue());
    assertThat((List<?>) view.get("outside")).as("%s", view).isEmpty();
  }

  private static List<String> rowIds(WebDriver browser) {
    return browser.findElements(By.cssSelector("#stations tr.station")).stream().map(r -> r.getAttribute("data-station")).toList();
  }

  private static List<String> visibleRowIds(WebDriver browser) {
    return browser.findElements(By.cssSelector("#stations tr.station")).stream().filter(WebElement::isDisplayed)
        .map(r -> r.getAttribute("data-station")).toList();
  }
}
