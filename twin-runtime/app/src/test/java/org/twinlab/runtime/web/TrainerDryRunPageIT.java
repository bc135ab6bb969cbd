package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
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
 * The trainer page's dry run in headless Chromium: a trainer uploads a scenario, dry-runs it and
 * reads one row per scripted candidate and every rule's verdict, in English and in Chinese.
 */
@ExtendWith(VertxExtension.class)
// the coverage report and the dry run each play for minutes on a loaded machine
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TrainerDryRunPageIT {
  private static final Path FAIR = Path.of("..", "exam", "src", "test", "resources", "scenarios", "fair-tank-setpoint.yaml");

  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aDryRunShowsEveryCandidateAndEveryRule(Vertx vertx) throws Exception {
    Browsers.require();
    String lax = Files.readString(FAIR).replace("scenario: fair-tank-setpoint", "scenario: lax-tank-setpoint")
        .replace("        points: 4\n  - id: file-report",
            "        points: 4\n      - id: no-overflow\n        measure: \"never rig.tank.level > 480\"\n        points: 2\n  - id: file-report");
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      new ApiUsers(vertx, runtime).token("wang", Role.TRAINER);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver trainer = Browsers.open();
      try {
        Browsers.logIn(trainer, base, "wang", ApiUsers.PASSWORD);
        seen(() -> trainer.getCurrentUrl().endsWith("/trainer.html"));
        seen(() -> !trainer.findElements(By.cssSelector("#library tr[data-scenario]")).isEmpty());
        trainer.findElement(By.id("yaml-name")).clear();
        trainer.findElement(By.id("yaml-name")).sendKeys("lax-tank-setpoint.yaml");
        ((JavascriptExecutor) trainer).executeScript("window.twinlabWorkshop.setText(arguments[0])", lax);
        trainer.findElement(By.id("upload")).click();
        By dryRun = By.cssSelector("#library tr[data-scenario='lax-tank-setpoint'] button.dry-run");
        seen(() -> !trainer.findElements(dryRun).isEmpty());
        trainer.findElement(dryRun).click();
        Browsers.seenAfterLongWork(() -> !trainer.findElements(By.cssSelector("#dry-run-candidates tr[data-candidate='task:file-report']")).isEmpty());

        String idle = trainer.findElement(By.cssSelector("#dry-run-candidates tr[data-candidate='idle']")).getText();
        assertThat(idle).contains("FAILED").contains("no-overflow: never true");
        assertThat(trainer.findElement(By.cssSelector("#dry-run-candidates tr[data-candidate='reference']")).getText())
            .contains("100.0").contains("PASSED");
        assertThat(trainer.findElement(By.cssSelector("#dry-run-candidates tr[data-candidate='task:set-level']")).getText())
            .contains("share");
        assertThat(trainer.findElements(By.cssSelector("#dry-run-candidates tr[data-candidate^='random-']"))).hasSize(org.twinlab.runtime.scenario.DryRun.RANDOM_CANDIDATES);
        var idleRule = trainer.findElement(By.cssSelector("#dry-run-rules li[data-rule='idle-scores-0']"));
        assertThat(idleRule.getAttribute("class")).isEqualTo("failed");
        assertThat(idleRule.getText()).contains("A candidate who does nothing scores 0").contains("idle scores").contains("no-overflow");
        assertThat(trainer.findElement(By.cssSelector("#dry-run-rules li[data-rule='reference-scores-100']")).getAttribute("class"))
            .isEqualTo("passed");
        assertThat(trainer.findElement(By.id("dry-run-message")).getText()).contains("lax-tank-setpoint").contains("rules broken");

        // the same in Chinese
        trainer.findElement(By.id("lang")).click();
        seen(() -> "zh-CN".equals(trainer.findElement(By.tagName("html")).getAttribute("lang")));
        seen(() -> !trainer.findElements(dryRun).isEmpty());
        trainer.findElement(dryRun).click();
        Browsers.seenAfterLongWork(() -> !trainer.findElements(By.cssSelector("#dry-run-rules li[data-rule='idle-scores-0']")).isEmpty());
        assertThat(trainer.findElement(By.cssSelector("#dry-run-rules li[data-rule='idle-scores-0']")).getText())
            .contains("什么都不做的考生得 0 分");
        assertThat(trainer.findElement(By.cssSelector("#dry-run-candidates tr:first-child")).getText()).contains("得分");
      } finally {
        trainer.quit();
        get(runtime.stop());
      }
    }
  }
}
