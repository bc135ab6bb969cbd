package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.MotionsCandidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/** Going through the motions of an upgrade: the version asked for, rolled back at once, so nothing is tried out on it. */
class UpgradeMotionsTest {
  @Test
  void motionsUpgradesAndRollsBackAtTheSameMomentAndScoresNothing() throws Exception {
    var standard = StandardLoader.digitalTwinTechnician();
    Scenario scenario = ScenarioLibrary.load(new ScenarioLoader(standard)).stream()
        .filter(s -> s.id().equals("l3-install-upgrade-rollback-tank")).findFirst().orElseThrow();
    Scoring scoring = new Scoring(standard);
    ReferenceCandidate reference = new ReferenceCandidate(scenario.reference());
    DryRun.play(scenario, reference, scoring, scenario.judgements());
    var motions = DryRun.play(scenario, new MotionsCandidate(scenario, ModelLibrary.loadBuiltIn("tank-process"), reference.takenAt()),
        scoring, Map.of());
    List<ActionRecord> moves = motions.actions().stream().filter(a -> a.kind().equals("upgrade") || a.kind().equals("rollback")).toList();
    assertThat(moves.get(0).kind()).isEqualTo("upgrade");
    assertThat(moves.get(0).outcome().result()).containsEntry("from", "1").containsEntry("to", "3");
    assertThat(moves.get(1).kind()).isEqualTo("rollback");
    assertThat(moves.get(1).outcome().accepted()).isTrue();
    assertThat(moves.get(1).elapsed()).isEqualTo(moves.get(0).elapsed());
    // the reference's own rollback, taken later, finds nothing before version 1 to return to
    assertThat(moves).last().satisfies(a -> {
      assertThat(a.kind()).isEqualTo("rollback");
      assertThat(a.outcome().accepted()).isFalse();
    });
    assertThat(motions.sheet().total()).isZero();
  }
}
