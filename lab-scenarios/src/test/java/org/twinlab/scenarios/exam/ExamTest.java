package org.twinlab.scenarios.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

class ExamTest {
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

  /**
   * L4 weights 30 / 25 / 45. O&M (l4-debug-tank-level-scale, 13 points): 2 + 5 + 0 (alarm check failed)
   * + 2 + 2 (judgement of 3 points marked 2 of 3) = 11 of 13. Testing (l4-test-design-cases-conveyor,
   * 19 points): never started, 0 of 19. Operation (l4-operate-tank-setpoint, 16 points): all passed.
   * Total = 30 × 11/13 + 25 × 0/19 + 45 × 16/16 = 25.3846 + 0 + 45 = 70.3846, a pass.
   */
  @Test
  void anL4ExamWeighsEachFunctionsShareOfPointsByTheLevelTable() {
    Exam exam = new Exam("l4-hand", 1, Localized.of("hand"), Localized.of("hand"), Level.L4, Duration.ofMinutes(120),
        Exam.Order.GIVEN, 60, List.of(part("l4-debug-tank-level-scale"), part("l4-test-design-cases-conveyor"),
            part("l4-operate-tank-setpoint")), List.of("tank-process"), "test");
    Map<String, Verdict> debug = new java.util.HashMap<>(all("l4-debug-tank-level-scale", Verdict.Outcome.PASSED));
    debug.put("alarm-not-broken", new Verdict(Verdict.Outcome.FAILED, AT, "set by the test"));
    ExamSheet sheet = new ExamScoring(STANDARD).score(exam, Map.of(
        "l4-debug-tank-level-scale", new ExamScoring.PartResult(debug, Map.of("record-explains", 2)),
        "l4-operate-tank-setpoint", new ExamScoring.PartResult(all("l4-operate-tank-setpoint", Verdict.Outcome.PASSED), Map.of())));

    assertThat(sheet.functions()).extracting(ExamSheet.FunctionPoints::function).containsExactly("platform-om", "testing", "operation");
    ExamSheet.FunctionPoints om = sheet.functions().get(0);
    assertThat(om.weight()).isEqualTo(30);
    assertThat(om.earned()).isCloseTo(11, within(1e-9));
    assertThat(om.possible()).isCloseTo(13, within(1e-9));
    assertThat(sheet.functions().get(1).earned()).isZero();
    assertThat(sheet.functions().get(1).possible()).isCloseTo(19, within(1e-9));
    assertThat(sheet.functions().get(2).contribution()).isCloseTo(45, within(1e-9));
    assertThat(sheet.total()).isCloseTo(70.3846, within(1e-4));
    assertThat(sheet.passed()).isTrue();
    assertThat(sheet.provisional()).as("a part never started is decided: nothing earned").isFalse();
    assertThat(sheet.parts().get(1).started()).isFalse();
  }

  @Test
  void anUnmarkedJudgementCountsAsPossibleNeverAsEarned() {
    Exam exam = new Exam("l4-hand", 1, Localized.of("hand"), Localized.of("hand"), Level.L4, Duration.ofMinutes(120),
        Exam.Order.GIVEN, 60, List.of(part("l4-debug-tank-level-scale")), List.of("tank-process"), "test");
    ExamSheet sheet = new ExamScoring(STANDARD).score(exam, Map.of(
        "l4-debug-tank-level-scale", new ExamScoring.PartResult(all("l4-debug-tank-level-scale", Verdict.Outcome.PASSED), Map.of())));
    assertThat(sheet.functions().get(0).earned()).isCloseTo(10, within(1e-9));
    assertThat(sheet.functions().get(0).possible()).isCloseTo(13, within(1e-9));
    assertThat(sheet.provisional()).isTrue();
    assertThat(sheet.total()).isCloseTo(30.0 * 10 / 13, within(1e-9));
  }

  private static Exam load(String yaml) throws InvalidInputException {
    return new ExamLoader(STANDARD, LIBRARY).load("exam.yaml", new StringReader(yaml));
  }

  @Test
  void anExamShorterThan120MinutesOrMissingAFunctionIsRefusedWithItsPlace() {
    String header = "exam: l5-short\nversion: 1\ntitle: {en: Short, zh: 短}\nlevel: 5\n";
    assertThatThrownBy(() -> load(header + "time_limit: 60m\nparts:\n  - scenario: l5-operate-start-pause-stop-tank\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exam.yaml:5:")
        .hasMessageContaining("120");
    assertThatThrownBy(() -> load(header + "time_limit: 120m\nparts:\n  - scenario: l5-operate-start-pause-stop-tank\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Platform O&M");
    assertThatThrownBy(() -> load(header + "time_limit: 120m\nparts:\n  - scenario: l4-operate-tank-setpoint\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("level");
  }

  @Test
  void anExamOfEveryL5FunctionOnTheTankStationLoads() throws Exception {
    Exam exam = load("exam: l5-tank\nversion: 1\ntitle: {en: Tank, zh: 水箱}\nlevel: 5\ntime_limit: 120m\nparts:\n"
        + "  - scenario: l5-monitor-tank-alarm-report\n  - scenario: l5-test-basic-functions-tank\n"
        + "  - scenario: l5-operate-start-pause-stop-tank\n");
    assertThat(exam.parts()).hasSize(3);
    assertThat(exam.rigs()).containsExactly("tank-process");
    assertThat(exam.order()).isEqualTo(Exam.Order.GIVEN);
  }
}
