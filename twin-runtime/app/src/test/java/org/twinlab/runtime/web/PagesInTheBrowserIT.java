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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * Every page as each role meets it, in English and in Chinese, in one headless Chromium: the login
 * page, the candidate's station, the examiner's sessions, hall and station view, the trainer's
 * page, the administrator's page and the live twins. On each, axe-core finds no serious or critical
 * accessibility violation (the minor ones are printed), the Chinese page shows no English word and
 * the English page no Chinese one. With {@code -Dtwinlab.screenshots=DIR} each page is also saved
 * there as a PNG, the pictures of docs/screenshots ({@code ./twinlab-screenshots}).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PagesInTheBrowserIT {
  private static final String SESSION = "exam-pages";
  @TempDir
  Path data;

  /** A page as one user sees it: where it is, when it is drawn, the name of its picture and the window it fits. */
  private record Visit(String picture, String user, String path, Callable<Boolean> drawn, Dimension window) {}

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Sizes the window so that the page itself, not the window around it, has the screen's size. */
  private static void fit(WebDriver browser, Dimension page) {
    browser.manage().window().setSize(page);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long width = (Long) js.executeScript("return window.innerWidth");
    long height = (Long) js.executeScript("return window.innerHeight");
    browser.manage().window().setSize(new Dimension(2 * page.width - (int) width, 2 * page.height - (int) height));
  }

  @Test
  void everyPageOfEveryRoleIsAccessibleAndFullyTranslated(Vertx vertx) throws Exception {
    Browsers.require();
    Screenshots screenshots = Screenshots.fromSystemProperty();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      users.token("cand2", Role.CANDIDATE);
      users.token("train1", Role.TRAINER);
      users.token("boss", Role.ADMIN);
      JsonObject plan = new JsonObject().put("id", SESSION).put("title", "A1-2026").put("stations", new JsonArray()
          .add(new JsonObject().put("id", "s1").put("scenario", "l4-debug-tank-level-scale").put("candidate", "cand1")
              .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1")))
          .add(new JsonObject().put("id", "s2").put("scenario", "l4-debug-motor-swapped-axes").put("candidate", "cand2")
              .put("twins", new JsonArray().add("motor-1")).put("examiners", new JsonArray().add("exam1"))));
      HttpResponse<Buffer> created = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      HttpResponse<Buffer> started = get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions/" + SESSION + "/start").send());
      assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);

      String base = "http://127.0.0.1:" + runtime.port();
      Dimension screen = new Dimension(1280, 800);
      WebDriver browser = Browsers.open(screen.width, screen.height);
      Callable<Boolean> hasText = () -> !browser.findElement(By.tagName("main")).getText().isBlank();
      List<Visit> visits = List.of(
          new Visit("login", null, "/index.html", () -> !browser.findElement(By.id("login")).getText().isBlank(), screen),
          new Visit("station-candidate", "cand1", "/station.html",
              () -> !browser.findElements(By.cssSelector("#twin-tank-1 button")).isEmpty()
                  && !browser.findElement(By.id("tasks")).getText().isBlank(), screen),
          new Visit("examiner-sessions", "exam1", "/examiner.html",
              () -> !browser.findElements(By.cssSelector("#sessions tr")).isEmpty(), screen),
          new Visit("examiner-hall", "exam1", "/examiner.html?session=" + SESSION,
              () -> browser.findElements(By.cssSelector("#stations tr.station")).size() == 2
                  && !browser.findElement(By.cssSelector("#station-s1 .state")).getText().isBlank(), new Dimension(1920, 1080)),
          new Visit("examiner-station", "exam1", "/examiner.html?session=" + SESSION + "&station=s1",
              () -> !browser.findElement(By.id("checks")).getText().isBlank()
                  && !browser.findElements(By.cssSelector("#station-twins button")).isEmpty(), screen),
          new Visit("trainer", "train1", "/trainer.html", () -> browser.findElements(By.cssSelector("#library tr[data-scenario]")).size() > 1,
              screen),
          new Visit("admin", "boss", "/admin.html", () -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded")), screen),
          new Visit("twins", "exam1", "/twins.html", () -> !browser.findElements(By.cssSelector("#twins section td.v")).isEmpty()
              && !browser.findElement(By.id("health")).getText().isBlank(), screen));
      // the names this lab gives: its accounts, and the demo's broker connection
      Set<String> names = Set.of("exam1", "cand1", "cand2", "train1", "boss", "broker");
      List<String> blocking = new ArrayList<>();
      List<String> untranslated = new ArrayList<>();
      try {
        for (String language : List.of("en", "zh")) {
          // the language is the browser's choice, kept for every page of the origin; nobody logged in to begin with
          browser.manage().deleteAllCookies();
          browser.get(base + "/index.html");
          ((JavascriptExecutor) browser).executeScript("localStorage.setItem('twinlab.lang', arguments[0])", language);
          String signedIn = null;
          for (Visit visit : visits) {
            String where = visit.picture() + " (" + language + ")";
            if (!java.util.Objects.equals(signedIn, visit.user())) {
              browser.manage().deleteAllCookies();
              if (visit.user() != null) {
                Browsers.logIn(browser, base, visit.user(), ApiUsers.PASSWORD);
                seen(() -> !browser.getCurrentUrl().endsWith("/index.html"));
              }
              signedIn = visit.user();
            }
            long began = System.nanoTime();
            fit(browser, visit.window());
            browser.get(base + visit.path());
            seen(hasText);
            seen(visit.drawn());
            seen(() -> browser.findElement(By.tagName("html")).getAttribute("lang").startsWith(language));

            for (PageChecks.Violation v : PageChecks.axe(browser)) {
              if (v.blocking()) blocking.add(where + ": " + v);
              else System.out.println("[axe] " + where + ": " + v);
            }
            List<String> texts = PageChecks.shownTexts(browser);
            List<String> found = language.equals("zh")
                ? PageChecks.untranslatedOnChinesePage(texts, names) : PageChecks.untranslatedOnEnglishPage(texts);
            found.forEach(f -> untranslated.add(where + ": " + f));
            screenshots.take(browser, visit.picture() + "-" + language);
            System.out.printf("[page] %s checked in %d ms%n", where, (System.nanoTime() - began) / 1_000_000);
          }
        }
      } finally {
        browser.quit();
        get(runtime.stop());
      }
      List<String> problems = new ArrayList<>(blocking);
      problems.addAll(untranslated);
      assertThat(problems).as("serious or critical accessibility violations, then texts not in the page's language").isEmpty();
    }
  }
}
