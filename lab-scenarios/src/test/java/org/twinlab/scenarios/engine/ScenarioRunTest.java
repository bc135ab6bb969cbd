package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Event;
import org.twinlab.scenarios.check.Verdict.Outcome;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

class ScenarioRunTest {
  private static final String YAML = """
      scenario: t-run
      version: 1
      title: {en: Test run, zh: 测试}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2"]
      rig: tank-process
      time_limit: 10m
      faults:
        - {id: at_two, kind: stuck_at, target: tank.level, value: 10, at: 2m, lasting: 1m}
        - {id: on_high, kind: offset, target: tank.temperature, offset: 5, on: "rig.tank.level > 400"}
        - {id: on_ack, kind: noise, target: tank.level, stddev: 1, on: "action.alarm_ack", hidden: false}
      tasks:
        - id: t
          prompt: {en: Do it, zh: 做}
          checks:
            - {id: estop, measure: "eventually action.emergency_stop within 5m", points: 2}
            - {id: no-overflow, measure: "never rig.tank.level > 450", points: 1}
            - {id: twin-sane, measure: "always twin.tank.level >= 0", points: 1, hidden: true}
            - {id: judged, judge: {en: Explains it, zh: 解释}, points: 3, rubric: {0: {en: No explanation, zh: 无解释}, 1: {en: A guess, zh: 猜测},
                2: {en: The cause without the evidence, zh: 有原因无依据}, 3: {en: The cause and its evidence, zh: 原因及依据}}}
      reference:
        - {when: "rig.tank.level > 300", do: emergency_stop}
      judgements: {judged: 3}
      """;

  private final Scoring scoring = new Scoring(StandardLoader.digitalTwinTechnician());
  private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T09:00:00Z"));
  private final FakeStation station = new FakeStation();
  private Scenario scenario;
  private ScenarioRun run;

  @BeforeEach
  void start() throws Exception {
    scenario = new ScenarioLoader(StandardLoader.digitalTwinTechnician()).load("t.yaml", new StringReader(YAML));
    station.set("rig.tank.level", 150.0);
    station.set("twin.tank.level", 150.0);
    run = new ScenarioRun(scenario, station, new StationClock(time, scenario.timeLimit()), scoring);
    run.start("examiner");
  }

  private void pass(Duration d) {
    for (long s = 0; s < d.toSeconds(); s++) {
      time.advance(Duration.ofSeconds(1));
      run.tick();
    }
  }

  @Test
  void aTimedFaultIsInjectedOnTimeAndClearedAfterItsDuration() {
    pass(Duration.ofSeconds(119));
    assertThat(station.log).doesNotContain("inject at_two");
    pass(Duration.ofSeconds(1));
    assertThat(station.log).contains("inject at_two");
    pass(Duration.ofSeconds(60));
    assertThat(station.log).contains("clear at_two");
    assertThat(run.faults()).filteredOn(f -> f.fault().id().equals("at_two")).singleElement()
        .satisfies(f -> assertThat(f.clearedAt()).isEqualTo(Instant.parse("2026-03-02T09:03:00Z")));
    assertThat(run.trace().events()).filteredOn(e -> e.kind().equals("fault.at_two")).extracting(e -> e.attributes().get("phase"))
        .containsExactly("injected", "cleared");
  }

  @Test
  void aTriggeredFaultWaitsForItsCondition() {
    pass(Duration.ofSeconds(30));
    assertThat(station.log).doesNotContain("inject on_high");
    station.set("rig.tank.level", 401.0);
    pass(Duration.ofSeconds(1));
    assertThat(station.log).containsOnlyOnce("inject on_high");
    pass(Duration.ofSeconds(5));
    assertThat(station.log).containsOnlyOnce("inject on_high");
  }

  @Test
  void anEventTriggerFiresWithTheActionItself() {
    run.act("cand-7", "alarm_ack", Map.of("alarm", "level_high"));
    assertThat(station.log).containsSequence("cand-7 alarm_ack", "inject on_ack");
  }

  @Test
  void actionsAreRecordedWithWhoAndWhenAndOnlyAcceptedOnesAreEvidence() {
    pass(Duration.ofSeconds(42));
    station.refuseNext = true;
    run.act("cand-7", "write", Map.of("property", "pid.setpoint", "value", 300));
    run.act("cand-7", "write", Map.of("property", "pid.setpoint", "value", 320.0, "transform", Map.of("scale", 2)));
    assertThat(run.actions()).hasSize(2);
    ActionRecord refused = run.actions().get(0);
    assertThat(refused.outcome().accepted()).isFalse();
    assertThat(refused.who()).isEqualTo("cand-7");
    assertThat(refused.elapsed()).isEqualTo(Duration.ofSeconds(42));
    assertThat(run.trace().events()).filteredOn(e -> e.kind().startsWith("action.")).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("action.write");
      assertThat(e.attributes()).containsEntry("who", "cand-7").containsEntry("property", "pid.setpoint")
          .containsEntry("value", "320").containsEntry("transform.scale", "2");
    });
  }

  @Test
  void aPausedClockTakesNoActionsAndHoldsTimedFaults() {
    pass(Duration.ofSeconds(100));
    run.clock().pause("examiner", "fire drill");
    pass(Duration.ofMinutes(5));
    assertThat(run.act("cand-7", "emergency_stop", Map.of()).outcome().detail()).isEqualTo("the clock is paused");
    assertThat(station.log).doesNotContain("inject at_two", "cand-7 emergency_stop");
    run.clock().resume("examiner");
    pass(Duration.ofSeconds(20));
    assertThat(station.log).contains("inject at_two");
  }

  @Test
  void checksAreJudgedLiveAndFinallyAtTheEnd() {
    pass(Duration.ofSeconds(10));
    assertThat(run.verdicts().get("estop").outcome()).isEqualTo(Outcome.PENDING);
    assertThat(run.verdicts().get("no-overflow").outcome()).isEqualTo(Outcome.PENDING);
    run.act("cand-7", "emergency_stop", Map.of());
    assertThat(run.verdicts().get("estop").outcome()).as("decided as soon as the evidence is there").isEqualTo(Outcome.PASSED);
    pass(Duration.ofMinutes(10));
    assertThat(run.ended()).isTrue();
    assertThat(run.verdicts().get("no-overflow").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(run.act("cand-7", "report", Map.of("text", "late")).outcome().accepted()).isFalse();
  }

  @Test
  void whatThePlatformCouldNotSeeIsFlaggedNotFailed() {
    pass(Duration.ofSeconds(10));
    station.unknown("twin.tank.level");
    pass(Duration.ofSeconds(10));
    station.set("twin.tank.level", 151.0);
    pass(Duration.ofMinutes(10));
    CheckScore sane = run.sheet().checks().stream().filter(c -> c.check().equals("twin-sane")).findFirst().orElseThrow();
    assertThat(sane.status()).isEqualTo(CheckScore.Status.INDETERMINATE);
    assertThat(sane.earned()).isNull();
    assertThat(run.sheet().provisional()).isTrue();
  }

  @Test
  void onlyJudgedChecksTakeMarksOnTheScale() {
    assertThatThrownBy(() -> run.mark("estop", 3, "examiner")).hasMessageContaining("measured by the engine");
    assertThatThrownBy(() -> run.mark("judged", 4, "examiner")).hasMessageContaining("0 to 3");
    assertThatThrownBy(() -> run.mark("nope", 1, "examiner")).hasMessageContaining("no check");
    run.mark("judged", 2, "examiner");
    assertThat(run.sheet().checks()).filteredOn(c -> c.check().equals("judged")).singleElement()
        .satisfies(c -> assertThat(c.earned()).isEqualTo(2.0));
  }

  @Test
  void theReferenceCandidateActsWhenItsConditionHolds() {
    ReferenceCandidate reference = new ReferenceCandidate(scenario.reference());
    for (int s = 0; s < 30; s++) {
      if (s == 20) station.set("rig.tank.level", 310.0);
      time.advance(Duration.ofSeconds(1));
      run.tick();
      reference.act(run);
    }
    assertThat(run.actions()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo("emergency_stop");
      assertThat(a.who()).isEqualTo(ReferenceCandidate.WHO);
      assertThat(a.elapsed()).isEqualTo(Duration.ofSeconds(21));
    });
    assertThat(run.trace().events()).extracting(Event::kind).contains("action.emergency_stop");
  }

  @Test
  void candidatesSeeNeitherHiddenChecksNorHiddenFaults() {
    pass(Duration.ofSeconds(150));
    run.act("cand-7", "alarm_ack", Map.of("alarm", "level_high"));
    CandidateView view = CandidateView.of(run);
    assertThat(view.tasks()).singleElement().satisfies(t -> assertThat(t.checks()).extracting(CandidateView.CheckView::check)
        .containsExactly("estop", "no-overflow", "judged"));
    assertThat(run.faults()).extracting(f -> f.fault().id()).contains("at_two", "on_ack");
    assertThat(view.announcedFaults()).containsExactly("on_ack");
    assertThat(view.secondsLeft()).isEqualTo(450);
  }

  @Test
  void theSheetExportsOneRowPerAspectWithItsClause() throws Exception {
    run.act("cand-7", "emergency_stop", Map.of());
    run.mark("judged", 3, "examiner");
    run.end("examiner", "done");
    java.io.StringWriter out = new java.io.StringWriter();
    org.twinlab.scenarios.score.ScoreSheetCsv.write(run.sheet(), out);
    String[] lines = out.toString().split("\r\n");
    assertThat(lines[0]).isEqualTo("\uFEFF" + String.join(",", org.twinlab.scenarios.score.ScoreSheetCsv.COLUMNS));
    assertThat(lines).hasSize(5);
    assertThat(lines[1]).startsWith("\"\",,,,t-run,1,L4,t,operation,4-04-05-10 L4 3.1.2,estop,measurement,2,2,passed,");
    assertThat(lines[4]).startsWith("\"\",,,,t-run,1,L4,t,operation,4-04-05-10 L4 3.1.2,judged,judgement,3,3,marked,");
  }

  @Test
  void aRunResumedAfterARestartKeepsItsTimeActionsFaultsAndVerdicts() throws Exception {
    pass(Duration.ofSeconds(130)); // the timed fault is in force
    run.act("cand-7", "emergency_stop", Map.of());
    pass(Duration.ofSeconds(5));
    assertThat(run.verdicts().get("estop").outcome()).isEqualTo(org.twinlab.scenarios.check.Verdict.Outcome.PASSED);
    ScenarioRun.Prior prior = new ScenarioRun.Prior(run.actions(), run.faults(), run.verdicts());
    Duration elapsed = run.clock().elapsed();

    // the runtime was down for ten minutes; the new station has lost the fault and is not prepared again
    time.advance(Duration.ofMinutes(10));
    FakeStation fresh = new FakeStation();
    fresh.set("rig.tank.level", 150.0);
    fresh.set("twin.tank.level", 150.0);
    StationClock clock = StationClock.restored(time, scenario.timeLimit(), run.clock().startedAt(), elapsed, false, "runtime");
    ScenarioRun resumed = new ScenarioRun(scenario, fresh, clock, scoring);
    resumed.resume(prior);

    assertThat(fresh.prepared).as("not prepared again").isNull();
    assertThat(fresh.log).contains("inject at_two");
    assertThat(resumed.clock().remaining()).isEqualTo(scenario.timeLimit().minus(elapsed));
    assertThat(resumed.actions()).extracting(ActionRecord::kind).containsExactly("emergency_stop");
    assertThat(resumed.verdicts().get("estop").outcome()).isEqualTo(org.twinlab.scenarios.check.Verdict.Outcome.PASSED);
    // the fault still ends a minute after it began, on exam time
    for (int s = 0; s < 60; s++) {
      time.advance(Duration.ofSeconds(1));
      resumed.tick();
    }
    assertThat(fresh.log).contains("clear at_two");
  }
}
