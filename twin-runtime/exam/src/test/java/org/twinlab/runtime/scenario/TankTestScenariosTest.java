package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.check.SignalNames;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.CandidateView;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The tank's test-design (L4) and security-script (L3) scenarios: what their reference solutions
 * report is what the grading recorded, a candidate who guesses earns nothing for the analysis or
 * the problems found, and what candidates see of the security checks names no property with a hole.
 */
class TankTestScenariosTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));

  private static Scenario scenario(String id) {
    return LIBRARY.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static ReferenceStep report(String at, Map<String, Object> with) {
    return new ReferenceStep(Optional.of(Duration.parse("PT" + at)), Optional.empty(), "", "report", with, Optional.empty());
  }

  private static ScenarioRun play(Scenario s, ReferenceStep... steps) throws Exception {
    return DryRun.play(s, new ReferenceCandidate(List.of(steps)), SCORING, Map.of());
  }

  private static Verdict.Outcome outcome(ScenarioRun run, String check) {
    return run.verdicts().get(check).outcome();
  }

  private static SuiteResult suite(ScenarioRun run, String kind) {
    ActionRecord a = run.actions().stream().filter(x -> x.kind().equals(kind)).findFirst().orElseThrow();
    return SuiteResult.from(a.outcome().result()).orElseThrow();
  }

  @Test
  void theTankTestDesignReferenceCatchesEachVariantWithTheCaseItsReportNames() throws Exception {
    Scenario s = scenario("l4-test-design-cases-tank");
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(s.reference()), SCORING, s.judgements());
    SuiteResult r = suite(run, "test_suite");
    assertThat(r.variants()).containsExactlyElementsOf(Mutant.KINDS);
    assertThat(r.cases()).allSatisfy(c -> assertThat(c.passes()).as(c.name()).isTrue());
    // the report: the level case catches the scale and the stuck sensor, the inflow case the swap, the inlet
    // case the inverted bit, the alarm case the threshold, the update case the slow update
    assertThat(r.caughtBy("wrong_scale")).contains(1);
    assertThat(r.caughtBy("stuck_sensor")).contains(1);
    assertThat(r.caughtBy("swapped_signals")).contains(2);
    assertThat(r.caughtBy("inverted_bit")).contains(3);
    assertThat(r.caughtBy("wrong_alarm_threshold")).contains(4);
    assertThat(r.caughtBy("slow_update")).contains(5);
    assertThat(outcome(run, "testable-requirements-named")).isEqualTo(Verdict.Outcome.PASSED);
  }

  @Test
  void anAnalysisCountsOnlyAsTheFirstReportAndOnlyWithExactlyTheTestableRequirements() throws Exception {
    Scenario s = scenario("l4-test-design-cases-tank");
    String right = "R1, R3, R4, R6, R7";
    assertThat(outcome(play(s, report("1M", Map.of("text", right))), "testable-requirements-named"))
        .isEqualTo(Verdict.Outcome.PASSED);
    // a first guess missing R7, then the right list: the first report decides
    assertThat(outcome(play(s, report("1M", Map.of("text", "R1, R3, R4, R6")), report("2M", Map.of("text", right))),
        "testable-requirements-named")).isEqualTo(Verdict.Outcome.FAILED);
    // every requirement listed, the untestable ones with them
    assertThat(outcome(play(s, report("1M", Map.of("text", "R1, R2, R3, R4, R5, R6, R7"))), "testable-requirements-named"))
        .isEqualTo(Verdict.Outcome.FAILED);
  }

  @Test
  void theSecurityScriptReferenceFindsEachHoleWithTheCasesItsReportsName() throws Exception {
    Scenario s = scenario("l3-test-security-suite-tank");
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(s.reference()), SCORING, s.judgements());
    SuiteResult r = suite(run, "security_suite");
    assertThat(r.variants()).containsExactlyElementsOf(InsecureVariant.KINDS);
    assertThat(r.cases()).allSatisfy(c -> assertThat(c.passes()).as(c.name()).isTrue());
    assertThat(r.caughtBy("range_unchecked")).containsExactly(1, 2);
    assertThat(r.caughtBy("range_widened")).containsExactly(3);
    assertThat(r.caughtBy("read_only_writable")).containsExactly(4);
    // the legal writes and the level's read-only guard catch nothing: no variant leaves them open
    assertThat(r.cases().subList(4, 7)).allSatisfy(c -> assertThat(c.catches()).as(c.name()).isEmpty());
  }

  @Test
  void problemReportsCountOnlyUntilOneCallsASecureProperty() throws Exception {
    Scenario s = scenario("l3-test-security-suite-tank");
    Map<String, Object> setpoint = Map.of("property", "pid.setpoint", "cause_category", "configuration");
    ScenarioRun honest = play(s, report("1M", setpoint));
    assertThat(outcome(honest, "setpoint-problem-reported")).isEqualTo(Verdict.Outcome.PASSED);
    // a candidate naming every writable property in turn: the level loop's gain comes first and is secure
    ScenarioRun spraying = play(s, report("1M", Map.of("property", "pid.kp", "cause_category", "configuration")),
        report("2M", setpoint), report("3M", Map.of("property", "pid.manual_output", "cause_category", "configuration")));
    assertThat(outcome(spraying, "setpoint-problem-reported")).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(outcome(spraying, "output-problem-reported")).isEqualTo(Verdict.Outcome.FAILED);
    // another cause category is not a finding: it neither counts nor ends the window
    ScenarioRun other = play(s, report("1M", Map.of("property", "pid.kp", "cause_category", "operation")), report("2M", setpoint));
    assertThat(outcome(other, "setpoint-problem-reported")).isEqualTo(Verdict.Outcome.PASSED);
  }

  @Test
  void candidatesAreNotToldWhichPropertiesHaveAHole() {
    Scenario s = scenario("l3-test-security-suite-tank");
    SignalNames names = SignalNames.of(List.of(ModelLibrary.loadBuiltIn(s.rig())), java.util.Set.of());
    List<String> shown = Stream.concat(
        s.tasks().stream().flatMap(t -> t.checks().stream()).filter(c -> !c.hidden())
            .flatMap(c -> Stream.of(c.readableName().en(), c.readableName().zh())),
        s.tasks().stream().flatMap(t -> CandidateView.deadlines(t, names).stream()).flatMap(d -> Stream.of(d.text().en(), d.text().zh())))
        .toList();
    assertThat(shown).isNotEmpty().allSatisfy(text -> assertThat(text).as(text)
        .doesNotContain("setpoint", "output", "pump", "speed", "pid.", "设定值", "输出", "水泵", "转速"));
    assertThat(s.tasks().stream().flatMap(t -> t.checks().stream()).filter(c -> c.id().endsWith("-problem-reported")))
        .hasSize(3).allSatisfy(c -> assertThat(c.hidden()).as(c.id()).isTrue());
  }
}
