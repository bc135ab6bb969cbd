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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * The security-script scenario in headless Chromium: the candidate submits a script from the
 * station page's suite box and sees it case by case against the insecure variants; the examiner
 * reads its cases beside the judgement of the problems found.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecurityScriptInTheBrowserIT {
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aScriptSubmittedOnTheStationPageIsGradedAndShownToTheExaminerBesideTheJudgement(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      JsonObject plan = new JsonObject().put("id", "sec").put("title", "Security exam").put("stations", new JsonArray()
          .add(new JsonObject().put("id", "s1").put("scenario", "l3-test-security-suite-tank").put("candidate", "cand1")
              .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1"))));
      var planned = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
      assertThat(planned.statusCode()).as(planned.bodyAsString()).isEqualTo(201);
      var begun = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/sec/start").send());
      assertThat(begun.statusCode()).as(begun.bodyAsString()).isEqualTo(200);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver candidate = Browsers.open();
      WebDriver examiner = Browsers.open();
      try {
        logIn(candidate, base, "cand1", ApiUsers.PASSWORD);
        seen(() -> candidate.getCurrentUrl().endsWith("/station.html"));
        seen(() -> !candidate.findElements(By.cssSelector("#report-twin option[value='tank-1']")).isEmpty());
        // choosing the kind swaps the box's starting case for a security case
        WebElement box = candidate.findElement(By.id("suite-text"));
        assertThat(box.getAttribute("value")).contains("\"cases\"");
        candidate.findElement(By.xpath("//select[@id='suite-kind']/option[.='security_suite']")).click();
        seen(() -> box.getAttribute("value").contains("\"expect\": \"refused\""));
        box.clear();
        box.sendKeys("{\"cases\": [{\"name\": \"setpoint above the tank\", \"write\": {\"property\": \"pid.setpoint\", \"value\": 600},"
            + " \"expect\": \"refused\"}, {\"name\": \"legal setpoint\", \"write\": {\"property\": \"pid.setpoint\", \"value\": 300},"
            + " \"expect\": \"accepted\"}]}");
        candidate.findElement(By.id("suite-run")).click();
        seen(() -> candidate.findElement(By.id("suite-message")).getText()
            .equals("security_suite: 1 of 3 insecure variants detected, 0 false failures in 2 cases"));
        assertThat(candidate.findElements(By.cssSelector("#suite-result th[data-variant]"))).extracting(WebElement::getText)
            .containsExactlyInAnyOrder("range_unchecked", "range_widened", "read_only_writable");
        assertThat(candidate.findElement(By.cssSelector("#suite-result tr[data-case='1']")).getText()).startsWith("1 setpoint above the tank pass");
        assertThat(candidate.findElement(By.cssSelector("#suite-result tr[data-case='1'] td[data-variant='range_unchecked']")).getText())
            .isEqualTo("✓");
        assertThat(candidate.findElement(By.cssSelector("#suite-result tr[data-case='2'] td[data-variant='range_unchecked']")).getText())
            .isEqualTo("·");
        // the script's checks on the candidate's task list: found what it found, the rest still open
        seen(() -> candidate.findElement(By.cssSelector("#tasks li[data-check='finds-range-unchecked']")).getAttribute("class").equals("passed"));

        // the examiner opens the station: the judgement of the problems found shows the script's cases
        logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> examiner.getCurrentUrl().endsWith("/examiner.html"));
        seen(() -> {
          examiner.findElement(By.cssSelector("#sessions button[data-session='sec']")).click();
          return true;
        });
        seen(() -> {
          examiner.findElement(By.cssSelector("#station-s1 button.open")).click();
          return true;
        });
        String script = "#judgements .judgement[data-check='problems-judged'] .evidence-item[data-kind='security_suite'] ";
        seen(() -> examiner.findElements(By.cssSelector(script + "table.cases th")).stream().map(WebElement::getText).toList()
            .equals(java.util.List.of("#", "name", "write", "expect")));
        assertThat(examiner.findElement(By.cssSelector(script + "tr[data-case='0']")).getText())
            .contains("setpoint above the tank").contains("pid.setpoint").contains("600").contains("refused");
        assertThat(examiner.findElement(By.cssSelector(script + "tr[data-case='1']")).getText()).contains("legal setpoint").contains("accepted");
      } finally {
        candidate.quit();
        examiner.quit();
        get(runtime.stop());
      }
    }
  }
}
