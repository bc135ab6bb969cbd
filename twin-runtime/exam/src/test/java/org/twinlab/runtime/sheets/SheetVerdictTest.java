package org.twinlab.runtime.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * A station's sheet says pass or fail only once every check is decided: a station not started says
 * so instead of a red zero, and a sheet with open checks gives the points decided, the total so
 * far and the secured total, with no verdict, even when the total so far is 100.
 */
class SheetVerdictTest {
  private static final Scenario BEARING = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals("l4-monitor-motor-bearing")).findFirst().orElseThrow();

  private static String sheet(StationClock.State state, Map<String, Verdict> verdicts, Map<String, Integer> marks) {
    ScoreSheet sheet = new Scoring(StandardLoader.digitalTwinTechnician()).score(BEARING, verdicts, marks);
    return SheetHtml.of(new StationResult("exam-x", "Monitoring exam", "s1", "cand1", "Li Lei", BEARING, state, sheet, Map.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), "0".repeat(64), false));
  }

  private static String verdictLine(String html) {
    String from = html.substring(html.indexOf("<p class=\"verdict"));
    return from.substring(0, from.indexOf("</p>") + 4);
  }

  private static Map<String, Verdict> allMeasurements(Verdict.Outcome outcome) {
    Map<String, Verdict> out = new HashMap<>();
    for (CheckDef c : BEARING.checks()) {
      if (c.kind() != CheckDef.Kind.JUDGEMENT) out.put(c.id(), new Verdict(outcome, java.time.Instant.EPOCH, outcome.name()));
    }
    return out;
  }

  private static Map<String, Integer> allJudgements(int mark) {
    Map<String, Integer> out = new HashMap<>();
    BEARING.checks().stream().filter(c -> c.kind() == CheckDef.Kind.JUDGEMENT).forEach(c -> out.put(c.id(), mark));
    return out;
  }

  @Test
  void aStationNeverStartedHasNoScoreAndNoVerdict() {
    String line = verdictLine(sheet(StationClock.State.READY, Map.of(), Map.of()));
    assertThat(line).contains("verdict pending").contains("Not started").doesNotContain("FAILED").doesNotContain("0.0");
  }

  @Test
  void openChecksLeaveTheSheetWithoutAVerdictWhateverTheTotalSoFar() {
    // every measurement passed, the judgements not marked: 100 over what is decided, and still no result
    String line = verdictLine(sheet(StationClock.State.ENDED, allMeasurements(Verdict.Outcome.PASSED), Map.of()));
    assertThat(line).contains("verdict pending").contains("Provisional").contains("total so far 100.0").contains("secured")
        .contains("no result until every check is decided").doesNotContain("PASSED").doesNotContain("FAILED");
  }

  @Test
  void aDecidedSheetPassesOrFails() {
    assertThat(verdictLine(sheet(StationClock.State.ENDED, allMeasurements(Verdict.Outcome.PASSED), allJudgements(3))))
        .contains("Total 100.0 of 100").contains("PASSED").doesNotContain("rovisional");
    assertThat(verdictLine(sheet(StationClock.State.ENDED, allMeasurements(Verdict.Outcome.FAILED), allJudgements(0))))
        .contains("Total 0.0 of 100").contains("FAILED");
  }
}
