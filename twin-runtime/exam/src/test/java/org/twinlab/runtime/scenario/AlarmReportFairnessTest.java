package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.twinlab.scenarios.check.Sample;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * On the tank alarm scenario, acknowledging the alarm is not reporting it: a candidate who only
 * acknowledges, or who files a report that names the wrong alarm or the wrong kind of cause,
 * fails, even when an examiner marks the report's free text generously.
 */
class AlarmReportFairnessTest {
  private static final String SCENARIO = "l5-monitor-tank-alarm-report";
  private static final String ALARM = "overtemperature";
  private static final String JUDGED = "symptom-described";
  private static final Scenario TANK_ALARM = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals(SCENARIO)).findFirst().orElseThrow();
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());

  /** The reference's report, right in every field the checks read. */
  private static Map<String, Object> rightReport() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("alarm_code", ALARM);
    report.put("property", "tank.temperature");
    report.put("cause_category", "sensor");
    report.put("symptom", "temperature rising 0.5 °C/s with the heater off");
    report.put("cause", "temperature transmitter drifting");
    return report;
  }

  /**
   * A candidate who, once the alarm is active, acknowledges it at once and then files the report
   * given, if any.
   */
  private static Candidate acknowledgesThenReports(Optional<Map<String, Object>> report) {
    boolean[] done = {false};
    return run -> {
      if (done[0] || !alarmActive(run)) return;
      done[0] = true;
      run.act("cand1", "alarm_ack", Map.of("alarm", ALARM));
      report.ifPresent(fields -> run.act("cand1", "report", fields));
    };
  }

  private static boolean alarmActive(ScenarioRun run) {
    List<Sample> samples = run.trace().samples("alarm." + ALARM);
    return !samples.isEmpty() && Boolean.TRUE.equals(samples.get(samples.size() - 1).value());
  }

  private static ScoreSheet play(Candidate candidate, int mark) throws Exception {
    ScenarioRun run = DryRun.play(TANK_ALARM, candidate, SCORING, Map.of(JUDGED, mark));
    assertThat(run.actions()).as("the candidate's actions were all taken").allMatch(a -> a.outcome().accepted());
    assertThat(run.actions()).extracting(a -> a.kind()).contains("alarm_ack");
    return run.sheet();
  }

  private static CheckScore check(ScoreSheet sheet, String id) {
    return sheet.checks().stream().filter(c -> c.check().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void acknowledgingAndReportingRightlyPasses() throws Exception {
    ScoreSheet sheet = play(acknowledgesThenReports(Optional.of(rightReport())), 3);
    assertThat(sheet.total()).isEqualTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(sheet.passed()).isTrue();
  }

  @Test
  void onlyAcknowledgingTheAlarmFailsWithAtMostAThird() throws Exception {
    ScoreSheet sheet = play(acknowledgesThenReports(Optional.empty()), 0);
    assertThat(check(sheet, "alarm-acknowledged").status()).as("the acknowledgement itself is credited").isEqualTo(CheckScore.Status.PASSED);
    assertThat(check(sheet, "alarm-reported").status()).isEqualTo(CheckScore.Status.FAILED);
    assertThat(check(sheet, "no-false-report").earned()).as("no false report without a report earns nothing").isZero();
    assertThat(sheet.passed()).isFalse();
    assertThat(sheet.total()).isLessThanOrEqualTo(100.0 / 3 + 1e-9);
  }

  static Stream<Arguments> wrongReports() {
    Map<String, Object> wrongCode = rightReport();
    wrongCode.put("alarm_code", "level_high");
    Map<String, Object> wrongCategory = rightReport();
    wrongCategory.put("cause_category", "actuator");
    wrongCategory.put("cause", "heater stuck on");
    Map<String, Object> noCategory = rightReport();
    noCategory.remove("cause_category");
    return Stream.of(Arguments.of("the wrong alarm code", wrongCode), Arguments.of("the wrong cause category", wrongCategory),
        Arguments.of("no cause category", noCategory));
  }

  @ParameterizedTest(name = "a report with {0} fails")
  @MethodSource("wrongReports")
  void acknowledgingAndReportingWronglyFails(String what, Map<String, Object> report) throws Exception {
    // an examiner marks the free text in full: the report's own fields still decide
    ScoreSheet sheet = play(acknowledgesThenReports(Optional.of(report)), 3);
    assertThat(check(sheet, "alarm-reported").status()).as(what).isEqualTo(CheckScore.Status.FAILED);
    assertThat(check(sheet, JUDGED).earned()).as("the judged text is guarded by the report's fields").isZero();
    assertThat(sheet.passed()).as(what).isFalse();
    assertThat(sheet.total()).as(what).isLessThanOrEqualTo(100.0 / 3 + 1e-9);
  }
}
