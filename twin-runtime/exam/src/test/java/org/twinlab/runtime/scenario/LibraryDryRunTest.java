package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.Skill;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * Every shipped scenario is a fair instrument: its reference solution scores 100, and it meets the
 * fairness rules against idle, motions, random and task-alone candidates.
 */
class LibraryDryRunTest {
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  /**
   * Random candidates per scenario here: seeds 1 to 12 of the 36 that `twinlab scenario dry-run`
   * plays, so the build's guard over the whole library stays within a few minutes as it grows.
   */
  private static final int RANDOM_IN_THE_BUILD = 12;

  static Stream<Scenario> library() {
    return LIBRARY.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("library")
  void referenceScoresFullMarksAndTheScenarioMeetsTheRules(Scenario s) throws Exception {
    DryRun.Result r = DryRun.of(s, SCORING, RANDOM_IN_THE_BUILD);
    assertThat(r.runProblems()).as(s.id()).isEmpty();
    assertThat(r.reference().sheet().total()).isEqualTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.idle().sheet().passed()).isFalse();
    assertThat(r.broken()).as(s.id() + " breaks the fairness rules").isEmpty();
  }

  @Test
  void theLibraryCoversEveryLevelFromFiveToTwoAndEverySkill() {
    assertThat(LIBRARY).hasSizeGreaterThanOrEqualTo(17);
    assertThat(LIBRARY).extracting(Scenario::level).contains(Level.L5, Level.L4, Level.L3, Level.L2);
    for (Level l : List.of(Level.L5, Level.L4, Level.L3)) {
      assertThat(LIBRARY.stream().filter(s -> s.level() == l).map(Scenario::rig).distinct()).as("rigs at level " + l.number()).hasSize(3);
    }
    // install, monitor, debug, test and operate are each assessed at levels 5 to 3 together
    assertThat(LIBRARY.stream().filter(s -> s.level() != Level.L2).map(Scenario::skill))
        .contains(Skill.INSTALL, Skill.MONITOR, Skill.DEBUG, Skill.TEST, Skill.OPERATE);
    assertThat(LIBRARY.stream().filter(s -> s.level() == Level.L2)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(LIBRARY).extracting(Scenario::rig).contains("conveyor-sorting", "tank-process", "motor-vibration");
  }

  @Test
  void aRunIsTheSameEveryTime() throws Exception {
    Scenario s = LIBRARY.stream().filter(x -> x.id().equals("l3-operate-conveyor-pusher-jam")).findFirst().orElseThrow();
    var a = DryRun.play(s, new org.twinlab.scenarios.engine.ReferenceCandidate(s.reference()), SCORING, s.judgements());
    var b = DryRun.play(s, new org.twinlab.scenarios.engine.ReferenceCandidate(s.reference()), SCORING, s.judgements());
    assertThat(b.sheet()).isEqualTo(a.sheet());
    assertThat(b.actions()).extracting(ActionRecord::at).isEqualTo(a.actions().stream().map(ActionRecord::at).toList());
    assertThat(b.trace().samples("rig.pusher1.count")).isEqualTo(a.trace().samples("rig.pusher1.count"));
  }

  @Test
  void aReferenceThatDoesNotSolveTheTaskIsCaught() throws Exception {
    Scenario s = LIBRARY.stream().filter(x -> x.id().equals("l4-debug-tank-level-scale")).findFirst().orElseThrow();
    Scenario unfixed = new Scenario(s.id(), s.version(), s.title(), s.briefing(), s.level(), s.skill(), s.clauses(), s.rigs(),
        s.timeLimit(), s.passMark(), s.setup(), s.faults(), s.tasks(),
        s.reference().stream().filter(step -> !step.action().equals("binding_edit")).toList(), s.judgements(), s.source());
    // no random candidates: what is held here is the reference's own score, which they do not touch
    DryRun.Result r = DryRun.of(unfixed, SCORING, 0);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).anyMatch(p -> p.startsWith("the reference solution scores"));
  }
}
