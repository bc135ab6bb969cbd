package org.twinlab.runtime.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/** The HTML and PDF sheets print each judgement's aspect and the rubric's descriptor of the mark given. */
class SheetJudgementsTest {
  private static final Scenario BEARING = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals("l4-monitor-motor-bearing")).findFirst().orElseThrow();

  /** Two examiners give 2 and 3 on cause-judged (combined 3); problem-classified is not marked. */
  private static StationResult result() {
    Map<String, Map<String, Integer>> marks = Map.of("cause-judged", Map.of("exam1", 2, "exam2", 3));
    var sheet = new Scoring(StandardLoader.digitalTwinTechnician()).score(BEARING, Map.of(), Map.of("cause-judged", 3));
    return new StationResult("exam-x", "Monitoring exam", "s1", "cand1", "Li Lei", BEARING, StationClock.State.ENDED, sheet, marks,
        List.of(), List.of(), List.of(), List.of(), List.of(), "0".repeat(64), true);
  }

  @Test
  void theHtmlSheetPrintsTheAspectTheMarkAndItsDescriptor() {
    String html = SheetHtml.of(result());
    assertThat(html).contains("The report reads the growing X-axis vibration as bearing wear and recommends a planned stop")
        .contains("exam1: 2, exam2: 3")
        .contains("3: The report reads the growing X-axis vibration as bearing wear and recommends a planned stop")
        .contains("The problem is classed as a mechanical fault of the object, not a twin or sensor fault")
        .contains("not marked yet");
    String row = html.substring(html.indexOf("<tr class=\"judgement\"><td>cause-judged"));
    assertThat(row.substring(0, row.indexOf("</tr>"))).contains("<td>3</td>");
  }

  @Test
  void thePdfSheetPrintsTheDescriptorToo() throws Exception {
    byte[] pdf = SheetPdf.render(SheetHtml.of(result()));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // table cells wrap, and a word wraps after its hyphen: read the text as one line
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").replace("- ", "-");
      assertThat(text).contains("Descriptor of the mark").contains("3: The report reads the growing X-axis vibration as bearing wear and recommends a planned stop")
          .contains("not marked yet");
    }
  }
}
