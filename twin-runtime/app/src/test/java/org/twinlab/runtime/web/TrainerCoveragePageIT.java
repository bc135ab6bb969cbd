package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
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

/**
 * The trainer page's coverage section in headless Chromium: per level the assessed and idle-proof
 * counts, per clause the scenarios with their points, share and idle mark, in English and Chinese.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TrainerCoveragePageIT {
  @TempDir
  java.nio.file.Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theCoverageSectionShowsPointsSharesAndIdleProofnessPerClauseAndLevel(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      new ApiUsers(vertx, runtime).token("wang", Role.TRAINER);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver trainer = Browsers.open();
      try {
        Browsers.logIn(trainer, base, "wang", ApiUsers.PASSWORD);
        seen(() -> trainer.getCurrentUrl().endsWith("/trainer.html"));
        By level4 = By.cssSelector("#coverage-levels li[data-level='4']");
        // worked out only when asked for: it plays the whole library
        seen(() -> !trainer.findElements(By.id("coverage-show")).isEmpty());
        assertThat(trainer.findElements(level4)).isEmpty();
        trainer.findElement(By.id("coverage-show")).click();
        // the report plays every library scenario twice: on a busy machine it comes late
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3))
            .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.StaleElementReferenceException)
            .until(() -> !trainer.findElements(level4).isEmpty());
        assertThat(trainer.findElement(level4).getText()).containsPattern("assessed \\d+ / 19 \\(\\d+(\\.\\d)? %\\), idle-proof \\d+ / 19");
        var estop = trainer.findElement(By.cssSelector("#coverage tr[data-clause='4-04-05-10 L4 3.1.2']"));
        assertThat(estop.getAttribute("data-idle-proof")).isEqualTo("true");
        assertThat(estop.getText()).startsWith("✓").containsPattern("pts, \\d+(\\.\\d)? of 100, idle-proof");
        assertThat(trainer.findElement(By.cssSelector("#coverage tr[data-clause='4-04-05-10 L1 1.1.1']")).getText())
            .startsWith("·").contains("not assessed yet");
        assertThat(trainer.findElement(By.cssSelector("#coverage tr[data-clause='4-04-05-10 L4 2.2.1']")).getAttribute("data-idle-proof"))
            .isEqualTo("true");
        assertThat(trainer.findElement(By.cssSelector("#coverage tr[data-clause='4-04-05-10 L3 1.2.1']")).getText()).startsWith("✓");

        trainer.findElement(By.id("lang")).click();
        seen(() -> "zh-CN".equals(trainer.findElement(By.tagName("html")).getAttribute("lang")));
        seen(() -> !trainer.findElements(level4).isEmpty() && trainer.findElement(level4).getText().contains("已考核"));
        assertThat(trainer.findElement(level4).getText()).contains("不作为不得分");
        assertThat(trainer.findElement(By.cssSelector("#coverage tr[data-clause='4-04-05-10 L1 1.1.1']")).getText()).contains("尚未考核");
        // each clause in the standard's own Chinese words
        assertThat(trainer.findElement(By.cssSelector("#coverage tr[data-clause='4-04-05-10 L4 3.1.2']")).getText())
            .contains("3.1.2 能采用急停操作等安全控制措施");
      } finally {
        trainer.quit();
        get(runtime.stop());
      }
    }
  }
}
