package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
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
 * The candidate's page at its edges, in real headless Chromium: a candidate seated nowhere gets a
 * plain page saying so and nothing to act with; a candidate who hands in finds every control of the
 * station disabled and a notice saying so, still after a reload; and then sees their own result,
 * provisional while a judgement is open and with its verdict once marked, each visible check by
 * name and never the hidden one. In English and Chinese.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CandidatePageInTheBrowserIT {
  private static final String SESSION = "exam-page";
  /** A scenario with a hidden check (alarm-not-broken) and a judged one (record-explains). */
  private static final String SCENARIO = "l4-debug-tank-level-scale";
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void noStationThenHandedInAndLockedThenTheCandidatesOwnResult(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      users.token("nobody1", Role.CANDIDATE);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver browser = Browsers.open();
      try {
        JsonObject plan = new JsonObject().put("id", SESSION).put("stations", new JsonArray().add(new JsonObject().put("id", "s1")
            .put("scenario", SCENARIO).put("candidate", "cand1").put("twins", new JsonArray().add("tank-1"))
            .put("examiners", new JsonArray().add("exam1"))));
        HttpResponse<Buffer> created = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

        // 1. seated nowhere: a plain page saying so, no tools, no hand-in to press
        Browsers.logIn(browser, base, "nobody1", ApiUsers.PASSWORD);
        seen(() -> browser.getCurrentUrl().endsWith("/station.html"));
        seen(() -> browser.findElement(By.id("status")).getText().equals("You sit at no station."));
        assertNothingToActWith(browser);
        assertThat(browser.findElement(By.id("work")).isDisplayed()).isFalse();
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("status")).getText().equals("你没有分配工位。"));
        assertNothingToActWith(browser);
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("status")).getText().equals("You sit at no station."));
        browser.findElement(By.id("logout")).click();
        seen(() -> browser.getCurrentUrl().endsWith("/index.html"));

        // the seated candidate works at a running station: tools there and enabled, no result yet
        HttpResponse<Buffer> started = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/" + SESSION + "/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        Browsers.logIn(browser, base, "cand1", ApiUsers.PASSWORD);
        seen(() -> browser.getCurrentUrl().endsWith("/station.html"));
        seen(() -> browser.findElement(By.id("state")).getText().equalsIgnoreCase("running"));
        seen(() -> !browser.findElements(By.cssSelector("#twin-tank-1 button")).isEmpty());
        seen(() -> browser.findElement(By.id("hand-in")).isEnabled());
        assertThat(browser.findElement(By.id("binding-save")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#twin-tank-1 button")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("locked")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();

        // a write control shows the property's unit and range before anything is written, and the rig's refusal beside it
        choose(browser, "outlet_valve.opening");
        seen(() -> browser.findElement(By.cssSelector("#twin-tank-1 .write-allowed")).getText().equals("0 … 100 %"));
        choose(browser, "inlet_valve.open");
        seen(() -> browser.findElement(By.cssSelector("#twin-tank-1 .write-allowed")).getText().equals("true | false"));
        choose(browser, "outlet_valve.opening");
        browser.findElement(By.cssSelector("#twin-tank-1 .write-value")).sendKeys("250");
        browser.findElement(By.cssSelector("#twin-tank-1 .write-row button")).click();
        seen(() -> browser.findElement(By.cssSelector("#twin-tank-1 .write-row .message")).getText().startsWith("outlet_valve.opening: "));
        assertThat(browser.findElement(By.cssSelector("#twin-tank-1 .write-row .message")).getText()).doesNotEndWith("✓");
        // the same refusal on the Chinese page is in Chinese: the API's sentence, worded by i18n-errors.js
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.tagName("html")).getAttribute("lang").startsWith("zh"));
        choose(browser, "outlet_valve.opening");
        browser.findElement(By.cssSelector("#twin-tank-1 .write-value")).clear();
        browser.findElement(By.cssSelector("#twin-tank-1 .write-value")).sendKeys("250");
        browser.findElement(By.cssSelector("#twin-tank-1 .write-row button")).click();
        seen(() -> browser.findElement(By.cssSelector("#twin-tank-1 .write-row .message")).getText().contains("超出范围"));
        assertThat(browser.findElement(By.cssSelector("#twin-tank-1 .write-row .message")).getText()).doesNotContain("outside");
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.tagName("html")).getAttribute("lang").startsWith("en"));

        // 2. handed in: every control of the station is disabled, and the page says why
        browser.findElement(By.id("hand-in")).click();
        browser.switchTo().alert().accept();
        seen(() -> browser.findElement(By.id("locked")).isDisplayed());
        assertThat(browser.findElement(By.id("locked")).getText()).isEqualTo("You handed in your work: this station is locked.");
        assertLocked(browser);
        assertThat(browser.findElement(By.cssSelector("#twin-tank-1 button")).isEnabled()).isFalse();

        // 3. the candidate's own result: provisional while the judgement is open, each visible check, never the hidden one
        seen(() -> browser.findElement(By.id("result")).isDisplayed()
            && browser.findElement(By.id("result-total")).getAttribute("data-result").equals("pending"));
        assertThat(browser.findElement(By.id("result-total")).getText()).startsWith("Total ").contains("provisional")
            .doesNotContain("PASSED").doesNotContain("FAILED");
        assertThat(browser.findElement(By.cssSelector("#result-checks li[data-check='record-explains']")).getText())
            .endsWith(": not marked yet");
        assertThat(browser.findElements(By.cssSelector("#result-checks li[data-check='record-filed']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#result-checks li[data-check='alarm-not-broken']"))).isEmpty();
        assertThat(browser.findElement(By.id("result")).getText()).doesNotContain("alarm-not-broken");

        // a reload finds it locked still: the page asks the server, it remembers nothing
        browser.navigate().refresh();
        seen(() -> browser.findElement(By.id("locked")).isDisplayed() && browser.findElement(By.id("result")).isDisplayed());
        assertLocked(browser);

        // the examiner marks the judgement: the result has its verdict (an idle candidate fails)
        HttpResponse<Buffer> marked = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/" + SESSION + "/stations/s1/marks")
            .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", 0)));
        assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
        seen(() -> browser.findElement(By.id("result-total")).getAttribute("data-result").equals("failed"));
        assertThat(browser.findElement(By.id("result-total")).getText()).endsWith("FAILED").doesNotContain("provisional");
        seen(() -> browser.findElement(By.cssSelector("#result-checks li[data-check='record-explains']")).getText().endsWith(": marked"));

        // the same in Chinese
        browser.findElement(By.id("lang")).click();
        seen(() -> browser.findElement(By.id("locked")).getText().equals("你已交卷，本工位已锁定。"));
        seen(() -> browser.findElement(By.id("result-total")).getText().startsWith("总分 ")
            && browser.findElement(By.id("result-total")).getText().endsWith("不合格"));
        seen(() -> browser.findElement(By.cssSelector("#result-checks li[data-check='record-explains']")).getText().endsWith(": 已评分"));
        assertThat(browser.findElement(By.id("result")).getText()).contains("我的成绩");
        assertLocked(browser);
        browser.findElement(By.id("lang")).click();
      } finally {
        browser.quit();
        get(runtime.stop());
      }
    }
  }

  /** No hand-in to press, and no tool shown. */
  private static void assertNothingToActWith(WebDriver browser) {
    WebElement handIn = browser.findElement(By.id("hand-in"));
    assertThat(handIn.isDisplayed() && handIn.isEnabled()).as("an enabled hand-in").isFalse();
    assertThat(browser.findElements(By.cssSelector("#work button, #work input, #work select, #work textarea")).stream()
        .filter(e -> e.isDisplayed() && e.isEnabled()).toList()).as("tools to act with").isEmpty();
  }

  /** Every control that acts on the station disabled, the export link gone, hand-in too. */
  private static void assertLocked(WebDriver browser) {
    assertThat(browser.findElement(By.id("hand-in")).isEnabled()).as("hand-in").isFalse();
    List<WebElement> controls = browser.findElements(By.cssSelector("#work button, #work input, #work select, #work textarea"));
    assertThat(controls).as("the station's controls").isNotEmpty();
    assertThat(controls.stream().filter(WebElement::isEnabled).map(e -> e.getTagName() + "#" + e.getAttribute("id")).toList())
        .as("controls still enabled").isEmpty();
    assertThat(browser.findElement(By.id("export-link")).isDisplayed()).as("export link").isFalse();
    assertThat(browser.findElements(By.cssSelector("#exam button.begin"))).isEmpty();
  }

  /** Picks a writable property in the tank's write control, as a user picks an option. */
  private static void choose(WebDriver browser, String property) {
    browser.findElement(By.cssSelector("#twin-tank-1 select.write-property option[value='" + property + "']")).click();
  }
}
