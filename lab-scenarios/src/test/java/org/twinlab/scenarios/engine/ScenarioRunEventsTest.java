package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Event;
import org.twinlab.scenarios.check.Sample;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.check.Verdict.Outcome;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * Checks judge the twin's own changes, each at the moment it happened, not what a tick happened to
 * see: a pulse shorter than a tick is seen, a change between two ticks is judged at its own time,
 * and durations are measured between the changes themselves.
 */
class ScenarioRunEventsTest {
  private static final String YAML = """
      scenario: t-events
      version: 1
      title: {en: Events, zh: 事件}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2"]
      rig: tank-process
      time_limit: 10m
      tasks:
        - id: t
          prompt: {en: Do it, zh: 做}
          checks:
            - {id: valve-opened, measure: "eventually twin.inlet_valve.open == true", points: 1}
            - {id: valve-shut-after, measure: "eventually twin.inlet_valve.open == false after first twin.inlet_valve.open == true", points: 1}
            - {id: alarm-rose, measure: "eventually alarm.level_high", points: 1}
            - {id: heater-held, measure: "twin.heater.on holds for 2s", points: 1}
            - {id: acked-while-high, measure: "eventually action.alarm_ack and alarm.level_high", points: 1}
      reference:
        - {at: 1s, do: write, with: {property: inlet_valve.open, value: true}}
      """;
  /** How often the run ticks, as it does live. */
  private static final Duration TICK = Duration.ofMillis(100);
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualTime time = new VirtualTime(T0);
  private final FakeStation station = new FakeStation();
  private ScenarioRun run;

  @BeforeEach
  void start() throws Exception {
    Scenario scenario = new ScenarioLoader(StandardLoader.digitalTwinTechnician()).load("t.yaml", new StringReader(YAML));
    run = new ScenarioRun(scenario, station, new StationClock(time, scenario.timeLimit()),
        new Scoring(StandardLoader.digitalTwinTechnician()));
    run.start("examiner");
    station.changed("twin.inlet_valve.open", T0, false);
    station.changed("twin.heater.on", T0, false);
    station.changed("alarm.level_high", T0, false);
  }

  /** Moves the station clock on tick by tick, as the live run's timer and the dry run's steps do. */
  private void tickUntil(Duration elapsed) {
    while (Duration.between(T0, time.instant()).compareTo(elapsed) < 0) {
      time.advance(TICK);
      run.tick();
    }
  }

  /** Lets the station clock run on to a moment between two ticks, as it does between the live run's timer calls. */
  private void clockAt(long millis) {
    time.advance(Duration.between(time.instant(), at(millis)));
  }

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  private Verdict verdict(String check) {
    return run.verdicts().get(check);
  }

  @Test
  void aPulseShorterThanATickIsSeenAtItsSourceTime() {
    tickUntil(Duration.ofMillis(1200));
    // true then false 50 ms later, both heard after the tick at 1.2 s
    station.changed("twin.inlet_valve.open", at(1130), true);
    station.changed("twin.inlet_valve.open", at(1180), false);
    tickUntil(Duration.ofMillis(1300));

    assertThat(verdict("valve-opened").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict("valve-opened").at()).isEqualTo(at(1130));
    assertThat(verdict("valve-shut-after").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict("valve-shut-after").at()).isEqualTo(at(1180));
  }

  @Test
  void aChangeBetweenTwoTicksIsJudgedAtItsOwnTime() {
    tickUntil(Duration.ofSeconds(3));
    clockAt(3060);
    station.changed("alarm.level_high", at(3042), true);
    tickUntil(Duration.ofSeconds(4));
    assertThat(verdict("alarm-rose").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict("alarm-rose").at()).isEqualTo(at(3042));
  }

  @Test
  void aDurationIsMeasuredBetweenTheChangesThemselves() {
    tickUntil(Duration.ofSeconds(1));
    station.changed("twin.heater.on", at(1010), true);
    station.changed("twin.heater.on", at(2990), false); // 1.98 s: a tick-quantised trace would have seen 2 s
    tickUntil(Duration.ofSeconds(4));
    clockAt(4070);
    station.changed("twin.heater.on", at(4050), true);
    tickUntil(Duration.ofSeconds(7));

    assertThat(verdict("heater-held").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict("heater-held").at()).as("two seconds after the second rise").isEqualTo(at(6050));
  }

  @Test
  void aLateSampleTakesItsOwnPlaceInTheSignalsHistory() {
    tickUntil(Duration.ofSeconds(2));
    station.changed("twin.inlet_valve.open", at(1900), true);
    // heard after the sample that followed it: it goes before that one, not after
    station.changed("twin.inlet_valve.open", at(1850), false);
    station.changed("twin.inlet_valve.open", at(1800), true);

    assertThat(run.trace().samples("twin.inlet_valve.open")).extracting(Sample::time, Sample::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(T0, false), org.assertj.core.groups.Tuple.tuple(at(1800), true),
            org.assertj.core.groups.Tuple.tuple(at(1850), false), org.assertj.core.groups.Tuple.tuple(at(1900), true));
    assertThat(verdict("valve-opened").at()).isEqualTo(at(1800));
  }

  @Test
  void aSampleStampedAfterTheStationClocksNowIsTakenAsNow() {
    tickUntil(Duration.ofSeconds(1));
    station.changed("alarm.level_high", at(1500), true); // the rig's clock is ahead of the station's
    assertThat(run.trace().samples("alarm.level_high")).last().extracting(Sample::time).isEqualTo(at(1000));
  }

  @Test
  void anActionHeardAfterALaterChangeIsJudgedAtTheMomentItWasTaken() {
    tickUntil(Duration.ofSeconds(5));
    station.changed("alarm.level_high", at(4900), true);
    station.changed("alarm.level_high", at(4960), false);
    // taken at 4.95 s while the alarm was up, heard by the run only now, after the alarm cleared
    ActionRecord ack = run.record(at(4950), "cand-7", "alarm_ack", Map.of("alarm", "level_high"), ActionOutcome.accepted("done"));

    assertThat(ack.at()).isEqualTo(at(4950));
    assertThat(ack.elapsed()).isEqualTo(Duration.ofMillis(4950));
    assertThat(run.trace().events()).extracting(Event::kind, Event::time)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("action.alarm_ack", at(4950)));
    assertThat(verdict("acked-while-high").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict("acked-while-high").at()).isEqualTo(at(4950));
  }

  @Test
  void eventsHeardOutOfOrderAreKeptInTheOrderTheyHappened() {
    tickUntil(Duration.ofSeconds(5));
    run.record(at(4700), "cand-7", "report", Map.of("text", "b"), ActionOutcome.accepted("filed"));
    run.record(at(4600), "cand-7", "report", Map.of("text", "a"), ActionOutcome.accepted("filed"));
    assertThat(run.trace().events()).extracting(e -> e.attributes().get("text")).containsExactly("a", "b");
  }
}
