package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.MotionsCandidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The tank's model-import and mapping-test scenarios played on a simulated station: what the
 * platform records of the reference's model work, a model fixed after its problems came back, a
 * reading that counts only when it is the first, and the motions candidate's model work taken by
 * the station and earning nothing.
 */
class ModelWorkScenariosTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
  private static final String IMPORT = "l3-develop-import-model-tank";
  private static final String MAPPING = "l3-develop-mapping-test-tank";

  private static Scenario scenario(String id) {
    return LIBRARY.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static ReferenceStep step(String at, String kind, Map<String, Object> with) {
    return new ReferenceStep(Optional.of(Duration.parse("PT" + at)), Optional.empty(), "", kind, with, Optional.empty());
  }

  private static ReferenceStep referenceStep(Scenario s, String kind) {
    return s.reference().stream().filter(r -> r.action().equals(kind)).findFirst().orElseThrow();
  }

  private static List<ActionRecord> taken(ScenarioRun run, String kind) {
    return run.actions().stream().filter(a -> a.kind().equals(kind)).toList();
  }

  private static Verdict.Outcome outcome(ScenarioRun run, String check) {
    return run.verdicts().get(check).outcome();
  }

  @Test
  void theImportReferencesModelLoadsIntegratesAndItsReadingAgreesWithTheTwin() throws Exception {
    Scenario s = scenario(IMPORT);
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(s.reference()), SCORING, s.judgements());
    Map<String, String> imported = taken(run, "model_import").get(0).outcome().result();
    assertThat(imported).containsEntry("loaded", "true").containsEntry("kind_matches", "true").containsEntry("bound", "17")
        .containsEntry("integrates", "true").containsEntry("parameters_right", "true");
    assertThat(taken(run, "parameter_reading").get(0).outcome().result()).containsEntry("matched", "4");
    assertThat(run.sheet().total()).isCloseTo(100.0, offset(1e-6));
  }

  @Test
  void aModelWhoseProblemsCameBackAndWereFixedEarnsTheImport() throws Exception {
    Scenario s = scenario(IMPORT);
    ReferenceStep good = referenceStep(s, "model_import");
    String broken = String.valueOf(good.with().get("text")).replace("kind: plc-station", "kind: plc").replace("range: [0, 30]", "range: [30, 0]");
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(List.of(step("5M", "model_import", Map.of("file", "tank.yaml", "text", broken)),
        step("10M", "model_import", good.with()))), SCORING, Map.of());
    Map<String, String> first = taken(run, "model_import").get(0).outcome().result();
    assertThat(first).containsEntry("loaded", "false").containsEntry("problems", "2");
    assertThat(first.get("problem.1")).startsWith("tank.yaml:4:7: kind:");
    assertThat(outcome(run, "model-integrates")).isEqualTo(Verdict.Outcome.PASSED);
    assertThat(outcome(run, "all-parameters-right")).isEqualTo(Verdict.Outcome.PASSED);
  }

  @Test
  void aRightReadingAfterAWrongFirstOneEarnsNothing() throws Exception {
    Scenario s = scenario(IMPORT);
    ReferenceStep right = referenceStep(s, "parameter_reading");
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(List.of(
        step("20M", "parameter_reading", Map.of("readings", Map.of("tank.level", 400, "pump.speed", 18.7, "flow.rate", 5.6, "pid.setpoint", 280))),
        step("21M", "parameter_reading", right.with()))), SCORING, Map.of());
    assertThat(taken(run, "parameter_reading").get(0).outcome().result()).containsEntry("unmatched", "tank.level");
    assertThat(taken(run, "parameter_reading").get(1).outcome().result()).containsEntry("matched", "4");
    assertThat(outcome(run, "parameters-read")).isEqualTo(Verdict.Outcome.FAILED);
  }

  @Test
  void theMotionsCandidatesModelWorkIsTakenAndEarnsNothing() throws Exception {
    for (String id : List.of(IMPORT, MAPPING)) {
      Scenario s = scenario(id);
      ReferenceCandidate reference = new ReferenceCandidate(s.reference());
      DryRun.play(s, reference, SCORING, s.judgements());
      ScenarioRun motions = DryRun.play(s, new MotionsCandidate(s, ModelLibrary.loadBuiltIn("tank-process"), reference.takenAt()),
          SCORING, Map.of());
      assertThat(motions.actions()).as(id).isNotEmpty().allMatch(a -> a.outcome().accepted(), "every hollow action is one the station takes");
      taken(motions, "model_import").forEach(a -> assertThat(a.outcome().result()).containsEntry("loaded", "true")
          .containsEntry("kind_matches", "false").containsEntry("integrates", "false").containsEntry("parameters_matched", "0"));
      taken(motions, "parameter_reading").forEach(a -> assertThat(a.outcome().result()).containsEntry("matched", "0"));
      taken(motions, "mapping_test").forEach(a -> assertThat(a.outcome().result()).containsEntry("false_failures", "0")
          .containsEntry("detected", "0"));
      assertThat(motions.sheet().total()).as(id).isEqualTo(0.0, offset(1e-6));
    }
  }

  @Test
  void theMappingReferencesTestCatchesEveryWrongMappingWithTheCaseForIt() throws Exception {
    Scenario s = scenario(MAPPING);
    ScenarioRun run = DryRun.play(s, new ReferenceCandidate(s.reference()), SCORING, s.judgements());
    SuiteResult r = SuiteResult.from(taken(run, "mapping_test").get(0).outcome().result()).orElseThrow();
    assertThat(r.variants()).containsExactly("wrong_scale", "swapped_signals", "inverted_bit", "stuck_sensor", "slow_update");
    assertThat(r.caughtBy("swapped_signals")).containsExactly(2);
    assertThat(r.caughtBy("inverted_bit")).containsExactly(3);
    assertThat(r.caughtBy("slow_update")).containsExactly(1);
    assertThat(outcome(run, "twin-follows")).isEqualTo(Verdict.Outcome.PASSED);
  }
}
