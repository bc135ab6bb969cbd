package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The tank's storage-and-charts scenario on a simulated station: a strategy takes effect in the
 * station's store and charts are measured from it, so a chart drawn without the strategy, before it,
 * or away from the alarm earns nothing, and malformed actions are refused naming the field.
 */
class StorageChartsScenarioTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final Scenario SCENARIO = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals("l3-develop-storage-charts-tank")).findFirst().orElseThrow();
  private static final Map<String, Object> STRATEGY = Map.of("properties", "tank.level,pump.speed,flow.rate", "retention", "30d",
      "downsample", "10s", "aggregate", "mean", "store", "embedded");

  private static ReferenceStep step(String at, String kind, Map<String, Object> with) {
    return new ReferenceStep(Optional.of(Duration.parse("PT" + at)), Optional.empty(), "", kind, with, Optional.empty());
  }

  private static ScenarioRun play(ReferenceStep... steps) throws Exception {
    return DryRun.play(SCENARIO, new ReferenceCandidate(List.of(steps)), SCORING, Map.of());
  }

  private static ActionOutcome outcome(ScenarioRun run, String kind, int nth) {
    return run.actions().stream().filter(a -> a.kind().equals(kind)).map(ActionRecord::outcome).toList().get(nth);
  }

  private static Verdict.Outcome verdict(ScenarioRun run, String check) {
    return run.verdicts().get(check).outcome();
  }

  @Test
  void theReferencesChartsShowTheStrategyInTheStoreAndTheAlarmInTheWindow() throws Exception {
    ScenarioRun run = DryRun.play(SCENARIO, new ReferenceCandidate(SCENARIO.reference()), SCORING, Map.of());
    assertThat(outcome(run, "storage_strategy", 0).result()).containsEntry("kept", "3").containsEntry("interval_s", "10")
        .containsEntry("retention_h", "720");
    Map<String, String> check = outcome(run, "chart", 0).result();
    assertThat(check).containsEntry("stored", "flow.rate,pump.speed,tank.level").containsEntry("spacing_s", "10.00")
        .containsEntry("alarms", "").containsEntry("window_s", "90");
    Map<String, String> alarm = outcome(run, "chart", 1).result();
    assertThat(alarm).containsEntry("alarms", "level_high").containsEntry("series", "2");
  }

  @Test
  void withoutTheStrategyTheStoreHoldsEverySampleOfEveryPropertyAndOnlyTheAlarmChartEarns() throws Exception {
    ScenarioRun run = play(step("9M", "chart", Map.of("name", "level-alarm", "properties", "tank.level,pump.speed", "from", "-5m", "to", "now")));
    Map<String, String> r = outcome(run, "chart", 0).result();
    assertThat(Double.parseDouble(r.get("spacing_s"))).isLessThan(1.0);
    assertThat(r.get("stored")).contains("pid.setpoint", "pump.frequency");
    assertThat(verdict(run, "only-named-kept")).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(verdict(run, "downsampled-to-10s")).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(verdict(run, "alarm-charted")).isEqualTo(Verdict.Outcome.PASSED);
  }

  @Test
  void aChartWhoseWindowStartsBeforeTheStrategyOrMissesTheAlarmEarnsNothing() throws Exception {
    ScenarioRun run = play(step("1M", "storage_strategy", STRATEGY),
        step("3M", "chart", Map.of("name", "strategy-check", "properties", "tank.level", "from", "-3m", "to", "now")),
        step("9M", "chart", Map.of("name", "level-alarm", "properties", "tank.level,pump.speed", "from", "-1m", "to", "now")));
    assertThat(verdict(run, "strategy-as-asked")).isEqualTo(Verdict.Outcome.PASSED);
    Map<String, String> early = outcome(run, "chart", 0).result(); // the first minute was stored whole
    assertThat(early.get("stored")).contains("pid.setpoint", "pump.frequency");
    assertThat(Double.parseDouble(early.get("spacing_s"))).isLessThan(1.0);
    Map<String, String> late = outcome(run, "chart", 1).result(); // after the alarm cleared at 7:00
    assertThat(late).containsEntry("alarms", "").containsEntry("stored", "flow.rate,pump.speed,tank.level");
    assertThat(verdict(run, "alarm-charted")).isEqualTo(Verdict.Outcome.FAILED);
  }

  @Test
  void anotherIntervalOrAggregateIsMeasuredAsSuch() throws Exception {
    Map<String, Object> fiveSeconds = new java.util.HashMap<>(STRATEGY);
    fiveSeconds.put("downsample", "5s");
    fiveSeconds.put("aggregate", "last");
    ScenarioRun run = play(step("1M", "storage_strategy", fiveSeconds),
        step("4M", "chart", Map.of("name", "strategy-check", "properties", "tank.level,pump.speed", "from", "-2m", "to", "now")));
    assertThat(Double.parseDouble(outcome(run, "chart", 0).result().get("spacing_s"))).isEqualTo(5.0);
    assertThat(verdict(run, "strategy-as-asked")).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(verdict(run, "downsampled-to-10s")).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(verdict(run, "only-named-kept")).isEqualTo(Verdict.Outcome.PASSED);
  }

  @Test
  void goingThroughTheMotionsKeepsEveryPropertyRawAndChartsNothingOfTheAlarm() throws Exception {
    ReferenceCandidate reference = new ReferenceCandidate(SCENARIO.reference());
    DryRun.play(SCENARIO, reference, SCORING, Map.of());
    ScenarioRun motions = DryRun.play(SCENARIO, new org.twinlab.scenarios.engine.MotionsCandidate(SCENARIO,
        org.twinlab.models.ModelLibrary.loadBuiltIn("tank-process"), reference.takenAt()), SCORING, Map.of());
    assertThat(outcome(motions, "storage_strategy", 0).accepted()).isTrue();
    assertThat(outcome(motions, "storage_strategy", 0).result().get("kept")).isNotEqualTo("3");
    assertThat(motions.actions()).filteredOn(a -> a.kind().equals("chart"))
        .allSatisfy(a -> assertThat(a.outcome().result()).containsEntry("alarms", "").containsEntry("window_s", "10"));
    assertThat(motions.verdicts().values()).allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Verdict.Outcome.FAILED));
  }

  @Test
  void malformedActionsAreRefusedNamingTheField() throws Exception {
    ScenarioRun run = play(step("1M", "storage_strategy", Map.of("properties", "tank.level,tank.nope", "store", "embedded")),
        step("1M1S", "storage_strategy", Map.of("properties", "tank.level", "downsample", "fast", "store", "embedded")),
        step("1M2S", "storage_strategy", Map.of("properties", "tank.level", "store", "influxdb")),
        step("1M3S", "storage_strategy", Map.of("properties", "tank.level", "store", "embedded", "aggregate", "median")),
        step("1M4S", "chart", Map.of("name", "Level Chart", "properties", "tank.level", "from", "-1m", "to", "now")),
        step("1M5S", "chart", Map.of("name", "level", "properties", "tank.level", "from", "-1m", "to", "+1m")),
        step("1M6S", "chart", Map.of("name", "level", "properties", "tank.level", "from", "-1m", "to", "now", "colour", "red")));
    List<String> why = run.actions().stream().map(a -> a.outcome().detail()).toList();
    assertThat(run.actions()).allSatisfy(a -> assertThat(a.outcome().accepted()).isFalse());
    assertThat(why).satisfiesExactly(
        w -> assertThat(w).startsWith("properties: ").contains("tank.nope"),
        w -> assertThat(w).startsWith("downsample: "),
        w -> assertThat(w).startsWith("store: "),
        w -> assertThat(w).startsWith("aggregate: "),
        w -> assertThat(w).startsWith("name: "),
        w -> assertThat(w).startsWith("to: "),
        w -> assertThat(w).startsWith("colour: "));
  }
}
