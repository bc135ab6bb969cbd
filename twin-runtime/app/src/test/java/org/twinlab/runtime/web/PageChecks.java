package org.twinlab.runtime.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a user meets on a page, checked as they would meet it: axe-core's accessibility rules, and
 * every word shown (text, placeholders, titles, accessible names) in the page's language.
 */
final class PageChecks {
  /** axe-core as Deque ships it inside its Selenium artefact; only the script is used. */
  private static final String AXE = axeSource();

  /** A violation axe found: its rule, impact, and the elements it names. */
  record Violation(String rule, String impact, String help, List<String> targets) {
    boolean blocking() {
      return impact.equals("serious") || impact.equals("critical");
    }

    @Override
    public String toString() {
      return impact + " " + rule + " (" + help + "): " + String.join(", ", targets);
    }
  }

  /**
   * Words a Chinese page may show in Latin letters, each for a reason: the product's name,
   * protocol and file-format names that Chinese texts write in Latin letters too, the language
   * switch (it names the other language), a key as the keyboard prints it (Ctrl), unit symbols, and the protocols as connections name
   * them. Identifiers (a digit, or one of {@code _ . / # : @ = ; " [ ] < >} inside, or a hyphen
   * between letters, or an option's leading hyphen: twin, station and scenario ids, addresses,
   * times, versions) and the names the lab gives (accounts, connections) are let through by rule,
   * not listed.
   */
  static final Set<String> LATIN_ALLOWED = Set.of(
      "twinlab", "English", "OPC", "UA", "MQTT", "Sparkplug", "HTML", "PDF", "CSV", "JSON", "YAML", "API", "PLC", "SQLite",
      "InfluxDB", "TLS", "ID", "HTTP", "HTTPS", "WebSocket", "Ctrl",
      "s", "ms", "min", "h", "mm", "m", "L", "Hz", "kPa", "bar", "rpm", "V", "A", "kW", "W", "g", "mg", "C", "K", "dBm",
      "opcua", "mqtt", "sparkplug");

  /**
   * The keywords of the check language and of alarm conditions, which are code, not English: let
   * through in the tooltips that show a check's measure or an alarm's condition only.
   */
  static final Set<String> CHECK_LANGUAGE = Set.of("and", "or", "not", "holds", "for", "after", "before", "last", "first", "never",
      "eventually", "always", "tracks", "within", "abs", "true", "false", "between", "count", "of");

  /**
   * What a page shows as it came, not in words of its own: a twin's values and the range a write
   * allows (the rig's data: true, false, auto), command lines and code, and the history store's
   * description as the API gives it.
   */
  static final List<String> AS_IT_CAME = List.of("td.v", "span.write-allowed", "code", "dd[data-field=store]");

  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'’]*");
  private static final Pattern IDENTIFIER = Pattern.compile("-.*|.*([0-9_./#:@=;\"\\[\\]<>]|[A-Za-z]-[A-Za-z0-9]).*");
  private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");

  private PageChecks() {}

  private static String axeSource() {
    try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs axe-core on the page as it stands (WCAG 2.1 A and AA rules and axe's best practices). */
  static List<Violation> axe(WebDriver browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(AXE);
    Object answer = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(r => done(JSON.stringify(r.violations.map(v => ({rule: v.id, impact: v.impact || 'minor', help: v.help,"
            + "  targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160))})))))"
            + ".catch(e => done(JSON.stringify({error: String(e)})));");
    String text = String.valueOf(answer);
    if (text.startsWith("{")) throw new IllegalStateException("axe-core failed: " + text);
    List<Violation> out = new ArrayList<>();
    for (Object o : new JsonArray(text)) {
      JsonObject v = (JsonObject) o;
      out.add(new Violation(v.getString("rule"), v.getString("impact"), v.getString("help"),
          v.getJsonArray("targets").stream().map(String::valueOf).toList()));
    }
    return out;
  }

  /**
   * Every piece of text a user meets on the page: each visible text node, the options of its
   * lists, and the placeholder, title, aria-label and alt of its elements, each with the element
   * it sits on.
   */
  @SuppressWarnings("unchecked")
  static List<String> shownTexts(WebDriver browser) {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "const out = [];"
            + "const asItCame = e => e.closest(arguments[0]);"
            + "const where = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');"
            + "const shown = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && getComputedStyle(e).visibility !== 'hidden';"
            + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
            + "  const p = n.parentElement; const s = n.textContent.trim();"
            + "  if (!s || !p || ['SCRIPT', 'STYLE', 'TEXTAREA', 'PRE'].includes(p.tagName)) continue;"
            + "  if (asItCame(p)) continue;"
            + "  if (p.tagName === 'OPTION' ? shown(p.parentElement.closest('select, datalist') || p) : shown(p)) out.push(where(p) + ' | ' + s);"
            + "}"
            + "for (const e of document.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {"
            + "  if (!shown(e)) continue;"
            + "  for (const a of ['placeholder', 'title', 'aria-label', 'alt']) { const v = (e.getAttribute(a) || '').trim(); if (v) out.push(where(e) + '[' + a + '] | ' + v); }"
            + "}"
            + "out.push('title | ' + document.title);"
            + "return out;", String.join(", ", AS_IT_CAME));
  }

  /** The texts of a Chinese page that hold Latin words no rule allows, each with the words. */
  static List<String> untranslatedOnChinesePage(List<String> texts, Set<String> names) {
    List<String> out = new ArrayList<>();
    for (String entry : texts) {
      String text = entry.substring(entry.indexOf(" | ") + 3);
      List<String> words = new ArrayList<>();
      boolean tooltip = entry.contains("[title] | ");
      for (String token : text.split("[\\s,()（）{}·…：，。、|]+")) {
        if (token.isEmpty() || IDENTIFIER.matcher(token).matches() || names.contains(token)) continue;
        var m = LATIN_WORD.matcher(token);
        while (m.find()) {
          if (!LATIN_ALLOWED.contains(m.group()) && !(tooltip && CHECK_LANGUAGE.contains(m.group()))) words.add(m.group());
        }
      }
      if (!words.isEmpty()) out.add(entry + "  ← " + String.join(" ", words));
    }
    return out;
  }

  /** The texts of an English page that hold Chinese characters; the language switch names Chinese in Chinese. */
  static List<String> untranslatedOnEnglishPage(List<String> texts) {
    return texts.stream().filter(e -> !e.startsWith("button#lang") && CJK.matcher(e).find()).toList();
  }
}
