package org.twinlab.runtime.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * Sheets print in the reader's language: a Chinese sheet's own words, the scenario's and the
 * standard's names in Chinese, and its PDF carries a CJK font so the Chinese survives printing;
 * each examiner of the station has a line to sign.
 */
class SheetLanguageTest {
  private static final Scenario BEARING = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals("l4-monitor-motor-bearing")).findFirst().orElseThrow();
  private static final String TITLE = "上午考核 第一场";
  private static final List<StationResult.Examiner> PANEL = List.of(new StationResult.Examiner("exam1", "王芳"),
      new StationResult.Examiner("exam2", "Zhang Wei"), new StationResult.Examiner("exam3", "刘洋"));

  private static StationResult result(StationClock.State state, boolean decided) {
    Map<String, Verdict> verdicts = new HashMap<>();
    Map<String, Integer> marks = new HashMap<>();
    if (decided) {
      for (CheckDef c : BEARING.checks()) {
        if (c.kind() == CheckDef.Kind.JUDGEMENT) marks.put(c.id(), 1);
        else verdicts.put(c.id(), new Verdict(Verdict.Outcome.FAILED, Instant.EPOCH, "the bearing alarm was never acknowledged"));
      }
    }
    ScoreSheet sheet = new Scoring(StandardLoader.digitalTwinTechnician()).score(BEARING, verdicts, marks);
    return new StationResult("exam-am", TITLE, "s1", "cand1", "李雷", BEARING, state, sheet, Map.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), "0".repeat(64), false, PANEL);
  }

  @Test
  void aChineseSheetIsMarkedChineseAndSpeaksChinese() throws Exception {
    String html = SheetHtml.of(result(StationClock.State.ENDED, true), SheetLanguage.ZH);
    assertThat(html).contains("lang=\"zh-CN\"").contains("<h1>成绩单</h1>").contains("<h2>职业功能</h2>").contains("<h2>任务与检查</h2>")
        .contains("<h2>签名</h2>").contains(SheetHtml.esc(BEARING.title().zh())).contains(Level.L4.zh()).contains("监测")
        .contains(TITLE).contains("不合格").contains("未通过").contains("评分 1 / 3").doesNotContain("marked 1 of 3")
        .doesNotContain(">Score sheet<").doesNotContain(">Functions<").doesNotContain("FAILED").doesNotContain(">failed<");
    wellFormed(html);
  }

  @Test
  void anEnglishSheetNamesTheLevelInEnglish() {
    String html = SheetHtml.of(result(StationClock.State.ENDED, true), SheetLanguage.EN);
    assertThat(html).contains("lang=\"en\"").contains("<h1>Score sheet</h1>").contains("Level 4 (intermediate worker)").contains("marked 1 of 3")
        .contains(SheetHtml.esc(BEARING.title().en())).doesNotContain(Level.L4.zh()).doesNotContain("中级工");
  }

  @Test
  void eachExaminerHasASignatureLine() {
    for (SheetLanguage l : SheetLanguage.values()) {
      String html = SheetHtml.of(result(StationClock.State.ENDED, true), l);
      String signatures = html.substring(html.indexOf("<table class=\"signatures\">"));
      signatures = signatures.substring(0, signatures.indexOf("</table>"));
      assertThat(signatures.split("<tr class=\"signature\">", -1)).hasSize(PANEL.size() + 1);
      for (StationResult.Examiner e : PANEL) assertThat(signatures).contains("<td>" + e.shown() + "</td><td class=\"line\"></td>");
    }
  }

  @Test
  void aCandidatesCopyNamesTheExaminersByTheirAccountsOnly() {
    String html = SheetHtml.of(result(StationClock.State.ENDED, true).withoutExaminerNames(), SheetLanguage.ZH);
    assertThat(html).contains("<td>exam1</td><td class=\"line\"></td>").doesNotContain("王芳").doesNotContain("Zhang Wei");
  }

  @Test
  void aStationNotStartedPrintsNoFailure() throws Exception {
    for (SheetLanguage l : SheetLanguage.values()) {
      String html = SheetHtml.of(result(StationClock.State.READY, false), l);
      assertThat(html).doesNotContain("FAILED").doesNotContain("不合格").doesNotContain("class=\"failed\"").doesNotContain("0.0 ");
      try (PDDocument doc = Loader.loadPDF(SheetPdf.render(html))) {
        String text = new PDFTextStripper().getText(doc);
        assertThat(text).doesNotContain("FAILED").doesNotContain("failed").doesNotContain("不合格").doesNotContain("未通过");
        assertThat(text).contains(l == SheetLanguage.ZH ? "未开始" : "Not started");
      }
    }
  }

  @Test
  void theChinesePdfPrintsChineseWithAnEmbeddedFont() throws Exception {
    String html = SheetHtml.of(result(StationClock.State.ENDED, true), SheetLanguage.ZH);
    try (PDDocument doc = Loader.loadPDF(SheetPdf.render(html))) {
      String text = new PDFTextStripper().getText(doc);
      // a glyph shared by two code points (一 and the radical ⼀) may come back as either: compare compatibility forms
      String flat = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", " ");
      assertThat(flat).contains(TITLE).contains("成绩单").contains("职业功能").contains("任务与检查").contains("签名").contains("考评员")
          .contains("李雷").contains("王芳").contains("刘洋").contains("Zhang Wei (exam2)").contains(BEARING.title().zh().replaceAll("\\s+", " "))
          .doesNotContain("###");
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
      }
      assertThat(fonts).anySatisfy(f -> {
        assertThat(f.getName()).contains("NotoSansSC");
        assertThat(f.isEmbedded()).isTrue();
      });
    }
  }

  @Test
  void theScoringsReasonsReadInChineseWithTheirTimesAndNamesKept() {
    Map<String, String> reasons = new java.util.LinkedHashMap<>();
    reasons.put("waiting for the window to open", "等待时间窗口开启");
    reasons.put("the window opens at +30.0 s", "时间窗口于 +30.0 s 开启");
    reasons.put("the window never opened", "时间窗口从未开启");
    reasons.put("true at +12.5 s", "于 +12.5 s 成立");
    reasons.put("not yet true", "尚未成立");
    reasons.put("never seen true, but the platform could not see part of the window", "未见成立，但平台未能观测到部分时间窗口");
    reasons.put("never true between +0.0 s and +60.0 s", "在 +0.0 s 至 +60.0 s 之间从未成立");
    reasons.put("false at +4.0 s: tank.level = 312.5, pump.running = unknown", "于 +4.0 s 为假：tank.level = 312.5, pump.running = unknown");
    reasons.put("not true so far", "目前尚未成立");
    reasons.put("true so far", "目前一直成立");
    reasons.put("held while seen, but the platform could not see part of the window", "观测期间一直成立，但平台未能观测到部分时间窗口");
    reasons.put("never true from +0.0 s to +60.0 s", "从 +0.0 s 到 +60.0 s 从未成立");
    reasons.put("true throughout from +0.0 s to +60.0 s", "从 +0.0 s 到 +60.0 s 始终成立");
    reasons.put("held for 10.0 s from +5.0 s", "自 +5.0 s 起保持 10.0 s");
    reasons.put("longest so far 3.0 s of 10.0 s", "目前最长保持 3.0 s（要求 10.0 s）");
    reasons.put("could have held for 10.0 s, but the platform could not see part of it", "可能已保持 10.0 s，但平台未能观测到其中一部分");
    reasons.put("held for at most 3.0 s of 10.0 s", "最多保持 3.0 s（要求 10.0 s）");
    reasons.put("2 by +40.0 s", "到 +40.0 s 已 2 次");
    reasons.put("3 by +41.0 s, more than allowed", "到 +41.0 s 已 3 次，超过允许次数");
    reasons.put("1 so far", "目前 1 次");
    reasons.put("2 action.write events in the window, the last at +50.0 s", "时间窗口内 2 次 action.write，最后一次于 +50.0 s");
    reasons.put("1 alarm.raised in the window", "时间窗口内 1 次 alarm.raised");
    reasons.put("not marked yet", "尚未评分");
    reasons.put("marked 2 of 3", "评分 2 / 3");
    reasons.put("guards 'level-fixed', which earned nothing: never true between +0.0 s and +9.0 s",
        "所保护的 'level-fixed' 未得分：在 +0.0 s 至 +9.0 s 之间从未成立");
    reasons.forEach((en, zh) -> {
      assertThat(SheetLanguage.ZH.reason(en)).as(en).isEqualTo(zh);
      assertThat(SheetLanguage.EN.reason(en)).isEqualTo(en);
    });
    assertThat(SheetLanguage.ZH.reason("the operator logged the fault")).as("a check's own words").isEqualTo("the operator logged the fault");
  }

  @Test
  void theLanguageComesFromTheQueryThenTheAcceptLanguageHeader() {
    assertThat(SheetLanguage.of("zh", "en-GB")).isEqualTo(SheetLanguage.ZH);
    assertThat(SheetLanguage.of("en", "zh-CN,zh;q=0.9")).isEqualTo(SheetLanguage.EN);
    assertThat(SheetLanguage.of(null, "fr-FR,zh-CN;q=0.8,en;q=0.5")).isEqualTo(SheetLanguage.ZH);
    assertThat(SheetLanguage.of("", "de")).isEqualTo(SheetLanguage.EN);
    assertThat(SheetLanguage.of(null, null)).isEqualTo(SheetLanguage.EN);
  }

  private static void wellFormed(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }
}
