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
 * An artefact in headless Chromium: the candidate writes a commissioning plan in the station page's
 * artefact box (sections under "## name" lines, figures as "name = number"), a figure that is no
 * number is refused naming it, the plan sent is measured; the examiner reads it section by section
 * beside the judgement of the staffing.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ArtefactInTheBrowserIT {
  private static final String STAFFING = "Li, operator: runs the trial from the twin. Wang, technician: watches the level transmitter. "
      + "Zhao, engineer: accepts the trial.";

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aPlanWrittenOnTheStationPageIsMeasuredAndShownToTheExaminerBesideTheJudgement(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      JsonObject plan = new JsonObject().put("id", "rev").put("title", "Review exam").put("stations", new JsonArray()
          .add(new JsonObject().put("id", "s1").put("scenario", "l2-manage-procedure-trial-tank").put("candidate", "cand1")
              .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1"))));
      var planned = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
      assertThat(planned.statusCode()).as(planned.bodyAsString()).isEqualTo(201);
      var begun = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/rev/start").send());
      assertThat(begun.statusCode()).as(begun.bodyAsString()).isEqualTo(200);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver candidate = Browsers.open();
      WebDriver examiner = Browsers.open();
      try {
        logIn(candidate, base, "cand1", ApiUsers.PASSWORD);
        seen(() -> candidate.getCurrentUrl().endsWith("/station.html"));
        seen(() -> !candidate.findElements(By.cssSelector("#report-twin option[value='tank-1']")).isEmpty());
        candidate.findElement(By.xpath("//select[@id='artefact-kind']/option[.='plan']")).click();
        candidate.findElement(By.id("artefact-title")).sendKeys("Tank station commissioning plan");
        candidate.findElement(By.id("artefact-text")).sendKeys(String.join("\n",
            "## schedule", "Minute 0 to 5 procedure issued; 5 to 15 trial run at 350 mm; 15 to 20 acceptance against the held level.",
            "## staffing", STAFFING,
            "## acceptance", "Accepted when the level stays within 10 mm of 350 mm for two minutes with no alarm on the twin."));
        WebElement figures = candidate.findElement(By.id("artefact-figures"));
        figures.sendKeys("staff = three\ntrial_minutes = 5");
        candidate.findElement(By.id("artefact-send")).click();
        seen(() -> candidate.findElement(By.id("artefact-message")).getText().startsWith("artefact: figures.staff: "));
        figures.clear();
        figures.sendKeys("staff = 3\ntrial_minutes = 5");
        candidate.findElement(By.id("artefact-send")).click();
        seen(() -> candidate.findElement(By.id("artefact-message")).getText()
            .endsWith("headings: schedule,staffing,acceptance · figures: staff,trial_minutes"));
        seen(() -> candidate.findElement(By.cssSelector("#tasks li[data-check='plan-complete']")).getAttribute("class").equals("passed"));

        // the examiner reads the plan section by section beside the judgement of the staffing
        logIn(examiner, base, "exam1", ApiUsers.PASSWORD);
        seen(() -> examiner.getCurrentUrl().endsWith("/examiner.html"));
        seen(() -> {
          examiner.findElement(By.cssSelector("#sessions button[data-session='rev']")).click();
          return true;
        });
        seen(() -> {
          examiner.findElement(By.cssSelector("#station-s1 button.open")).click();
          return true;
        });
        String shown = "#judgements .judgement[data-check='tasks-assigned'] .evidence-item[data-kind='artefact'] ";
        seen(() -> examiner.findElement(By.cssSelector(shown + "p[data-section='staffing']")).getText().equals(STAFFING));
        assertThat(examiner.findElement(By.cssSelector(shown + "h4")).getText()).isEqualTo("Tank station commissioning plan (plan)");
        assertThat(examiner.findElement(By.cssSelector(shown + "tr[data-figure='staff']")).getText()).isEqualTo("staff 3");
      } finally {
        candidate.quit();
        examiner.quit();
        get(runtime.stop());
      }
    }
  }
}
