package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.check.Event;
import org.twinlab.scenarios.check.Verdict.Outcome;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.StationRigs;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * A candidate's watch is judged by the run on what the twin shows: it fires once its condition has
 * held for its delay, not on a shorter excursion, and fires again only after the condition stopped
 * holding; checks read its firings as watch.fired events.
 */
class ScenarioRunWatchTest {
  private static final String YAML = """
      scenario: t-watch
      version: 1
      title: {en: Watch, zh: 监视}
      level: 3
      skill: operate
      clauses: ["4-04-05-10 L3 4.1.1"]
      rig: tank-process
      time_limit: 10m
      tasks:
        - id: t
          prompt: {en: Watch it, zh: 监视}
          checks:
            - {id: fired, measure: "eventually watch.fired[name=level-high]", points: 1}
            - {id: quiet-early, measure: "never watch.fired within 5s", points: 1, guards: fired}
      reference:
        - {at: 1s, do: watch, with: {name: level-high, condition: "twin.tank.level > 300", delay: 2s}}
      """;
  private static final Duration TICK = Duration.ofMillis(100);
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final VirtualTime time = new VirtualTime(T0);
  private final FakeStation station = new FakeStation();
  private ScenarioRun run;

  @BeforeEach
  void start() throws Exception {
    Scenario scenario = new ScenarioLoader(StandardLoader.digitalTwinTechnician()).load("t.yaml", new StringReader(YAML));
    run = new ScenarioRun(scenario, station, new StationClock(time, scenario.timeLimit()), new Scoring(StandardLoader.digitalTwinTechnician()));
    run.start("examiner");
    station.changed("twin.tank.level", T0, 150.0);
  }

  private void tickUntil(long millis) {
    while (time.instant().isBefore(T0.plusMillis(millis))) {
      time.advance(TICK);
      run.tick();
    }
  }

  private long firings() {
    return run.trace().events().stream().filter(e -> e.kind().equals("watch.fired")).count();
  }

  @Test
  void aWatchFiresOnceItsConditionHasHeldForItsDelayAndAgainOnlyAfterItStopped() {
    tickUntil(500);
    run.act("cand1", "watch", Map.of("name", "level-high", "condition", "twin.tank.level > 300", "delay", "2s"));
    station.changed("twin.tank.level", T0.plusMillis(1000), 320.0); // 1.5 s over: shorter than the delay
    tickUntil(2500);
    station.changed("twin.tank.level", T0.plusMillis(2500), 200.0);
    tickUntil(6000);
    assertThat(firings()).as("an excursion shorter than the delay").isZero();

    station.changed("twin.tank.level", T0.plusMillis(6000), 330.0);
    tickUntil(12_000);
    assertThat(firings()).as("held 6 s: fires once, not on every tick").isEqualTo(1);
    Event fired = run.trace().events().stream().filter(e -> e.kind().equals("watch.fired")).findFirst().orElseThrow();
    assertThat(fired.time()).as("the first tick that saw it hold, plus the delay").isEqualTo(T0.plusMillis(8100));
    assertThat(fired.attributes()).containsEntry("name", "level-high").containsEntry("who", "cand1");

    station.changed("twin.tank.level", T0.plusMillis(12_000), 250.0);
    tickUntil(13_000);
    station.changed("twin.tank.level", T0.plusMillis(13_000), 340.0);
    tickUntil(16_000);
    assertThat(firings()).as("armed again once the level came back").isEqualTo(2);
    assertThat(run.verdicts().get("fired").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(run.verdicts().get("quiet-early").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aWatchSetAgainUnderItsNameReplacesTheOneBefore() {
    run.act("cand1", "watch", Map.of("name", "level-high", "condition", "twin.tank.level > 100"));
    run.act("cand1", "watch", Map.of("name", "level-high", "condition", "twin.tank.level > 400"));
    tickUntil(3000);
    assertThat(firings()).isZero();
  }

  @Test
  void aStationJudgesAtMostTwentyWatchesAndTellsTheExaminers() {
    for (int i = 0; i < Watches.MAX + 1; i++) run.act("cand1", "watch", Map.of("name", "w" + i, "condition", "twin.tank.level > 100"));
    tickUntil(1000);
    assertThat(firings()).isEqualTo(Watches.MAX);
    assertThat(run.notices()).anySatisfy(n -> assertThat(n).contains("at most 20 watches"));
  }

  @Test
  void aRefusedWatchIsNotJudged() {
    station.refuseNext = true;
    run.act("cand1", "watch", Map.of("name", "level-high", "condition", "twin.tank.level > 100"));
    tickUntil(3000);
    assertThat(firings()).isZero();
  }

  @Test
  void aWatchReadsTheTwinOnlyAndNamesWhatTheStationHas() {
    StationRigs tank = StationRigs.of(ModelLibrary.loadBuiltIn("tank-process"));
    assertThat(invalid(Map.of("name", "w", "condition", "rig.tank.level > 1"), tank)).isEqualTo("condition");
    assertThat(invalid(Map.of("name", "w", "condition", "twin.tank.levl > 1"), tank)).isEqualTo("condition");
    assertThat(invalid(Map.of("name", "w", "condition", "action.write"), tank)).isEqualTo("condition");
    assertThat(invalid(Map.of("name", "w", "condition", "twin.tank.level >"), tank)).isEqualTo("condition");
    assertThat(invalid(Map.of("name", "W W", "condition", "twin.tank.level > 1"), tank)).isEqualTo("name");
    assertThat(invalid(Map.of("name", "w", "condition", "twin.tank.level > 1" + " or twin.tank.level > 1".repeat(30)), tank))
        .isEqualTo("condition");
    assertThat(invalid(Map.of("name", "w", "condition", "twin.tank.level > 1", "delay", "11m"), tank)).isEqualTo("delay");
    assertThat(invalid(Map.of("name", "w", "condition", "twin.tank.level > 1", "fired", "true"), tank)).isEqualTo("fired");
    assertThat(WatchRule.read(Map.of("name", "w", "condition", "alarm.level_high or twin.tank.level > 1", "delay", "30s"), tank, "c")
        .delay()).isEqualTo(Duration.ofSeconds(30));
  }

  private static String invalid(Map<String, Object> fields, StationRigs rigs) {
    try {
      WatchRule.read(fields, rigs, "c");
    } catch (WatchRule.Invalid e) {
      return e.field();
    }
    throw new AssertionError("taken: " + fields);
  }

  @Test
  void checksNameOnlyTheWatchsOwnEventAndAttributes() {
    ScenarioLoader loader = new ScenarioLoader(StandardLoader.digitalTwinTechnician());
    assertThatThrownBy(() -> loader.load("t.yaml", new StringReader(YAML.replace("watch.fired[name=level-high]", "watch.raised"))))
        .hasMessageContaining("watch.fired");
    assertThatThrownBy(() -> loader.load("t.yaml", new StringReader(YAML.replace("watch.fired[name=level-high]", "watch.fired[nam=x]"))))
        .hasMessageContaining("has no attribute 'nam'");
  }
}
