package org.twinlab.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.web.Browsers.logIn;
import static org.twinlab.runtime.web.Browsers.seen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.twinlab.connectors.opcua.OpcUaPki;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.OpcUaSecurityConfig;

/**
 * The administrator's page in headless Chromium: an administrator lands on it, manages an account
 * through its dialogs (the new password really logs in, a locked account really cannot), finds the
 * account's trail by user, takes and checks a backup, downloads the platform key, sees health, and
 * trusts and removes an OPC UA server certificate; in Chinese no English word of the page is left.
 * Examiners and candidates who open it get none of its data; the live twins page leads each user
 * back to their own page.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class AdminPageInTheBrowserIT {
  @TempDir
  Path data;
  @TempDir
  Path elsewhere;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A GET from inside the page, with its login cookie: the status, and the body as text. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> fetch(WebDriver browser, String path) {
    return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({status: r.status, body: await r.text()}))"
            + ".catch(e => done({status: -1, body: String(e)}));", path);
  }

  private static int login(ApiUsers users, String user, String password) throws Exception {
    return get(users.anonymous().post("/api/v1/login").sendJsonObject(new JsonObject().put("user", user).put("password", password)))
        .statusCode();
  }

  /** Clicks a button that may still be drawn again by the page. */
  private static void click(WebDriver browser, String css) {
    seen(() -> {
      browser.findElement(By.cssSelector(css)).click();
      return true;
    });
  }

  private static void confirm(WebDriver browser) {
    seen(() -> browser.findElement(By.id("confirm-dialog")).isDisplayed());
    browser.findElement(By.id("confirm-ok")).click();
  }

  @Test
  void anAdministratorManagesAccountsBackupsKeysAndTrustFromTheirOwnPage(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      WebClient api = users.client("boss", Role.ADMIN);
      // a server certificate the runtime refused, waiting for an administrator's decision
      X509Certificate refused = OpcUaPki.at(elsewhere.resolve("pki")).ownCertificate().certificate();
      String thumbprint = OpcUaPki.thumbprint(refused);
      Path pki = OpcUaSecurityConfig.pkiDir(lab.config().dataDir());
      OpcUaPki.at(pki);
      Files.write(pki.resolve("rejected").resolve(thumbprint + ".der"), refused.getEncoded());
      String base = "http://127.0.0.1:" + runtime.port();
      WebDriver browser = Browsers.open();
      try {
        logIn(browser, base, "boss", ApiUsers.PASSWORD);
        seen(() -> browser.getCurrentUrl().endsWith("/admin.html"));
        seen(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded")));
        assertThat(browser.findElements(By.cssSelector("header nav.links a")).stream().map(a -> a.getAttribute("href")).toList())
            .containsExactly(base + "/examiner.html", base + "/trainer.html", base + "/twins.html");

        // a new account, then a new password set in the page's dialog: it logs in, the old one no longer does
        browser.findElement(By.id("new-name")).sendKeys("wu.hao");
        browser.findElement(By.id("new-display")).sendKeys("Wu Hao");
        browser.findElement(By.xpath("//select[@id='new-role']/option[@value='examiner']")).click();
        browser.findElement(By.id("new-password")).sendKeys("first-password-1");
        browser.findElement(By.id("add-user")).click();
        seen(() -> !browser.findElements(By.cssSelector("#accounts tr[data-user='wu.hao']")).isEmpty());
        assertThat(login(users, "wu.hao", "first-password-1")).isEqualTo(200);
        click(browser, "#accounts tr[data-user='wu.hao'] button.password");
        seen(() -> browser.findElement(By.id("password-dialog")).isDisplayed());
        browser.findElement(By.id("reset-password")).sendKeys("short");
        browser.findElement(By.id("password-save")).click();
        seen(() -> !browser.findElement(By.id("password-message")).getText().isBlank());
        assertThat(browser.findElement(By.id("password-dialog")).isDisplayed()).as("a refused password keeps the dialog open").isTrue();
        browser.findElement(By.id("reset-password")).clear();
        browser.findElement(By.id("reset-password")).sendKeys("second-password-2");
        browser.findElement(By.id("password-save")).click();
        seen(() -> !browser.findElement(By.id("password-dialog")).isDisplayed());
        seen(() -> browser.findElement(By.id("accounts-message")).getText().equals("New password set for wu.hao"));
        assertThat(login(users, "wu.hao", "second-password-2")).as("the new password").isEqualTo(200);
        assertThat(login(users, "wu.hao", "first-password-1")).as("the old password").isEqualTo(401);

        // locked, the right password no longer logs in; unlocked, it does again
        click(browser, "#accounts tr[data-user='wu.hao'] button.lock");
        confirm(browser);
        seen(() -> browser.findElement(By.cssSelector("#accounts tr[data-user='wu.hao']")).getAttribute("class").contains("locked-account"));
        assertThat(login(users, "wu.hao", "second-password-2")).as("a locked account").isEqualTo(401);
        click(browser, "#accounts tr[data-user='wu.hao'] button.lock");
        seen(() -> !browser.findElement(By.cssSelector("#accounts tr[data-user='wu.hao']")).getAttribute("class").contains("locked-account"));
        assertThat(login(users, "wu.hao", "second-password-2")).as("unlocked").isEqualTo(200);

        // the trail filtered by the user: what was done to the account and what it did, nothing else
        browser.findElement(By.id("audit-user")).sendKeys("wu.hao");
        browser.findElement(By.id("audit-apply")).click();
        seen(() -> browser.findElements(By.cssSelector("#audit tr[data-action]")).stream().map(r -> r.getAttribute("data-action")).toList()
            .containsAll(List.of("add user", "set password", "login", "login refused", "lock user", "unlock user")));
        for (WebElement r : browser.findElements(By.cssSelector("#audit tr[data-action]"))) {
          assertThat(List.of(r.getAttribute("data-by"), r.getAttribute("data-target"))).as(r.getText()).contains("wu.hao");
        }
        WebElement added = browser.findElement(By.cssSelector("#audit tr[data-action='add user'][data-target='wu.hao']"));
        assertThat(added.getText()).contains("boss").contains("account created").contains("examiner");
        assertThat(browser.findElement(By.id("audit-count")).getText())
            .isEqualTo(browser.findElements(By.cssSelector("#audit tr[data-action]")).size() + " entries, newest last");

        // a backup taken, listed, checked for restoring and downloadable
        browser.findElement(By.id("backup-take")).click();
        seen(() -> browser.findElements(By.cssSelector("#backups tr[data-file]")).size() == 1);
        JsonArray listed = get(api.get("/api/v1/backups").send()).bodyAsJsonArray();
        assertThat(listed).hasSize(1);
        String file = listed.getJsonObject(0).getString("file");
        assertThat(browser.findElement(By.cssSelector("#backups tr[data-file]")).getAttribute("data-file")).isEqualTo(file);
        click(browser, "#backups tr[data-file] button.check");
        seen(() -> browser.findElement(By.id("backups-message")).getText().startsWith(file + " can be restored: "));
        String href = browser.findElement(By.cssSelector("#backups tr[data-file] a.download")).getAttribute("href");
        assertThat(href).isEqualTo(base + "/api/v1/backups/" + file);
        Map<String, Object> zip = fetch(browser, href);
        assertThat(zip.get("status")).isEqualTo(200L);
        assertThat((String) zip.get("body")).startsWith("PK");

        // the platform's public key, downloaded from its link, is the one the API gives
        String keyHref = browser.findElement(By.id("platform-key")).getAttribute("href");
        Map<String, Object> key = fetch(browser, keyHref);
        assertThat(key.get("status")).isEqualTo(200L);
        assertThat((String) key.get("body")).startsWith("-----BEGIN PUBLIC KEY-----")
            .isEqualTo(get(users.anonymous().get("/api/v1/keys/platform").send()).bodyAsString());

        // health: the overall answer, every connection the API lists, the history store
        seen(() -> List.of("UP", "DEGRADED").contains(browser.findElement(By.id("health-status")).getAttribute("data-status")));
        List<String> connections = get(api.get("/api/v1/connections").send()).bodyAsJsonArray().stream()
            .map(c -> ((JsonObject) c).getString("id")).toList();
        assertThat(connections).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#connections tr[data-connection]")).stream()
            .map(r -> r.getAttribute("data-connection")).toList()).containsExactlyInAnyOrderElementsOf(connections);
        assertThat(browser.findElement(By.cssSelector("#history-status dd[data-field='store']")).getText())
            .isEqualTo(get(api.get("/api/v1/history/status").send()).bodyAsJsonObject().getString("store"));

        // the refused certificate trusted, then taken out of the list
        String cert = "#certificates tr[data-thumbprint='" + thumbprint + "']";
        seen(() -> "rejected".equals(browser.findElement(By.cssSelector(cert)).getAttribute("data-status")));
        click(browser, cert + " button.trust");
        confirm(browser);
        seen(() -> "trusted".equals(browser.findElement(By.cssSelector(cert)).getAttribute("data-status")));
        assertThat(get(api.get("/api/v1/opcua/certificates").send()).bodyAsJsonArray().getJsonObject(0).getString("status"))
            .isEqualTo("trusted");
        click(browser, cert + " button.remove");
        confirm(browser);
        seen(() -> browser.findElements(By.cssSelector(cert)).isEmpty());
        assertThat(get(api.get("/api/v1/opcua/certificates").send()).bodyAsJsonArray()).isEmpty();

        // in Chinese: none of the page's English words is left on it (once every connection is up, with no error of theirs shown)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
            .until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('twinlab.lang', 'zh')");
        browser.navigate().refresh();
        seen(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded")));
        seen(() -> browser.findElements(By.cssSelector("#audit tr[data-action]")).size() > 1);
        seen(() -> "UP".equals(browser.findElement(By.id("health-status")).getAttribute("data-status")));
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown).contains("账户").contains("审计记录").contains("创建账户");
        List<String> english = new ArrayList<>();
        adminWords().forEach((k, v) -> {
          for (String part : v.split("\\{\\w+\\}")) {
            if (part.trim().length() >= 3 && shown.contains(part.trim())) english.add(k + ": " + part.trim());
          }
        });
        assertThat(english).as("English words of the admin page shown in Chinese").isEmpty();
      } finally {
        browser.quit();
        get(runtime.stop());
      }
    }
  }

  @Test
  void examinersAndCandidatesWhoOpenTheAdminPageGetNoneOfItsDataAndTheTwinsPageLeadsThemHome(Vertx vertx) throws Exception {
    Browsers.require();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      ApiUsers users = new ApiUsers(vertx, runtime);
      users.token("exam1", Role.EXAMINER);
      users.token("cand1", Role.CANDIDATE);
      get(users.client("boss", Role.ADMIN).post("/api/v1/backups").send());
      String base = "http://127.0.0.1:" + runtime.port();
      List<String> adminData = List.of("/api/v1/users", "/api/v1/audit", "/api/v1/audit?user=boss", "/api/v1/backups",
          "/api/v1/opcua/certificates", "/api/v1/connections", "/api/v1/history/status");
      Map<String, String> home = new LinkedHashMap<>();
      home.put("exam1", "/examiner.html");
      home.put("cand1", "/station.html");
      for (var who : home.entrySet()) {
        WebDriver browser = Browsers.open();
        try {
          logIn(browser, base, who.getKey(), ApiUsers.PASSWORD);
          seen(() -> browser.getCurrentUrl().endsWith(who.getValue()));
          browser.get(base + "/admin.html");
          seen(() -> browser.getCurrentUrl().endsWith(who.getValue()));
          for (String path : adminData) {
            Map<String, Object> answer = fetch(browser, path);
            assertThat(answer.get("status")).as(who.getKey() + " GET " + path + ": " + answer.get("body")).isEqualTo(403L);
            assertThat((String) answer.get("body")).doesNotContain("boss");
          }
          // the live twins page leads back to the user's own page
          browser.get(base + "/twins.html");
          seen(() -> browser.findElement(By.id("home")).getAttribute("href").equals(base + who.getValue()));
          browser.findElement(By.id("home")).click();
          seen(() -> browser.getCurrentUrl().endsWith(who.getValue()));
        } finally {
          browser.quit();
        }
        Role role = who.getKey().equals("exam1") ? Role.EXAMINER : Role.CANDIDATE;
        WebClient client = users.client(who.getKey(), role);
        assertThat(get(client.put("/api/v1/users/boss/lock").sendJsonObject(new JsonObject().put("locked", true))).statusCode()).isEqualTo(403);
        assertThat(get(client.post("/api/v1/backups").send()).statusCode()).isEqualTo(403);
        String file = get(users.client("boss", Role.ADMIN).get("/api/v1/backups").send()).bodyAsJsonArray().getJsonObject(0).getString("file");
        assertThat(get(client.post("/api/v1/backups/" + file + "/check").send()).statusCode()).isEqualTo(403);
        assertThat(get(client.get("/api/v1/backups/" + file).send()).statusCode()).isEqualTo(403);
      }
      assertThat(runtime.accounts().find("boss").orElseThrow().locked()).isFalse();
      get(runtime.stop());
    }
  }

  /** The English words the admin page adds, by key, as its i18n-admin.js writes them. */
  static Map<String, String> adminWords() throws Exception {
    String js;
    try (var in = AdminPageInTheBrowserIT.class.getResourceAsStream("/webroot/i18n-admin.js")) {
      js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String en = js.substring(js.indexOf("Object.assign(STRINGS.en"), js.indexOf("Object.assign(STRINGS.zh"));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?:'([^']+)'|(\\w+)):\\s*'((?:[^'\\\\]|\\\\.)*)'").matcher(en);
    while (m.find()) out.put(m.group(1) != null ? m.group(1) : m.group(2), m.group(3));
    assertThat(out).as("the words read from i18n-admin.js").hasSizeGreaterThan(50);
    return out;
  }
}
