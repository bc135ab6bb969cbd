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
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * Planning and the examiner's hall live, in real headless Chromium on the demo lab: the plan's
 * rules are shown and checked as the form is filled in from pickers, and the server's refusal is put
 * in the form's words; the hall asks one route per
 * look (never one per station), and a check passing on a station shows in its row without a reload;
 * the session's alarm panel lists a station's alarms as they rise, with no acknowledge button for an
 * examiner and one for a trainer, whose acknowledgement reaches the twin; the station's history chart
 * grows as samples arrive; a mark is entered, reviewed and confirmed in the page's dialog, and is
 * locked after. In English and in Chinese.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HallLiveInTheBrowserIT {
  private static final String SCENARIO = "l4-debug-motor-swapped-axes";
  private static final String SESSION_REQUESTS = "performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
      + ".filter(p => p.startsWith('/api/v1/sessions/live') || p === '/api/v1/alarms')";

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theHallFollowsTheSessionInOneRouteAndMarksAreConfirmed(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
      users.token("wang", Role.TRAINER);
      JsonArray stations = new JsonArray();
      for (int i = 1; i <= 2; i++) {
        users.token("cand" + i, Role.CANDIDATE);
        stations.add(new JsonObject().put("id", "s" + i).put("scenario", SCENARIO).put("candidate", "cand" + i)
            .put("twins", new JsonArray().add("motor-" + i)).put("examiners", new JsonArray().add("exam1").add("exam2").add("exam3")));
      }
      WebClient exam1 = users.client("exam1", Role.EXAMINER);
      HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions")
          .sendJsonObject(new JsonObject().put("id", "live").put("title", "Live hall").put("stations", stations)));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(get(exam1.post("/api/v1/sessions/live/start").send()).statusCode()).isEqualTo(200);

      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver browser = Browsers.open(1600, 1000);
      JavascriptExecutor js = (JavascriptExecutor) browser;
      try {
        Browsers.logIn(browser, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> browser.getCurrentUrl().endsWith("/examiner.html"));

        // planning: the rules shown first; the scenario picked by level and title, the candidate from the accounts, a twin of its rig
        seen(() -> !browser.findElements(By.cssSelector("tr.plan-station .plan-scenario option[value='" + SCENARIO + "']")).isEmpty());
        assertThat(browser.findElement(By.id("plan-rules")).getText()).contains("odd number of examiners, 3 or more").contains("at most 5 stations");
        WebElement row = browser.findElement(By.cssSelector("tr.plan-station"));
        WebElement option = row.findElement(By.cssSelector(".plan-scenario option[value='" + SCENARIO + "']"));
        assertThat(option.getText()).startsWith("L4 · ").doesNotContain(SCENARIO);
        option.click();
        seen(() -> row.findElements(By.cssSelector(".plan-twin option")).size() > 1);
        assertThat(row.findElements(By.cssSelector(".plan-twin option")).stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()))
            .contains("motor-1", "motor-2").doesNotContain("tank-1");
        assertThat(row.findElement(By.cssSelector(".plan-examiner[value='exam1']")).isSelected()).isTrue();
        // checked as it is filled in: no candidate yet, no creating
        seen(() -> browser.findElement(By.id("plan-check")).getText().contains("choose a candidate"));
        assertThat(browser.findElement(By.id("create-session")).isEnabled()).isFalse();
        row.findElement(By.cssSelector(".plan-candidate option[value='cand1']")).click();
        row.findElement(By.cssSelector(".plan-twin option[value='motor-1']")).click();
        seen(() -> browser.findElement(By.id("plan-check")).getText().contains("1 examiner(s): judgements need 3 or more"));
        assertThat(browser.findElement(By.id("create-session")).isEnabled()).isTrue();
        // the server's refusal in the form's words, not its field paths: motor-1 serves the running session
        browser.findElement(By.id("create-session")).click();
        seen(() -> browser.findElement(By.id("create-message")).getText().contains("Station 1 (s1) · Twins 1: motor-1"));
        assertThat(browser.findElement(By.id("create-message")).getText()).doesNotContain("stations[0]");
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("plan-rules")).getText().contains("奇数名考评员"));
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("plan-rules")).getText().contains("odd number"));

        browser.get(base + "/examiner.html?session=live");
        seen(() -> browser.findElements(By.cssSelector("#stations tr.station")).size() == 2);
        seen(() -> "running".equals(browser.findElement(By.cssSelector("#station-s2 .state")).getAttribute("data-state")));

        // from here on: every look at the session is the one hall route, however many stations
        js.executeScript("performance.setResourceTimingBufferSize(100000); performance.clearResourceTimings(); window.stayed = true;");
        seen(() -> sessionRequests(js).size() >= 3);
        assertThat(sessionRequests(js)).as("each look is one hall request").allMatch("/api/v1/sessions/live/hall"::equals);

        // candidate 1 rebinds X: the passed check shows in the row, without a reload
        assertThat(browser.findElement(By.cssSelector("#station-s1 .c-checks")).getText()).startsWith("✓ 0");
        HttpResponse<Buffer> fixed = get(users.client("cand1", Role.CANDIDATE).put("/api/v1/twins/motor-1/bindings/vibration.rms_x")
            .sendJsonObject(new JsonObject().put("property", "vibration.rms_x").put("connection", "broker")
                .put("address", "twinlab/motor-1/telemetry#/vibration/x")));
        assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
        seen(() -> browser.findElement(By.cssSelector("#station-s1 .c-checks")).getText().startsWith("✓ 1"));
        assertThat(browser.findElement(By.cssSelector("#station-s1 .c-last")).getText()).contains("binding_edit");
        assertThat(js.executeScript("return window.stayed === true")).isEqualTo(true);
        assertThat(sessionRequests(js)).allMatch("/api/v1/sessions/live/hall"::equals);

        // candidate 2 binds X with an offset: motor-2's vibration alarms rise in the session's alarm panel
        HttpResponse<Buffer> loud = get(users.client("cand2", Role.CANDIDATE).put("/api/v1/twins/motor-2/bindings/vibration.rms_x")
            .sendJsonObject(new JsonObject().put("property", "vibration.rms_x").put("connection", "broker")
                .put("address", "twinlab/motor-2/telemetry#/vibration/x").put("transform", new JsonObject().put("offset", 10))));
        assertThat(loud.statusCode()).as(loud.bodyAsString()).isEqualTo(200);
        seen(() -> browser.findElement(By.id("session-alarms-toggle")).getText().equals("Alarms of the session: 2 active"));
        browser.findElement(By.id("session-alarms-toggle")).click();
        seen(() -> browser.findElements(By.cssSelector("#session-alarm-list tr.alarm-row.active[data-station='s2']")).size() == 2);
        assertThat(browser.findElement(By.cssSelector("#session-alarm-list tr[data-alarm='vibration_danger']")).getText())
            .contains("motor-2").contains("Vibration above 7.1 mm/s").contains("not acknowledged");
        // an examiner watches: no acknowledge button
        assertThat(browser.findElements(By.cssSelector("#session-alarm-list button.ack"))).isEmpty();
        seen(() -> !browser.findElements(By.cssSelector("#session-alarm-history tr.alarm-change.alarmRose[data-station='s2']")).isEmpty());
        // in Chinese too
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("session-alarms-toggle")).getText().equals("本场次报警：活动 2 条"));
        browser.findElement(By.id("session-alarms-toggle")).click();
        seen(() -> browser.findElement(By.cssSelector("#session-alarm-list tr[data-alarm='vibration_danger']")).getText().contains("未确认"));
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("session-alarms-toggle")).getText().startsWith("Alarms of the session"));

        // the station's chart grows as samples arrive from the live feed
        browser.get(base + "/examiner.html?session=live&station=s1");
        seen(() -> browser.findElement(By.id("station-view")).isDisplayed());
        seen(() -> points(js) > 0);
        double last = lastAt(js);
        int before = points(js);
        seen(() -> points(js) > before + 2 && lastAt(js) > last);

        // marking: enter, review in the dialog, confirm; locked afterwards
        String judgement = "#judgements .judgement[data-check='record-explains'] ";
        seen(() -> browser.findElement(By.cssSelector(judgement + ".mark-step")).getText().startsWith("Step 1"));
        seen(() -> {
          browser.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='2']")).click();
          return true;
        });
        seen(() -> browser.findElement(By.cssSelector(judgement + ".mark-step")).getText().startsWith("Step 2: your mark 2"));
        browser.findElement(By.cssSelector(judgement + "button.confirm-mark")).click();
        seen(() -> browser.findElement(By.id("ask")).isDisplayed());
        assertThat(browser.findElement(By.id("ask-title")).getText()).contains("record-explains").contains("2");
        browser.findElement(By.id("ask-ok")).click();
        seen(() -> browser.findElement(By.cssSelector(judgement + ".mark-step.confirmed")).getText().contains("your mark 2 is confirmed"));
        assertThat(browser.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='3']")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#checks select.mark[data-check='record-explains']")).isEnabled()).isFalse();
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.cssSelector(judgement + ".mark-step.confirmed")).getText().contains("已确认并锁定"));
        browser.findElement(By.id("lang")).click();
        HttpResponse<Buffer> again = get(exam1.post("/api/v1/sessions/live/stations/s1/marks")
            .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", 3)));
        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(409);

        // a trainer acknowledges from the session's panel; the twin has it by their name
        browser.manage().deleteAllCookies();
        Browsers.logIn(browser, base, "wang", ApiUsers.PASSWORD);
        seen(() -> !browser.getCurrentUrl().endsWith("/index.html"));
        browser.get(base + "/examiner.html?session=live");
        seen(() -> browser.findElement(By.id("session-alarms-toggle")).getText().contains("2 active"));
        browser.findElement(By.id("session-alarms-toggle")).click();
        // a page opened after the alarms rose still has their rise: the panel's history is read as it was recorded
        try {
          seen(() -> !browser.findElements(By.cssSelector(
              "#session-alarm-history tr.alarm-change.alarmRose[data-station='s2'][data-alarm='vibration_danger']")).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          Object probe = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
              + "recordedAlarms(lastHall).then(r => done(JSON.stringify(r) + ' / ' + JSON.stringify(lastHall.stations.map(s => [s.id, s.twins, s.clock]))))"
              + ".catch(e => done('failed: ' + e + ' ' + JSON.stringify(e.body)))");
          throw new AssertionError("no recorded rise: " + browser.findElement(By.id("session-message")).getText() + " / "
              + browser.findElement(By.id("session-alarm-history")).getText() + " / " + probe, e);
        }
        assertThat(browser.findElement(By.cssSelector("#session-alarm-history tr.alarm-change.alarmRose[data-alarm='vibration_danger']"))
            .getText()).contains("motor-2").contains("Vibration above 7.1 mm/s");
        seen(() -> !browser.findElements(By.cssSelector("#session-alarm-list tr[data-alarm='vibration_danger'] button.ack")).isEmpty());
        browser.findElement(By.cssSelector("#session-alarm-list tr[data-alarm='vibration_danger'] button.ack")).click();
        try {
          seen(() -> browser.findElement(By.cssSelector("#session-alarm-list tr[data-alarm='vibration_danger']")).getText()
              .contains("acknowledged by wang"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("not acknowledged: " + browser.findElement(By.id("session-message")).getText() + " / "
              + browser.findElement(By.id("session-alarm-list")).getText(), e);
        }
        JsonArray alarms = get(users.client("wang", Role.TRAINER).get("/api/v1/twins/motor-2/alarms").send()).bodyAsJsonArray();
        assertThat(alarms.stream().map(a -> (JsonObject) a).filter(a -> a.getString("alarm").equals("vibration_danger")).findFirst()
            .orElseThrow().getString("acknowledged_by")).isEqualTo("wang");
      } finally {
        browser.quit();
        get(runtime.stop());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> sessionRequests(JavascriptExecutor js) {
    return (List<String>) js.executeScript("return " + SESSION_REQUESTS + ";");
  }

  private static int points(JavascriptExecutor js) {
    Object n = js.executeScript("return Number(document.getElementById('chart').dataset.points || 0);");
    return ((Number) n).intValue();
  }

  private static double lastAt(JavascriptExecutor js) {
    Object n = js.executeScript("const v = document.getElementById('chart').dataset.last; return v === '' || v === undefined ? -1e9 : Number(v);");
    return ((Number) n).doubleValue();
  }
}
