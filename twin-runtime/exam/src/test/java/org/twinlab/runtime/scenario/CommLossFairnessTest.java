package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.FunctionScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * On the communication-loss scenario the twin recovers by itself and a candidate who does nothing
 * also never rebinds or removes anything: none of that is their work, so doing nothing earns
 * nothing in any function.
 */
class CommLossFairnessTest {
  private static final String ID = "l3-debug-tank-comm-loss";
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final Scenario SCENARIO = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals(ID)).findFirst().orElseThrow();

  @Test
  void anIdleCandidateEarnsNothingInAnyFunction() throws Exception {
    ScoreSheet idle = DryRun.play(SCENARIO, Candidate.IDLE, SCORING, judgementsMarkedZero()).sheet();

    assertThat(idle.functions()).extracting(FunctionScore::function).containsExactlyInAnyOrder("platform-om", "operation");
    assertThat(idle.functions()).allSatisfy(f -> assertThat(f.percent()).as(f.function()).isEqualTo(0.0));
    assertThat(idle.checks()).allSatisfy(c -> assertThat(c.earned()).as(c.check() + ": " + c.because()).isEqualTo(0.0));
    assertThat(idle.total()).isZero();
    assertThat(idle.passed()).isFalse();
  }

  @Test
  void theSameChecksGiveTheReferenceEveryFunctionInFull() throws Exception {
    ScoreSheet reference = DryRun.play(SCENARIO, new ReferenceCandidate(SCENARIO.reference()), SCORING, SCENARIO.judgements()).sheet();

    assertThat(reference.functions()).allSatisfy(f -> assertThat(f.percent()).as(f.function()).isEqualTo(100.0));
    assertThat(reference.total()).isEqualTo(100.0);
  }

  /** What an examiner gives a candidate who wrote nothing: 0 for every judged check. */
  private static Map<String, Integer> judgementsMarkedZero() {
    return SCENARIO.tasks().stream().flatMap(t -> t.checks().stream()).filter(c -> c.kind() == CheckDef.Kind.JUDGEMENT)
        .collect(Collectors.toMap(CheckDef::id, c -> 0));
  }
}
