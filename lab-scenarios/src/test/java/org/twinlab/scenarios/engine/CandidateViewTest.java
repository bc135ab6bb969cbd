package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.check.Deadline;
import org.twinlab.scenarios.check.SignalNames;
import org.twinlab.scenarios.check.Verdict.Outcome;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

class CandidateViewTest {
  private static final String YAML = """
      scenario: t-view
      version: 1
      title: {en: View, zh: 视图}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2"]
      rig: tank-process
      time_limit: 10m
      faults:
        - {id: sly_leak, kind: stuck_at, target: tank.level, value: 10, at: 1m}
      tasks:
        - id: t
          prompt: {en: Stop it in time, zh: 及时停止}
          checks:
            - id: estop
              name: {en: Emergency stop in time, zh: 及时急停}
              measure: "eventually action.emergency_stop within 3m"
              points: 2
            - {id: leak-seen-twice, measure: "count fault.sly_leak >= 2 within 2m", points: 1}
            - {id: secret-deadline, measure: "eventually action.report within 45s after first fault.sly_leak", points: 1, hidden: true}
            - {id: no-overflow, measure: "never rig.tank.level >= 490 within 30s after first alarm.level_high", points: 1}
      reference:
        - {at: 30s, do: emergency_stop}
      """;

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T09:00:00Z"));
  private final FakeStation station = new FakeStation();
  private ScenarioRun run;

  @BeforeEach
  void start() throws Exception {
    Scenario scenario = new ScenarioLoader(StandardLoader.digitalTwinTechnician()).load("t.yaml", new StringReader(YAML));
    station.set("rig.tank.level", 150.0);
    run = new ScenarioRun(scenario, station, new StationClock(time, scenario.timeLimit()),
        new Scoring(StandardLoader.digitalTwinTechnician()));
    run.start("examiner");
  }

  private void pass(Duration d) {
    for (long s = 0; s < d.toSeconds(); s++) {
      time.advance(Duration.ofSeconds(1));
      run.tick();
    }
  }

  private CandidateView view() {
    return CandidateView.of(run, SignalNames.of(List.of(ModelLibrary.loadBuiltIn("tank-process")), Set.of()));
  }

  @Test
  void eachTaskCarriesTheLimitsOfItsVisibleChecksInBothLanguages() {
    CandidateView.TaskView task = view().tasks().get(0);
    assertThat(task.deadlines()).extracting(Deadline::checkId).containsExactly("estop", "leak-seen-twice", "no-overflow");
    assertThat(task.deadlines().get(0).text()).isEqualTo(new Localized("by 3:00 on the exam clock", "考试计时 3:00 之前"));
    assertThat(task.deadlines().get(0).byClock()).contains(Duration.ofMinutes(3));
    assertThat(task.deadlines().get(2).text().en()).isEqualTo("for 30 s after the alarm “Tank level above 450 mm” is raised");
    assertThat(task.deadlines().get(2).text().zh()).isEqualTo("报警“液位高于450 mm”出现后 30 秒 内");
  }

  @Test
  void checksAreShownByTheirNameOrTheirIdMadeReadable() {
    assertThat(view().tasks().get(0).checks()).extracting(c -> c.name().en())
        .containsExactly("Emergency stop in time", "Leak seen twice", "No overflow");
    assertThat(view().tasks().get(0).checks().get(0).name().zh()).isEqualTo("及时急停");
  }

  @Test
  void aFailedCheckCarriesItsReasonAndAPendingOneNone() {
    pass(Duration.ofMinutes(4));
    CandidateView.CheckView estop = view().tasks().get(0).checks().get(0);
    assertThat(estop.state()).isEqualTo("failed");
    assertThat(estop.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("never true between"));
    assertThat(view().tasks().get(0).checks().get(2).reason()).isEmpty();
  }

  @Test
  void noHiddenFaultOrHiddenCheckLeaksThroughWhatTheCandidateSees() {
    pass(Duration.ofMinutes(3));
    // the verdict itself names the fault it counted: the view must not pass that on
    assertThat(run.verdicts().get("leak-seen-twice").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(run.verdicts().get("leak-seen-twice").because()).contains("fault.sly_leak");
    CandidateView v = view();
    CandidateView.CheckView counted = v.tasks().get(0).checks().get(1);
    assertThat(counted.reason()).hasValueSatisfying(r -> assertThat(r).doesNotContain("sly_leak").contains("(not disclosed)"));
    assertThat(v.tasks().get(0).deadlines().get(1).text().en()).isEqualTo("by 2:00 on the exam clock");
    String everything = v.toString();
    assertThat(everything).doesNotContain("sly_leak").doesNotContain("secret-deadline").doesNotContain("45 s");
  }

  @Test
  void aGuardThatHoldsShowsNothingEarnedUntilTheWorkItGuardsHasEarned() throws Exception {
    Scenario guarded = new ScenarioLoader(StandardLoader.digitalTwinTechnician()).load("g.yaml", new StringReader("""
        scenario: t-guard
        title: {en: Guard, zh: 守护}
        level: 4
        skill: operate
        clauses: ["4-04-05-10 L4 3.1.2"]
        rig: tank-process
        time_limit: 2m
        tasks:
          - id: t
            prompt: {en: Stop it, zh: 停止}
            checks:
              - {id: estop, measure: "eventually action.emergency_stop within 1m", points: 4}
              - {id: no-overflow, measure: "never rig.tank.level >= 490", points: 1, guards: estop}
              - {id: secret, measure: "eventually action.report", points: 1, hidden: true}
              - {id: kept-quiet, measure: "never action.write", points: 1, guards: secret}
        reference:
          - {at: 30s, do: emergency_stop}
        """));
    ScenarioRun idle = new ScenarioRun(guarded, station, new StationClock(time, guarded.timeLimit()),
        new Scoring(StandardLoader.digitalTwinTechnician()));
    idle.start("examiner");
    for (int s = 0; s < 30; s++) {
      time.advance(Duration.ofSeconds(1));
      idle.tick();
    }
    var checks = CandidateView.of(idle).tasks().get(0).checks();
    assertThat(checks).extracting(CandidateView.CheckView::check).containsExactly("estop", "no-overflow", "kept-quiet");
    // the guard's own verdict is not decided yet either (never … to the end), so it stays pending until the work is done
    for (int s = 0; s < 100; s++) {
      time.advance(Duration.ofSeconds(1));
      idle.tick();
    }
    checks = CandidateView.of(idle).tasks().get(0).checks();
    assertThat(checks.get(0).state()).isEqualTo("failed");
    assertThat(checks.get(1).state()).isEqualTo("failed");
    assertThat(checks.get(1).reason()).contains("counts once 'Estop' has earned");
    assertThat(checks.get(2).reason()).contains("counts once the work it guards has earned");
    assertThat(checks.toString()).doesNotContain("secret");
  }
}
