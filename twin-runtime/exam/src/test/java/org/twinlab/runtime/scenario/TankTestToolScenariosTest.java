package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The tank's test-tool scenarios tell a plausible but wrong tool from the right one: a level probe
 * without the transmitter's range, and performance scripts that miss the requirement's load or
 * metric, earn only what they really measured.
 */
class TankTestToolScenariosTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
  private static final String LEVEL_RAW = "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Tank\".\"LevelRaw\"";

  private static Scenario scenario(String id) {
    return LIBRARY.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static ReferenceStep step(String at, String kind, Map<String, Object> with) {
    return new ReferenceStep(Optional.of(Duration.parse("PT" + at)), Optional.empty(), "", kind, with, Optional.empty());
  }

  private static ScenarioRun run(Scenario s, ReferenceStep... steps) throws Exception {
    return DryRun.play(s, new ReferenceCandidate(List.of(steps)), SCORING, Map.of());
  }

  private static Map<String, Verdict.Outcome> outcomes(ScenarioRun run) {
    Map<String, Verdict.Outcome> out = new java.util.HashMap<>();
    run.verdicts().forEach((check, v) -> out.put(check, v.outcome()));
    return out;
  }

  private static Map<String, Verdict.Outcome> play(Scenario s, ReferenceStep... steps) throws Exception {
    return outcomes(run(s, steps));
  }

  private static double earned(ScenarioRun run, String check) {
    return run.sheet().checks().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow().earned();
  }

  private static Map<String, Object> probe(String property, String address) {
    return Map.of("property", property, "connection", "${plc}", "address", address);
  }

  @Test
  void aLevelProbeWithoutTheTransmittersRangeIsNoInstalledTool() throws Exception {
    ScenarioRun run = run(scenario("l5-test-install-tools-tank"), step("2M", "test_setup", Map.of("probes", List.of(
        probe("tank.level", LEVEL_RAW),
        probe("flow.rate", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Flow\".\"Rate\""),
        probe("pid.setpoint", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"PID\".\"Setpoint\""),
        probe("pump.running", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Pump\".\"Running\"")))),
        step("4M", "report", Map.of("value", 4)));
    Map<String, Verdict.Outcome> v = outcomes(run);
    assertThat(v).containsEntry("flow-probe-mirrors", Verdict.Outcome.PASSED).containsEntry("pump-probe-mirrors", Verdict.Outcome.PASSED)
        .containsEntry("level-probe-mirrors", Verdict.Outcome.FAILED).containsEntry("whole-tool-mirrors", Verdict.Outcome.FAILED)
        .containsEntry("record-filed", Verdict.Outcome.FAILED);
    // it reaches every signal, but that guards the level's reading, which failed: it earns nothing
    assertThat(v).containsEntry("tool-connects", Verdict.Outcome.PASSED);
    assertThat(earned(run, "tool-connects")).isZero();
    assertThat(earned(run, "flow-probe-mirrors")).isPositive();
  }

  @Test
  void aLenientMeanOverSparseWritesCatchesTheLateSamplesButNotTheThrottledSampling() throws Exception {
    // one write in five seconds, each shown within 2 s on the throttled twin: a mean of 1.5 s passes 1.6 s
    Map<String, Verdict.Outcome> v = play(scenario("l3-test-environment-performance-script-tank"), step("5M", "perf_script",
        Map.of("property", "pid.setpoint", "values", List.of(300, 320), "rate", 0.2, "seconds", 60, "metric", "mean", "threshold_ms", 1600)));
    assertThat(v).containsEntry("passes-sound-twin", Verdict.Outcome.PASSED).containsEntry("catches-added-latency", Verdict.Outcome.PASSED)
        .containsEntry("catches-throttled-sampling", Verdict.Outcome.FAILED).containsEntry("script-of-the-requirement", Verdict.Outcome.FAILED);
  }

  @Test
  void aThresholdTighterThanTheSoundTwinCanMeetEarnsNothing() throws Exception {
    Map<String, Verdict.Outcome> v = play(scenario("l3-test-environment-performance-script-tank"), step("5M", "perf_script",
        Map.of("property", "pid.setpoint", "values", List.of(300, 320), "rate", 1, "seconds", 60, "metric", "p95", "threshold_ms", 100)));
    assertThat(v).containsEntry("passes-sound-twin", Verdict.Outcome.FAILED).containsEntry("catches-added-latency", Verdict.Outcome.FAILED)
        .containsEntry("catches-throttled-sampling", Verdict.Outcome.FAILED).containsEntry("script-of-the-requirement", Verdict.Outcome.FAILED);
  }
}
