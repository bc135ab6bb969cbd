package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamLoader;
import org.twinlab.scenarios.exam.ExamScoring;
import org.twinlab.scenarios.exam.ExamSheet;
import org.twinlab.scenarios.fairness.Played;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The library's exams are fair instruments as a whole, sat on one simulated station for their full
 * 120 minutes of virtual time: the reference earns 100 with each function at its level weight, an
 * idle candidate 0, and one going through the motions in every part fails.
 */
class ExamDryRunTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(STANDARD));

  private static Exam load(String source, Reader in) throws Exception {
    return new ExamLoader(STANDARD, LIBRARY).load(source, in);
  }

  private static Exam library(String file) throws Exception {
    var in = Objects.requireNonNull(ExamDryRunTest.class.getResourceAsStream("/exams/" + file), file);
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load("exams/" + file, r);
    }
  }

  private static ExamDryRun.Result dryRun(Exam exam) throws Exception {
    return ExamDryRun.of(exam, new Scoring(STANDARD), new ExamScoring(STANDARD), 2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"level-5/l5-exam-tank.yaml", "level-4/l4-exam-tank.yaml", "level-3/l3-exam-tank.yaml"})
  void aLibraryExamEarnsTheReference100TheIdle0AndFailsTheMotions(String file) throws Exception {
    Exam exam = library(file);
    ExamDryRun.Result r = dryRun(exam);
    assertThat(r.problems()).as(exam.id()).isEmpty();

    ExamSheet reference = r.reference().sheet();
    assertThat(reference.total()).isCloseTo(100, within(1e-9));
    for (ExamSheet.FunctionPoints f : reference.functions()) {
      assertThat(f.contribution()).as(f.function() + " at its level weight").isCloseTo(f.weight(), within(1e-9));
    }
    assertThat(r.reference().elapsed()).as("every part sat to its time").isEqualTo(
        exam.parts().stream().map(p -> p.time()).reduce(java.time.Duration.ZERO, java.time.Duration::plus));
    ExamDryRun.Sitting idle = r.sittings().stream().filter(s -> s.kind() == Played.Kind.IDLE).findFirst().orElseThrow();
    assertThat(idle.sheet().total()).isZero();
    ExamDryRun.Sitting motions = r.sittings().stream().filter(s -> s.kind() == Played.Kind.MOTIONS).findFirst().orElseThrow();
    assertThat(motions.sheet().passed()).as("motions earn " + motions.sheet().total()).isFalse();
  }

  @Test
  void aPartCutToSomeTasksIsSolvedByTheirStepsAloneAndAReferenceThatFallsShortIsCaught() throws Exception {
    Exam cut = load("cut.yaml", new StringReader("""
        exam: l5-cut
        version: 1
        title: {en: Cut, zh: 删减}
        level: 5
        time_limit: 120m
        parts:
          - {scenario: l5-monitor-tank-alarm-report, time: 30m}
          - {scenario: l5-test-basic-functions-tank, time: 30m}
          - {scenario: l5-operate-start-pause-stop-tank, tasks: [run], time: 30m}
        """));
    Scenario operate = cut.parts().get(2).scenario();
    assertThat(operate.tasks()).extracting(t -> t.id()).containsExactly("run");
    assertThat(operate.reference()).allMatch(step -> step.task().orElse("run").equals("run"));
    ExamDryRun.Result r = dryRun(cut);
    assertThat(r.problems()).isEmpty();
    assertThat(r.reference().sheet().total()).isCloseTo(100, within(1e-9));

    Scenario test = cut.parts().get(1).scenario();
    Scenario unsolved = new Scenario(test.id(), test.version(), test.title(), test.briefing(), test.level(), test.skill(),
        test.clauses(), test.rigs(), test.timeLimit(), test.passMark(), test.setup(), test.faults(), test.tasks(), List.of(),
        test.judgements(), test.source());
    List<org.twinlab.scenarios.exam.ExamPart> parts = new java.util.ArrayList<>(cut.parts());
    parts.set(1, new org.twinlab.scenarios.exam.ExamPart(unsolved, cut.parts().get(1).tasks(), cut.parts().get(1).time()));
    Exam shortfall = new Exam(cut.id(), cut.version(), cut.title(), cut.briefing(), cut.level(), cut.timeLimit(), cut.order(),
        cut.passMark(), parts, cut.rigs(), cut.source());
    // no random candidates: what is held here is the reference's own total, which they do not touch
    assertThat(ExamDryRun.of(shortfall, new Scoring(STANDARD), new ExamScoring(STANDARD), 0).problems())
        .anyMatch(p -> p.startsWith("the reference solution earns"));
  }
}
