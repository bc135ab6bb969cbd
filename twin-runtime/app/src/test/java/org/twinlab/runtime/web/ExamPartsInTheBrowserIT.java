package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * The level-4 practical exam in real headless Chromium on the demo lab: an examiner plans it on the
 * examiner page for one tank station with three examiners and starts it; the candidate's page
 * says which part of the exam runs and the exam's time left, and after each hand-in it moves on to
 * the next part by itself; once the last part is handed in the candidate opens the exam sheet,
 * weighed by the level's table, and the examiner has it beside each part's own sheet.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExamPartsInTheBrowserIT {
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void anExamIsPlannedAndSatPartByPartInTheBrowser(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      for (String e : List.of("exam1", "exam2", "exam3")) users.token(e, Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver examiner = Browsers.open();
      WebDriver candidate = Browsers.open();
      try {
        Browsers.logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> !examiner.findElements(By.cssSelector("tr.plan-station .plan-scenario option[value='exam:l4-exam-tank']")).isEmpty());
        examiner.findElement(By.id("session-title")).sendKeys("Level 4 practical");
        WebElement row = examiner.findElement(By.cssSelector("tr.plan-station"));
        row.findElement(By.cssSelector(".plan-scenario option[value='exam:l4-exam-tank']")).click();
        row.findElement(By.cssSelector(".plan-candidate option[value='cand1']")).click();
        seen(() -> {
          row.findElement(By.cssSelector(".plan-twin option[value='tank-1']")).click();
          return true;
        });
        for (String e : List.of("exam1", "exam2", "exam3")) {
          WebElement box = row.findElement(By.cssSelector(".plan-examiner[value='" + e + "']"));
          if (!box.isSelected()) box.click();
        }
        examiner.findElement(By.id("create-session")).click();
        seen(() -> examiner.findElements(By.cssSelector("#stations .station")).size() == 4);
        assertThat(examiner.findElement(By.id("station-s1.1")).findElement(By.className("exam")).getText())
            .contains("Level 4 practical exam on the tank station").contains("part 1 of 4");
        examiner.findElement(By.id("start-all")).click();
        seen(() -> states(examiner).equals(List.of("running", "ready", "ready", "ready")));

        Browsers.logIn(candidate, base, "cand1", ApiUsers.PASSWORD);
        seen(() -> candidate.getCurrentUrl().endsWith("/station.html"));
        for (int part = 1; part <= 4; part++) {
          String label = "part " + part + " of 4";
          seen(() -> candidate.findElement(By.id("exam-part")).getText().contains(label)
              && candidate.findElement(By.id("state")).getText().equalsIgnoreCase("running"));
          assertThat(candidate.findElement(By.id("title")).getText()).startsWith("s1." + part + " · ");
          candidate.findElement(By.id("hand-in")).click();
          candidate.switchTo().alert().accept();
          int handedIn = part;
          seen(() -> states(examiner).get(handedIn - 1).equals("ended"));
        }
        seen(() -> !candidate.findElements(By.id("exam-sheet")).isEmpty());
        assertThat(candidate.findElement(By.id("exam")).getText()).contains("Your exam is over.");
        candidate.get(candidate.findElement(By.id("exam-sheet")).getAttribute("href"));
        seen(() -> candidate.getPageSource().contains("Level 4 practical exam on the tank station"));
        assertThat(candidate.getPageSource()).contains("Platform O&amp;M").contains("Application testing").contains("Application operation");

        examiner.findElement(By.cssSelector("#station-s1\\.4 button.open")).click();
        seen(() -> examiner.findElement(By.id("exam-sheets")).isDisplayed());
        assertThat(examiner.findElement(By.id("exam-sheet-html")).getAttribute("href")).contains("/stations/s1.4/exam.html?lang=");
      } finally {
        examiner.quit();
        candidate.quit();
        get(runtime.stop());
      }
    }
  }

  private static List<String> states(WebDriver examiner) {
    return examiner.findElements(By.cssSelector("#stations .station .state")).stream().map(e -> e.getAttribute("data-state")).toList();
  }
}
