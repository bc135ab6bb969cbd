package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;

/**
 * The trainer's workshop in headless Chromium: a trainer opens a library scenario (as a copy of
 * their own), is offered the schema's keys as they type, sees a deliberate mistake marked at its
 * line, fixes it, saves two versions and opens the first again, dry-runs it and reads the
 * adversarial table; then checks a model file with a mistake and sees file:line:column. The same
 * in Chinese leaves none of the workshop's English words on the page.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TrainerWorkshopInTheBrowserIT {
  private static final String LIBRARY = "l4-operate-tank-setpoint";
  private static final String COPY = LIBRARY + "-copy";
  private static final Path MOTOR = Path.of("..", "..", "models", "src", "main", "resources", "models", "motor-vibration.yaml");

  @TempDir
  Path data;
  @TempDir
  Path files;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Object js(WebDriver b, String script, Object... args) {
    return ((JavascriptExecutor) b).executeScript(script, args);
  }

  private static String editorText(WebDriver b) {
    return (String) js(b, "return window.twinlabWorkshop.text()");
  }

  /** The 1-based line of the editor's text that starts with {@code start}. */
  private static int lineOf(WebDriver b, String start) {
    List<String> lines = List.of(editorText(b).split("\n", -1));
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(start)) return i + 1;
    throw new AssertionError("no line starting " + start);
  }

  private static void replaceLine(WebDriver b, int line, String text) {
    js(b, "const cm = window.twinlabWorkshop.cm; const l = arguments[0] - 1;"
        + "cm.replaceRange(arguments[1], {line: l, ch: 0}, {line: l, ch: cm.getLine(l).length});", line, text);
  }

  @Test
  void aTrainerEditsALibraryScenarioSavesVersionsDryRunsItAndChecksAModel(Vertx vertx) throws Exception {
    Browsers.require();
    String motor = Files.readString(MOTOR);
    String badMotor = motor.replace("type: double, unit: A", "type: doubble, unit: A");
    Path badModelFile = Files.writeString(files.resolve("my-motor.yaml"), badMotor);
    int badModelLine = List.of(badMotor.split("\n", -1)).indexOf(badMotor.lines().filter(l -> l.contains("doubble")).findFirst().orElseThrow()) + 1;
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      new ApiUsers(vertx, runtime).token("wang", Role.TRAINER);
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver b = Browsers.open();
      try {
        Browsers.logIn(b, base, "wang", ApiUsers.PASSWORD);
        seen(() -> b.getCurrentUrl().endsWith("/trainer.html"));
        seen(() -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-loaded")));
        assertThat(b.findElements(By.cssSelector("script[src]")).stream().map(s -> s.getAttribute("src")))
            .as("every script from the runtime itself").allMatch(src -> src.startsWith(base + "/"));

        // a library scenario opens as the trainer's own copy; the library stays as shipped
        b.findElement(By.cssSelector("#library tr[data-scenario='" + LIBRARY + "'] button.open")).click();
        seen(() -> editorText(b).contains("scenario: " + COPY));
        assertThat(b.findElement(By.id("editor-note")).getText()).contains(LIBRARY).contains(COPY).contains("library scenario");
        assertThat(b.findElement(By.id("yaml-name")).getAttribute("value")).isEqualTo(COPY + ".yaml");

        // typing a key at the top level offers the schema's keys; a value, its allowed values
        js(b, "const cm = window.twinlabWorkshop.cm; cm.focus(); cm.setCursor({line: cm.lineCount() - 1, ch: 0});"
            + "cm.replaceRange('\\n', {line: cm.lineCount() - 1, ch: cm.getLine(cm.lineCount() - 1).length}); cm.setCursor({line: cm.lineCount() - 1, ch: 0});");
        b.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys("pas");
        seen(() -> b.findElements(By.cssSelector(".CodeMirror-hints li")).stream().map(WebElement::getText).toList().contains("pass_mark"));
        b.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.ESCAPE);
        int skill = lineOf(b, "skill:");
        js(b, "const cm = window.twinlabWorkshop.cm; cm.focus(); cm.setCursor({line: arguments[0] - 1, ch: cm.getLine(arguments[0] - 1).length});", skill);
        b.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
            Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        b.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.CONTROL, Keys.SPACE);
        seen(() -> b.findElements(By.cssSelector(".CodeMirror-hints li")).stream().map(WebElement::getText).toList()
            .containsAll(List.of("install", "operate", "debug")));
        b.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(Keys.ESCAPE);
        js(b, "const cm = window.twinlabWorkshop.cm; cm.replaceRange('', {line: cm.lineCount() - 2, ch: cm.getLine(cm.lineCount() - 2).length},"
            + " {line: cm.lineCount() - 1, ch: cm.getLine(cm.lineCount() - 1).length});");

        // a deliberate mistake is marked at its line; fixed, the scenario checks and saves as version 1
        replaceLine(b, skill, "skill: operatee");
        b.findElement(By.id("validate")).click();
        seen(() -> !b.findElements(By.cssSelector(".problem-widget[data-line='" + skill + "']")).isEmpty());
        assertThat(b.findElement(By.cssSelector(".problem-widget[data-line='" + skill + "']")).getText())
            .contains(COPY + ".yaml:" + skill + ":").contains("skill");
        assertThat(b.findElements(By.cssSelector(".CodeMirror .problem-line"))).isNotEmpty();
        assertThat(b.findElement(By.id("yaml-message")).getText()).contains("marked at its line");
        replaceLine(b, skill, "skill: operate");
        b.findElement(By.id("upload")).click();
        seen(() -> b.findElement(By.id("yaml-message")).getText().contains("Saved " + COPY + ": version 1"));
        assertThat(b.findElements(By.cssSelector(".problem-widget"))).isEmpty();
        String first = editorText(b);
        replaceLine(b, lineOf(b, "version:"), "version: 3");
        b.findElement(By.id("upload")).click();
        seen(() -> b.findElement(By.id("yaml-message")).getText().contains("Saved " + COPY + ": version 2"));
        seen(() -> b.findElements(By.cssSelector("#versions option")).size() == 2);
        b.findElement(By.cssSelector("#versions option[value='1']")).click();
        b.findElement(By.id("open-version")).click();
        seen(() -> editorText(b).equals(first));
        seen(() -> !b.findElements(By.cssSelector("#library tr[data-scenario='" + COPY + "']")).isEmpty());

        // the dry run beside the editor: a row per scripted candidate, what its rule expects and whether it met it
        b.findElement(By.id("dry-run-open")).click();
        Browsers.seenAfterLongWork(() -> !b.findElements(By.cssSelector("#dry-run-candidates tr[data-kind='task-alone']")).isEmpty());
        String reference = b.findElement(By.cssSelector("#dry-run-candidates tr[data-kind='reference']")).getText();
        assertThat(reference).contains("Reference solution").contains("100.0").contains("PASSED").contains("passes with 100").contains("ok");
        assertThat(b.findElement(By.cssSelector("#dry-run-candidates tr[data-kind='idle']")).getText())
            .contains("Does nothing").contains("0.0").contains("FAILED").contains("earns nothing");
        assertThat(b.findElement(By.cssSelector("#dry-run-candidates tr[data-kind='motions']")).getText())
            .contains("Goes through the motions").contains("fails, with at most a third");
        assertThat(b.findElements(By.cssSelector("#dry-run-candidates tr[data-kind='random']"))).hasSize(org.twinlab.runtime.scenario.DryRun.RANDOM_CANDIDATES);
        assertThat(b.findElements(By.cssSelector("#dry-run-candidates tr[data-verdict]")).stream().map(r -> r.getAttribute("data-verdict")))
            .as("a fair scenario: every candidate as its rule expects").allMatch("ok"::equals);
        assertThat(b.findElement(By.id("dry-run-findings")).getText()).contains("every scripted candidate scored as its rule expects");
        // side by side: the table stands to the right of the editor, not below it
        assertThat(b.findElement(By.cssSelector(".dry-run-pane")).getLocation().getX())
            .isGreaterThan(b.findElement(By.cssSelector(".editor-pane")).getLocation().getX() + 200);

        // a model file with a mistake: file:line:column, marked in the editor
        b.findElement(By.cssSelector("#file-kind option[value='model']")).click();
        seen(() -> !b.findElement(By.id("upload")).isDisplayed());
        b.findElement(By.id("file-pick")).sendKeys(badModelFile.toAbsolutePath().toString());
        seen(() -> editorText(b).contains("doubble"));
        b.findElement(By.id("validate")).click();
        seen(() -> !b.findElements(By.cssSelector(".problem-widget[data-line='" + badModelLine + "']")).isEmpty());
        assertThat(b.findElement(By.cssSelector("#problems li")).getText()).startsWith("my-motor.yaml:" + badModelLine + ":");
        replaceLine(b, badModelLine, motor.split("\n", -1)[badModelLine - 1]);
        b.findElement(By.id("validate")).click();
        seen(() -> b.findElement(By.id("yaml-message")).getText().contains("model motor-vibration"));

        // in Chinese: the same scenario opens, its mistake is marked, the dry run reads in Chinese
        js(b, "localStorage.setItem('twinlab.lang', 'zh')");
        b.navigate().refresh();
        seen(() -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-loaded")));
        b.findElement(By.cssSelector("#library tr[data-scenario='" + COPY + "'] button.open")).click();
        seen(() -> editorText(b).contains("scenario: " + COPY));
        replaceLine(b, lineOf(b, "skill:"), "skill: operatee");
        b.findElement(By.id("validate")).click();
        seen(() -> !b.findElements(By.cssSelector(".problem-widget")).isEmpty());
        assertThat(b.findElement(By.id("yaml-message")).getText()).contains("均已标在所在行");
        b.findElement(By.id("dry-run-open")).click();
        Browsers.seenAfterLongWork(() -> !b.findElements(By.cssSelector("#dry-run-candidates tr[data-kind='reference']")).isEmpty());
        assertThat(b.findElement(By.cssSelector("#dry-run-candidates tr[data-kind='reference']")).getText()).contains("参考解答").contains("通过");
        assertThat(b.findElement(By.cssSelector("#dry-run-candidates tr:first-child")).getText()).contains("应有结果").contains("判定");
        String shown = (String) js(b, "const c = document.body.cloneNode(true);"
            + "c.querySelectorAll('.CodeMirror, .why, #problems, .problem-widget, #yaml-message, #coverage, #coverage-summary').forEach(e => e.remove()); return c.innerText;");
        List<String> english = new ArrayList<>();
        workshopWords().forEach((k, v) -> {
          for (String part : v.split("\\{\\w+\\}")) {
            String words = part.trim();
            // a lone lower-case word left between placeholders ("model", "twin") is also in ids such as twinlab's own name
            boolean phrase = words.contains(" ") || (!words.isEmpty() && Character.isUpperCase(words.charAt(0)));
            if (words.length() >= 4 && phrase && shown.contains(words)) english.add(k + ": " + words);
          }
        });
        assertThat(english).as("English words of the workshop shown in Chinese").isEmpty();
      } finally {
        b.quit();
        get(runtime.stop());
      }
    }
  }

  /** The English words the workshop adds, by key, as i18n-trainer.js writes them. */
  static Map<String, String> workshopWords() throws Exception {
    String js;
    try (var in = TrainerWorkshopInTheBrowserIT.class.getResourceAsStream("/webroot/i18n-trainer.js")) {
      js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String en = js.substring(js.indexOf("Object.assign(STRINGS.en"), js.indexOf("Object.assign(STRINGS.zh"));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?:'([^']+)'|(\\w+)):\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"([^\"]*)\")").matcher(en);
    while (m.find()) out.put(m.group(1) != null ? m.group(1) : m.group(2), m.group(3) != null ? m.group(3) : m.group(4));
    assertThat(out).as("the words read from i18n-trainer.js").hasSizeGreaterThan(40);
    return out;
  }
}
