package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/** A graded suite is recorded in full with its action: per case on the correct twin, per variant the cases that caught it. */
class SuiteResultTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());

  @Test
  void theLibrarySuiteRecordsEachCaseAndWhichCasesCaughtEachVariant() throws Exception {
    Scenario s = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
        .filter(x -> x.id().equals("l3-test-mutation-suite-tank")).findFirst().orElseThrow();
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(s.reference()), SCORING, s.judgements());
    ActionRecord submitted = run.actions().stream().filter(a -> a.kind().equals("test_suite")).findFirst().orElseThrow();
    Map<String, String> recorded = submitted.outcome().result();
    // the flat attributes scenarios filter on stay as they were
    assertThat(recorded).containsEntry("cases", "5").containsEntry("false_failures", "0").containsEntry("variants", "6")
        .containsEntry("detected", "6");
    SuiteResult r = SuiteResult.from(recorded).orElseThrow();
    assertThat(r.variants()).containsExactlyElementsOf(Mutant.KINDS);
    assertThat(r.cases()).extracting(SuiteResult.CaseResult::name).containsExactly("level follows the setpoint",
        "temperature and flow read sensibly", "closing the inlet stops the flow", "high level alarm at 465 mm", "level updates within a second");
    assertThat(r.cases()).allSatisfy(c -> {
      assertThat(c.passes()).as(c.name()).isTrue();
      assertThat(c.why()).as(c.name()).startsWith("held after");
    });
    // what the reference's report claims: each defect has a case that catches it
    assertThat(r.caughtBy("wrong_scale")).contains(1);
    assertThat(r.caughtBy("swapped_signals")).contains(2);
    assertThat(r.caughtBy("inverted_bit")).contains(3);
    assertThat(r.caughtBy("wrong_alarm_threshold")).contains(4);
    assertThat(r.caughtBy("slow_update")).contains(5);
    for (String v : Mutant.KINDS) {
      assertThat(recorded.get("caught_by." + v)).as(v).isNotEmpty()
          .isEqualTo(String.join(",", r.caughtBy(v).stream().map(String::valueOf).toList()));
      assertThat(r.caughtBy(v)).allSatisfy(n -> assertThat(recorded.get("case." + n + ".catches")).contains(v));
    }
    // the run heard the same attributes with the action, so checks may filter on a case's result
    assertThat(run.trace().events()).filteredOn(e -> e.kind().equals("action.test_suite")).singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("case.3.result", "pass"));
  }

  @Test
  void theAttributesReadBackAsTheyWereWritten() {
    SuiteResult r = new SuiteResult(List.of(
        new SuiteResult.CaseResult(1, "a", true, "held after 0.5 s", List.of("wrong_scale", "stuck_sensor")),
        new SuiteResult.CaseResult(2, "b, with a comma", false, "did not hold within 2.0 s", List.of())),
        List.of("wrong_scale", "stuck_sensor", "slow_update"));
    Map<String, String> flat = new java.util.HashMap<>(r.attributes());
    r.variants().forEach(v -> flat.put("detects." + v, Boolean.toString(!r.caughtBy(v).isEmpty())));
    assertThat(flat).containsEntry("case.2.result", "false_failure").containsEntry("caught_by.slow_update", "")
        .containsEntry("caught_by.stuck_sensor", "1");
    assertThat(SuiteResult.from(flat)).contains(r);
    assertThat(SuiteResult.from(Map.of("detected", "0"))).isEmpty();
  }
}
