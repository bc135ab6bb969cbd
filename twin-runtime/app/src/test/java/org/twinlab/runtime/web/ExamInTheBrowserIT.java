package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
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
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.session.LabSessions;

/**
 * A whole small exam in real headless Chromium against the demo lab: every role logs in at the
 * login page and lands on its own page; an examiner plans and starts a two-station level-4
 * session; a candidate fixes the broken binding in the binding editor (its preview shows the
 * mapped value) and sees the check pass, and files a report; an examiner marks the judgement by
 * its descriptors beside the whole report and the binding before and after, two more mark; the
 * score sheet opens with the descriptor of the mark; the session ends and its evidence verifies.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ExamInTheBrowserIT {
  /** A report the examiner must read whole: longer than a timeline line, with quotes and a line break. */
  private static final String REPORT_TEXT = "Swapped channels: X read 0.4 mm/s below Z's 2.1 mm/s although the node sends \"x\" larger."
      + "\nAfter rebinding both, X and Z tracked the rig within 0.1 mm/s for two minutes.";

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void anExamFromLoginToSealedEvidence(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
      for (String c : List.of("cand1", "cand2")) users.token(c, Role.CANDIDATE);
      users.token("wang", Role.TRAINER);
      users.token("boss", Role.ADMIN);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver examiner = Browsers.open();
      WebDriver candidate = Browsers.open();
      try {
        // the trainer and the administrator land on their pages; a wrong password is refused
        WebDriver other = examiner;
        logIn(other, base, "wang", "not-the-password");
        seen(() -> other.findElement(By.id("login-message")).getText().contains("Wrong"));
        logIn(other, base, "wang", ApiUsers.PASSWORD);
        seen(() -> other.getCurrentUrl().endsWith("/trainer.html"));
        seen(() -> !other.findElements(By.cssSelector("#library tr[data-scenario='l4-debug-motor-swapped-axes']")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) other).executeScript("window.twinlabWorkshop.setText(arguments[0])", "scenario: broken\nversion: one\n");
        other.findElement(By.id("validate")).click();
        seen(() -> !other.findElements(By.cssSelector(".problem-widget[data-line='2']")).isEmpty());
        assertThat(other.findElement(By.id("problems")).getText()).contains(":2:");
        other.findElement(By.id("logout")).click();
        seen(() -> other.getCurrentUrl().endsWith("/index.html"));
        logIn(other, base, "boss", ApiUsers.PASSWORD);
        // an administrator lands on the administration page and reaches the examiner page from it
        seen(() -> other.getCurrentUrl().endsWith("/admin.html"));
        seen(() -> {
          other.findElement(By.id("to-examiner")).click();
          return true;
        });
        seen(() -> other.getCurrentUrl().endsWith("/examiner.html"));
        other.findElement(By.id("logout")).click();
        seen(() -> other.getCurrentUrl().endsWith("/index.html"));

        // the examiner plans two stations of a level-4 scenario and starts them
        logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> examiner.getCurrentUrl().endsWith("/examiner.html"));
        seen(() -> !examiner.findElements(By.cssSelector("tr.plan-station")).isEmpty());
        examiner.findElement(By.id("session-title")).sendKeys("Debug exam");
        examiner.findElement(By.id("add-station")).click();
        List<WebElement> rows = examiner.findElements(By.cssSelector("tr.plan-station"));
        planStation(rows.get(0), "cand1", "motor-1");
        planStation(rows.get(1), "cand2", "motor-2");
        examiner.findElement(By.id("create-session")).click();
        seen(() -> examiner.findElement(By.id("session-view")).isDisplayed()
            && examiner.findElements(By.cssSelector("#stations .station")).size() == 2);
        examiner.findElement(By.id("start-all")).click();
        seen(() -> states(examiner).equals(List.of("running", "running")));
        String session = runtime.access().visibleTo(new org.twinlab.runtime.auth.Caller("exam1", Role.EXAMINER)).get(0).id();

        // the candidate sees the task and the live twin, in Chinese too
        logIn(candidate, base, "cand1", ApiUsers.PASSWORD);
        seen(() -> candidate.getCurrentUrl().endsWith("/station.html"));
        seen(() -> candidate.findElement(By.id("state")).getText().equalsIgnoreCase("running"));
        seen(() -> !candidate.findElements(By.cssSelector("#twin-motor-1 tr[data-property='vibration.rms_x']")).isEmpty());
        seen(() -> candidate.findElement(By.id("tasks")).getText().contains("Correct the vibration bindings."));
        // the twin is live on the page: its values move with the rig, over the WebSocket
        By rmsY = By.cssSelector("#twin-motor-1 tr[data-property='vibration.rms_y'] td.v");
        String before = candidate.findElement(rmsY).getText();
        seen(() -> !candidate.findElement(rmsY).getText().equals(before));
        candidate.findElement(By.id("lang")).click();
        seen(() -> candidate.findElement(By.id("hand-in")).getText().equals("交卷"));
        seen(() -> candidate.findElement(By.id("tasks")).getText().contains("修正振动绑定"));
        candidate.findElement(By.id("lang")).click();
        seen(() -> candidate.findElement(By.id("hand-in")).getText().equals("Hand in"));

        // the candidate fixes the swapped axis in the binding editor; the preview shows the value first
        seen(() -> !candidate.findElements(By.cssSelector("#bindings tr[data-property='vibration.rms_x'] button.edit")).isEmpty());
        candidate.findElement(By.cssSelector("#bindings tr[data-property='vibration.rms_x'] button.edit")).click();
        WebElement text = candidate.findElement(By.id("binding-text"));
        seen(() -> text.getAttribute("value").contains("vibration/z"));
        // the form shows the binding's fields; the address is edited there and previewed as it is typed
        WebElement addressField = candidate.findElement(By.id("bf-address"));
        assertThat(addressField.getAttribute("value")).contains("vibration/z");
        assertThat(candidate.findElement(By.id("bf-connection")).getAttribute("value")).isNotBlank();
        String fixedAddress = addressField.getAttribute("value").replace("vibration/z", "vibration/x");
        addressField.clear();
        addressField.sendKeys(fixedAddress);
        seen(() -> new JsonObject(text.getAttribute("value")).getString("address").equals(fixedAddress));
        // the X channel is the one the twin reads for rms_z now: its value shows before saving
        seen(() -> candidate.findElement(By.id("preview-value")).getText().contains("vibration.rms_z is bound to"));
        candidate.findElement(By.id("binding-save")).click();
        seen(() -> candidate.findElement(By.id("binding-message")).getText().contains("vibration.rms_x ✓"));
        seen(() -> candidate.findElement(By.cssSelector("#tasks li[data-check='x-rebound']")).getAttribute("class")
            .equals("passed"));

        // the candidate records the fix in a report longer than any line of the action timeline
        JsonObject report = new JsonObject().put("symptom", "X read below Z on a healthy motor").put("cause", "X and Z swapped at the binding")
            .put("text", REPORT_TEXT);
        assertThat(get(users.client("cand1", Role.CANDIDATE).post("/api/v1/twins/motor-1/actions")
            .sendJsonObject(new JsonObject().put("kind", "report").put("fields", report))).statusCode()).isEqualTo(201);

        // the examiner sees the action and the passed check, and marks; two more examiners mark too
        seen(() -> {
          examiner.findElement(By.cssSelector("#station-s1 button.open")).click();
          return true;
        });
        seen(() -> examiner.findElement(By.cssSelector("#checks tr[data-check='x-rebound']")).getText().contains("passed"));
        // a passed check with the judgement still open is no pass: the points decided so far, and no verdict
        seen(() -> examiner.findElement(By.id("station-total")).getText().contains("result when every check is decided"));
        assertThat(examiner.findElement(By.id("station-total")).getText()).contains("decided").contains("secured")
            .doesNotContain("PASSED").doesNotContain("FAILED");
        seen(() -> examiner.findElement(By.id("actions")).getText().contains("binding_edit"));
        seen(() -> !examiner.findElements(By.cssSelector("#twin-motor-1 tr[data-property='vibration.rms_x']")).isEmpty());
        // the judgement beside its evidence: the aspect, a mark button per descriptor, the whole report, the binding before and after
        String judgement = "#judgements .judgement[data-check='record-explains'] ";
        seen(() -> examiner.findElement(By.cssSelector(judgement + ".aspect")).getText()
            .equals("The record names the swapped channels, how it was seen (X below Z) and the check after the fix"));
        seen(() -> examiner.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='1']")).getText()
            .equals("1 The record names the swapped channels only"));
        assertThat(examiner.findElements(By.cssSelector(judgement + "button.mark-choice"))).hasSize(4);
        assertThat(examiner.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='0']")).getText())
            .isEqualTo("0 No record, or it does not say which channels were wrong");
        seen(() -> examiner.findElement(By.cssSelector(judgement + ".evidence-item[data-kind='report'] dd[data-field='text']")).getText()
            .equals(REPORT_TEXT));
        assertThat(examiner.findElement(By.cssSelector(judgement + ".evidence-item[data-kind='report'] dd[data-field='cause']")).getText())
            .isEqualTo("X and Z swapped at the binding");
        WebElement address = examiner.findElement(By.cssSelector(judgement + ".evidence-item[data-kind='binding_edit'] tr[data-field='address']"));
        assertThat(address.findElement(By.className("before")).getText()).isEqualTo("twinlab/motor-1/telemetry#/vibration/z");
        assertThat(address.findElement(By.className("after")).getText()).isEqualTo("twinlab/motor-1/telemetry#/vibration/x");
        examiner.findElement(By.id("lang")).click();
        seen(() -> examiner.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='1']")).getText().equals("1 记录仅指出接反的通道"));
        examiner.findElement(By.id("lang")).click();
        seen(() -> examiner.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='1']")).getText()
            .equals("1 The record names the swapped channels only"));
        seen(() -> {
          examiner.findElement(By.cssSelector(judgement + "button.mark-choice[data-mark='3']")).click();
          return true;
        });
        seen(() -> examiner.findElement(By.cssSelector(judgement + "button.mark-choice.mine")).getAttribute("data-mark").equals("3"));
        seen(() -> examiner.findElement(By.cssSelector("#checks tr[data-check='record-explains']")).getText().contains("exam1:3"));
        for (String e : List.of("exam2", "exam3")) {
          assertThat(get(users.client(e, Role.EXAMINER).post("/api/v1/sessions/" + session + "/stations/s1/marks")
              .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", 2))).statusCode()).isEqualTo(200);
        }
        seen(() -> examiner.findElement(By.cssSelector("#checks tr[data-check='record-explains']")).getText()
            .contains("exam3:2"));

        // the score sheet opens in the browser
        String sheet = examiner.findElement(By.id("sheet-html")).getAttribute("href");
        examiner.findElement(By.id("back-to-session")).click();
        ((JavascriptExecutor) examiner).executeScript("window.open(arguments[0], 'sheet')", sheet);
        // the session page is still loading from the click above; a switch during its navigation is refused, so try again
        await().atMost(Duration.ofSeconds(40)).ignoreExceptionsMatching(e -> e.getMessage() != null && e.getMessage().contains("aborted by navigation"))
            .until(() -> examiner.switchTo().window("sheet") != null);
        seen(() -> examiner.getPageSource().contains("Score sheet"));
        assertThat(examiner.findElement(By.tagName("body")).getText()).contains("cand1").contains("record-explains").contains("exam2: 2")
            .contains("2: The record names the swapped channels and how it was seen (X below Z), but no check after the fix");
        examiner.close();
        examiner.switchTo().window(examiner.getWindowHandles().iterator().next());

        // a candidate of a timed task sees the limits its checks set under the prompt, with the time left,
        // in either language; a suite they run comes back case by case against each faulty variant
        users.token("cand3", Role.CANDIDATE);
        JsonObject timed = new JsonObject().put("id", "timed").put("title", "Operate exam").put("stations", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("id", "s1").put("scenario", "l4-operate-tank-setpoint").put("candidate", "cand3")
                .put("twins", new io.vertx.core.json.JsonArray().add("tank-1")).put("examiners", new io.vertx.core.json.JsonArray().add("exam1"))));
        var planned = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(timed));
        assertThat(planned.statusCode()).as(planned.bodyAsString()).isEqualTo(201);
        var begun = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/timed/start").send());
        assertThat(begun.statusCode()).as(begun.bodyAsString()).isEqualTo(200);
        // examiners read the same limits beside each check
        JsonObject examined = get(users.client("exam1", Role.EXAMINER).get("/api/v1/sessions/timed/stations/s1").send()).bodyAsJsonObject();
        assertThat(examined.getJsonArray("checks").stream().map(c -> (JsonObject) c)
            .filter(c -> c.getString("check").equals("gain-written")).findFirst().orElseThrow().getString("deadlineZh"))
            .isEqualTo("考试计时 3:00 之前");
        candidate.findElement(By.id("logout")).click();
        seen(() -> candidate.getCurrentUrl().endsWith("/index.html"));
        logIn(candidate, base, "cand3", ApiUsers.PASSWORD);
        seen(() -> candidate.getCurrentUrl().endsWith("/station.html"));
        By setpointLimit = By.cssSelector("#tasks li[data-deadline='setpoint-written']");
        seen(() -> candidate.findElement(setpointLimit).getText().startsWith("⏱ by 3:00 on the exam clock ("));
        String left = candidate.findElement(setpointLimit).getText().replaceAll(".*\\((\\d\\d):(\\d\\d) left\\)$", "$1:$2");
        assertThat(left).as(candidate.findElement(setpointLimit).getText()).matches("0[0-3]:\\d\\d").isLessThanOrEqualTo("03:00");
        assertThat(candidate.findElement(By.cssSelector("#tasks li[data-deadline='manual-output-set']")).getText())
            .isEqualTo("⏱ before “Loop mode” is “manual”");
        assertThat(candidate.findElement(By.cssSelector("#tasks li[data-deadline='taken-to-manual']")).getText())
            .startsWith("⏱ between 7:30 on the exam clock and 10:30 on the exam clock (");
        assertThat(candidate.findElements(By.cssSelector("#tasks li[data-deadline='level-held']"))).isEmpty();
        assertThat(candidate.findElement(By.cssSelector("#tasks li[data-check='setpoint-written']")).getText()).startsWith("Setpoint written: ");
        candidate.findElement(By.id("lang")).click();
        seen(() -> candidate.findElement(setpointLimit).getText().startsWith("⏱ 考试计时 3:00 之前 (剩余 0"));
        candidate.findElement(By.id("lang")).click();
        seen(() -> candidate.findElement(setpointLimit).getText().startsWith("⏱ by 3:00"));
        seen(() -> !candidate.findElements(By.cssSelector("#report-twin option[value='tank-1']")).isEmpty());
        // the suite is built case by case in the builder, which writes valid JSON into the box
        seen(() -> !candidate.findElements(By.cssSelector("#cb-then-terms option[value='twin.tank.level']")).isEmpty());
        addCase(candidate, "level reads", "twin.tank.level >= 0", "20s", "2s");
        seen(() -> candidate.findElement(By.id("cb-message")).getText().equals("The suite has 1 case(s)."));
        addCase(candidate, "too high", "twin.tank.level > 499", "5s", "1s");
        seen(() -> candidate.findElement(By.id("cb-message")).getText().equals("The suite has 2 case(s)."));
        JsonObject built = new JsonObject(candidate.findElement(By.id("suite-text")).getAttribute("value"));
        assertThat(built.getJsonArray("cases").getJsonObject(0).getString("settle")).isEqualTo("20s");
        assertThat(built.getJsonArray("cases").getJsonObject(1).getString("then")).isEqualTo("twin.tank.level > 499");
        candidate.findElement(By.id("suite-run")).click();
        seen(() -> candidate.findElement(By.id("suite-message")).getText().contains("false failures in 2 cases"));
        assertThat(candidate.findElements(By.cssSelector("#suite-result th[data-variant]"))).hasSize(6);
        assertThat(candidate.findElement(By.cssSelector("#suite-result tr[data-case='1']")).getText()).startsWith("1 level reads pass");
        assertThat(candidate.findElement(By.cssSelector("#suite-result tr[data-case='2']")).getText())
            .contains("false failure: did not hold within 1.0 s; the twin showed twin.tank.level = ");
        assertThat(candidate.findElement(By.cssSelector("#suite-result tr[data-case='2'] td[data-variant='wrong_scale']")).getText()).isEqualTo("·");
        // a visible check that has failed says why: taking the loop to manual closes the window of "manual output set first"
        var manual = get(users.client("cand3", Role.CANDIDATE).put("/api/v1/twins/tank-1/properties/pid.mode")
            .sendJsonObject(new JsonObject().put("value", "manual")));
        assertThat(manual.statusCode()).as(manual.bodyAsString()).isEqualTo(200);
        By manualSet = By.cssSelector("#tasks li[data-check='manual-output-set']");
        seen(() -> candidate.findElement(manualSet).getAttribute("class").equals("failed"));
        assertThat(candidate.findElement(manualSet).getText()).startsWith("Manual output set: failed — why: never true between +");

        // the session ends; its evidence verifies against the platform key
        examiner.findElement(By.id("end-session")).click();
        // the page asks in its own dialog, not the browser's
        seen(() -> examiner.findElement(By.id("ask")).isDisplayed());
        examiner.findElement(By.id("ask-ok")).click();
        seen(() -> states(examiner).equals(List.of("ended", "ended")));
        Path evidence = data.resolve(LabSessions.DIR).resolve(session).resolve(LabSessions.EVIDENCE);
        var r = EvidenceVerifier.verify(evidence, PlatformKey.readPublic(data.resolve("keys").resolve(PlatformKey.PUBLIC_FILE)));
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.sealedBy()).isNotNull();

        // once sealed, the session's item analysis shows: the checks' figures and the judged record's agreement
        seen(() -> examiner.findElement(By.id("analysis")).isDisplayed()
            && examiner.findElement(By.cssSelector("#analysis .analysis-judgements tr[data-check='record-explains']")).getText()
                .contains("exam1, exam2, exam3"));
        assertThat(examiner.findElement(By.cssSelector("#analysis .analysis-checks tr[data-check='x-rebound']")).getText())
            .contains("measurement");
      } finally {
        examiner.quit();
        candidate.quit();
        get(runtime.stop());
      }
    }
  }

  /**
   * Waits until the page shows something. The pages redraw every two seconds, so an element found
   * a moment ago may be gone: such a look is simply tried again.
   */
  private static void seen(java.util.concurrent.Callable<Boolean> condition) {
    // a page still drawing has no element yet, or swaps one under the look: both mean "not yet"
    await().atMost(Duration.ofSeconds(40))
        .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.StaleElementReferenceException
            || e instanceof org.openqa.selenium.NoSuchElementException)
        .until(condition);
  }

  private static void logIn(WebDriver browser, String base, String user, String password) {
    browser.get(base + "/index.html");
    seen(() -> !browser.findElements(By.id("user")).isEmpty());
    browser.findElement(By.id("user")).clear();
    browser.findElement(By.id("user")).sendKeys(user);
    browser.findElement(By.id("password")).clear();
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login")).click();
  }

  private static void planStation(WebElement row, String candidate, String twin) {
    // picked, not typed: the scenario by level and title, the candidate and examiners from the accounts, a twin of the rig
    row.findElement(By.cssSelector(".plan-scenario option[value='l4-debug-motor-swapped-axes']")).click();
    row.findElement(By.cssSelector(".plan-candidate option[value='" + candidate + "']")).click();
    seen(() -> {
      row.findElement(By.cssSelector(".plan-twin option[value='" + twin + "']")).click();
      return true;
    });
    for (String e : List.of("exam1", "exam2", "exam3")) {
      WebElement box = row.findElement(By.cssSelector(".plan-examiner[value='" + e + "']"));
      if (!box.isSelected()) box.click();
    }
  }

  private static List<String> states(WebDriver examiner) {
    return examiner.findElements(By.cssSelector("#stations .station .state")).stream().map(e -> e.getAttribute("data-state")).toList();
  }

  private static void addCase(WebDriver candidate, String name, String then, String settle, String within) {
    for (var field : java.util.Map.of("cb-name", name, "cb-then", then, "cb-settle", settle, "cb-within", within).entrySet()) {
      WebElement input = candidate.findElement(By.id(field.getKey()));
      input.clear();
      input.sendKeys(field.getValue());
    }
    candidate.findElement(By.id("cb-add")).click();
  }
}
