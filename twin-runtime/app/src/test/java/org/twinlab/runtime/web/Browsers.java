package org.twinlab.runtime.web;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.twinlab.testing.Peers;

/**
 * Headless Chromium for the web pages, from Debian's chromium and chromium-driver packages (no
 * driver is downloaded). Without them the browser tests skip, saying so, or fail where peers are
 * required.
 */
final class Browsers {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private Browsers() {}

  static void require() {
    Peers.require(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(), "headless Chromium and its driver",
        "apt-get install chromium chromium-driver");
  }

  /** Waits for a page still drawing: no element yet, or one swapped under the look, both mean "not yet". */
  static void seen(java.util.concurrent.Callable<Boolean> condition) {
    seenWithin(Duration.ofSeconds(60), condition);
  }

  /**
   * Waits for what the server works out at length (a dry run plays a scenario with a dozen
   * candidates, the coverage every library scenario twice): minutes, not seconds, on a loaded machine.
   */
  static void seenAfterLongWork(java.util.concurrent.Callable<Boolean> condition) {
    seenWithin(Duration.ofSeconds(240), condition);
  }

  private static void seenWithin(Duration bound, java.util.concurrent.Callable<Boolean> condition) {
    org.awaitility.Awaitility.await().atMost(bound)
        .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.StaleElementReferenceException
            || e instanceof org.openqa.selenium.NoSuchElementException)
        .until(condition);
  }

  /** Logs in at the login page. */
  static void logIn(WebDriver browser, String base, String user, String password) {
    browser.get(base + "/index.html");
    seen(() -> !browser.findElements(org.openqa.selenium.By.id("user")).isEmpty());
    browser.findElement(org.openqa.selenium.By.id("user")).sendKeys(user);
    browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    browser.findElement(org.openqa.selenium.By.id("login")).click();
  }

  static WebDriver open() {
    return open(1400, 1000);
  }

  /** A browser whose window has the size of the screen a page must fit. */
  static WebDriver open(int width, int height) {
    return open(width, height, "--disable-gpu");
  }

  /**
   * A browser that draws WebGL with no GPU: SwiftShader, Chromium's software renderer, through ANGLE
   * (the 3D pages' test).
   */
  static WebDriver openWithSoftwareWebGl() {
    return open(1400, 1000, "--use-angle=swiftshader", "--enable-unsafe-swiftshader");
  }

  private static WebDriver open(int width, int height, String... graphics) {
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
            "--lang=en-US")
        .addArguments(graphics);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
