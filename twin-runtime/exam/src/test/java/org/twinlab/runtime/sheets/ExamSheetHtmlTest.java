package org.twinlab.runtime.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamPart;
import org.twinlab.scenarios.exam.ExamScoring;
import org.twinlab.scenarios.exam.ExamSheet;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/** The exam sheet page shows the numbers ExamScoring computed: per function, per part, the total and the verdict. */
class ExamSheetHtmlTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(STANDARD));
  private static final Instant AT = Instant.parse("2026-01-05T08:10:00Z");

  private static Scenario scenario(String id) {
    return LIBRARY.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static ExamPart part(String id) {
    Scenario s = scenario(id);
    return new ExamPart(s, s.tasks().stream().map(t -> t.id()).toList(), s.timeLimit());
  }

  private static Map<String, Verdict> all(String scenario, Verdict.Outcome outcome) {
    return scenario(scenario).tasks().stream().flatMap(t -> t.checks().stream())
        .collect(Collectors.toMap(c -> c.id(), c -> new Verdict(outcome, AT, "set by the test")));
  }

  private static Exam exam(String title, ExamPart... parts) {
    return new Exam("l4-hand", 1, Localized.of(title), Localized.of(title), Level.L4, Duration.ofMinutes(120), Exam.Order.GIVEN, 60,
        List.of(parts), List.of("tank-process"), "test");
  }

  /** ExamTest's L4 exam: O&M 11/13 × 30 = 25.4, testing never started 0/19 × 25 = 0, operation 16/16 × 45 = 45; 70.4, a pass. */
  private static final Exam HAND = exam("Tank <exam> & co", part("l4-debug-tank-level-scale"), part("l4-test-design-cases-conveyor"),
      part("l4-operate-tank-setpoint"));

  private static ExamSheet handSheet() {
    Map<String, Verdict> debug = new HashMap<>(all("l4-debug-tank-level-scale", Verdict.Outcome.PASSED));
    debug.put("alarm-not-broken", new Verdict(Verdict.Outcome.FAILED, AT, "set by the test"));
    return new ExamScoring(STANDARD).score(HAND, Map.of(
        "l4-debug-tank-level-scale", new ExamScoring.PartResult(debug, Map.of("record-explains", 2)),
        "l4-operate-tank-setpoint", new ExamScoring.PartResult(all("l4-operate-tank-setpoint", Verdict.Outcome.PASSED), Map.of())));
  }

  private static String row(ExamSheet sheet, int function, String... cells) {
    return "<tr class=\"function\"><td>" + SheetHtml.esc(sheet.functions().get(function).name().en()) + "</td><td>"
        + String.join("</td><td>", cells) + "</td></tr>";
  }

  @Test
  void theFunctionTableThePartsAndTheTotalShowTheScoredNumbers() {
    ExamSheet sheet = handSheet();
    String html = ExamSheetHtml.of(HAND, sheet, "Li Lei (cand1)");
    assertThat(html).contains(row(sheet, 0, "30", "11", "13", "—", "84.6 %", "25.4"))
        .contains(row(sheet, 1, "25", "0", "19", "—", "0 %", "0"))
        .contains(row(sheet, 2, "45", "16", "16", "—", "100 %", "45"))
        .contains("<tr class=\"subtotal\"><th>Total</th><th>100</th><th></th><th></th><th></th><th></th><th>70.4</th></tr>");
    assertThat(html).contains("<h2>Part 1: " + SheetHtml.esc(scenario("l4-debug-tank-level-scale").title().en()) + "</h2>")
        .contains("l4-debug-tank-level-scale v" + scenario("l4-debug-tank-level-scale").version() + ", ")
        .contains("11 of 13 points</p>")
        .contains("never started, nothing earned — 0 of 19 points</p>")
        .contains("16 of 16 points</p>");
    // each part's own sheet: its checks under its tasks, the failed one and the marked judgement
    assertThat(html).contains("<td>alarm-not-broken</td>").contains("<td class=\"failed\">failed</td>")
        .contains("<td class=\"marked\">marked</td>").contains("<h4>");
    assertThat(html).contains("Total 70.4 of 100 — pass mark 60 — PASSED</p>").doesNotContain("provisional");
    assertThat(html.indexOf("<h2>Functions</h2>")).as("functions first, the total last").isLessThan(html.indexOf("<h2>Part 1"));
    assertThat(html.indexOf("<h2>Part 3")).isLessThan(html.indexOf("Total 70.4 of 100"));
    assertThat(html).contains("Tank &lt;exam&gt; &amp; co").doesNotContain("<exam>");
  }

  @Test
  void anUnmarkedJudgementMakesTheSheetProvisionalWithNoVerdictAndItsPointsNotDecided() {
    Exam exam = exam("Debug only", part("l4-debug-tank-level-scale"));
    ExamSheet sheet = new ExamScoring(STANDARD).score(exam, Map.of(
        "l4-debug-tank-level-scale", new ExamScoring.PartResult(all("l4-debug-tank-level-scale", Verdict.Outcome.PASSED), Map.of())));
    String html = ExamSheetHtml.of(exam, sheet);
    assertThat(html).contains(row(sheet, 0, "30", "10", "13", "3", "76.9 %", "23.1"))
        .contains("Provisional — total so far 23.1 of 100 with 3 point(s) not decided yet — pass mark 60 — no result until every point is decided</p>")
        .doesNotContain("FAILED").doesNotContain("PASSED")
        .contains("<td class=\"unmarked\">unmarked</td>");
  }

  @Test
  void anExamNoPartOfWhichStartedPrintsNoTotalAndNoFailure() throws Exception {
    // nothing begun is nothing decided: not a red zero
    ExamSheet sheet = new ExamScoring(STANDARD).score(HAND, Map.of());
    for (SheetLanguage l : SheetLanguage.values()) {
      String html = ExamSheetHtml.of(HAND, sheet, "李雷 (cand1)", l);
      assertThat(html).contains("lang=\"" + l.tag() + "\"").contains(l == SheetLanguage.ZH ? "未开始" : "Not started")
          .doesNotContain("FAILED").doesNotContain("不合格").doesNotContain("class=\"failed\"").doesNotContain("Total 0.0");
      try (PDDocument doc = Loader.loadPDF(SheetPdf.render(html))) {
        assertThat(new PDFTextStripper().getText(doc)).contains("李雷").doesNotContain("FAILED").doesNotContain("不合格");
      }
    }
    assertThat(ExamSheetHtml.of(HAND, sheet, null, SheetLanguage.ZH)).contains("<h1>考试成绩单</h1>").contains(Level.L4.zh());
  }

  @Test
  void thePageIsWellFormedXhtmlAndPrints() throws Exception {
    String html = ExamSheetHtml.of(HAND, handSheet(), "=\"Li\" <Lei> & co");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    try (PDDocument doc = Loader.loadPDF(SheetPdf.render(html))) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("Exam sheet").contains("Total 70.4 of 100").contains("=\"Li\" <Lei> & co");
    }
  }
}
