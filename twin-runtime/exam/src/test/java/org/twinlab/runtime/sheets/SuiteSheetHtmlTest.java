package org.twinlab.runtime.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.scenario.DryRun;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

class SuiteSheetHtmlTest {

  private static StationResult result(String scenario) throws Exception {
    Scenario s = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
        .filter(x -> x.id().equals(scenario)).findFirst().orElseThrow();
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(s.reference()), new Scoring(StandardLoader.digitalTwinTechnician()),
        s.judgements());
    return new StationResult("exam-1", "Test exam", "s1", "cand1", "Li Lei", s, run.clock().state(), run.sheet(), Map.of(),
        List.of(), run.actions(), List.of(), run.faults(), run.clock().log(), "abc", false);
  }

  @Test
  void theSheetShowsTheSuiteCaseByCaseUnderTheTaskThatScoresIt() throws Exception {
    String html = SheetHtml.of(result("l3-test-mutation-suite-tank"));
    int task = html.indexOf("<h3>write-suite");
    int suite = html.indexOf("Test suite submitted at 15:00 by ");
    int next = html.indexOf("<h3>judge");
    assertThat(task).isPositive();
    assertThat(suite).isGreaterThan(task).isLessThan(next);
    String table = html.substring(suite, next);
    assertThat(table).contains("6 of 6 faulty variants detected, 0 false failures in 5 cases")
        .contains("<th class=\"small\">wrong_scale</th>").contains("<th class=\"small\">slow_update</th>")
        .contains("<td>1</td><td>level follows the setpoint</td><td class=\"passed\">pass</td><td>caught</td>")
        .contains("Caught by case").doesNotContain("false failure:").doesNotContain(">none<");
    // the PDF is drawn from the same page
    byte[] pdf = SheetPdf.render(html);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
  }

  @Test
  void theSheetShowsASecurityScriptCaseByCaseUnderTheTaskThatScoresIt() throws Exception {
    String html = SheetHtml.of(result("l3-test-security-suite-tank"));
    int task = html.indexOf("<h3>write-script");
    int script = html.indexOf("Security script submitted at 12:00 by ");
    int next = html.indexOf("<h3>judge");
    assertThat(task).isPositive();
    assertThat(script).isGreaterThan(task).isLessThan(next);
    assertThat(html.substring(script, next)).contains("3 of 3 insecure variants detected, 0 false failures in 7 cases")
        .contains("<th class=\"small\">range_unchecked</th><th class=\"small\">range_widened</th><th class=\"small\">read_only_writable</th>")
        .contains("<td>3</td><td>a manual output just above 100 % is refused</td><td class=\"passed\">pass</td><td>—</td><td>caught</td><td>—</td>")
        .contains("<td class=\"passed\">1, 2</td>").doesNotContain("false failure:").doesNotContain("Test suite submitted");
  }

  @Test
  void theSheetShowsEachArtefactInFullAfterTheExaminersMarks() throws Exception {
    String html = SheetHtml.of(result("l2-manage-procedure-trial-tank"));
    int marks = html.indexOf("<h2>Examiners' marks</h2>");
    int artefacts = html.indexOf("<h2>Artefacts for the review panel</h2>");
    assertThat(artefacts).isGreaterThan(marks).isPositive();
    String shown = html.substring(artefacts, html.indexOf("<h2>Evidence excerpts</h2>"));
    assertThat(shown).contains("<h3>Tank station commissioning plan <span class=\"small\">plan, handed in at 06:00 by reference</span></h3>")
        .contains("sections written: schedule,staffing,acceptance").contains("<h4>staffing</h4><p class=\"artefact\">Li, operator: runs the trial")
        .contains("<tr><td>level_high_mm</td><td>450</td></tr>").contains("<h4>changes</h4>");
    assertThat(SheetPdf.render(html)).isNotEmpty();
  }

  @Test
  void inChineseTheSuiteAndArtefactSectionsSpeakChinese() throws Exception {
    String suite = SheetHtml.of(result("l3-test-mutation-suite-tank"), SheetLanguage.ZH);
    String table = suite.substring(suite.indexOf("<h3>write-suite"), suite.indexOf("<h3>judge"));
    assertThat(table).contains("测试用例集 于 15:00 由 reference 提交：检出 6 / 6 个故障变体，0 次误报，共 5 个用例")
        .contains("<th>用例</th><th>正确的孪生体</th>").contains("<td class=\"passed\">通过</td><td>检出</td>").contains("检出该变体的用例")
        .doesNotContain("submitted at").doesNotContain("Caught by case").doesNotContain(">pass<").doesNotContain(">caught<")
        .doesNotContain("variants detected");
    String security = SheetHtml.of(result("l3-test-security-suite-tank"), SheetLanguage.ZH);
    assertThat(security).contains("安全测试脚本 于 12:00 由 reference 提交：检出 3 / 3 个不安全变体，0 次误报，共 7 个用例")
        .doesNotContain("Security script");

    String artefacts = SheetHtml.of(result("l2-manage-procedure-trial-tank"), SheetLanguage.ZH);
    int start = artefacts.indexOf("<h2>供评审组审阅的成果物</h2>");
    assertThat(start).isPositive();
    String shown = artefacts.substring(start, artefacts.indexOf("<h2>证据摘录</h2>"));
    assertThat(shown).contains("<span class=\"small\">计划，06:00 由 reference 提交</span>").contains("已写章节：schedule,staffing,acceptance")
        .contains("<th>数据项</th><th>数值</th>").doesNotContain("handed in").doesNotContain("words;").doesNotContain("<th>Figure</th>");
    // the PDF draws the Chinese sections with the sheet's embedded CJK font
    try (var doc = org.apache.pdfbox.Loader.loadPDF(SheetPdf.render(artefacts))) {
      String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFKC);
      assertThat(text).contains("供评审组审阅的成果物").contains("数据项").doesNotContain("###");
    }
  }

  @Test
  void everySheetWordHasItsChinese() {
    assertThat(SheetLanguage.ZH.keys()).containsExactlyInAnyOrderElementsOf(SheetLanguage.EN.keys());
  }

  @Test
  void aSheetWithoutASuiteHasNoSuiteTable() throws Exception {
    assertThat(SheetHtml.of(result("l4-operate-tank-setpoint"))).doesNotContain("Test suite submitted").doesNotContain("Caught by case");
  }
}
