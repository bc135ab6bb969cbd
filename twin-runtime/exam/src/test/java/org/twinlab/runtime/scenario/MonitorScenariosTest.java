package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Event;
import org.twinlab.scenarios.check.Sample;
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
 * The monitoring scenario (L3 4.1.1) judges the candidate's watch on the real run: the reference's
 * watch fires on the departure and its record quotes the reading the twin showed then; a watch with
 * no delay fires on the noise, one set too high never fires.
 */
class MonitorScenariosTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final Scenario MONITOR = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals("l3-operate-monitor-tools-tank")).findFirst().orElseThrow();

  private static ScenarioRun withWatch(String condition, String delay) throws Exception {
    Map<String, Object> with = delay == null ? Map.of("name", "w", "condition", condition) : Map.of("name", "w", "condition", condition, "delay", delay);
    return DryRun.play(MONITOR, new ReferenceCandidate(List.of(
        new ReferenceStep(Optional.of(Duration.ofMinutes(1)), Optional.empty(), "", "watch", with, Optional.empty()))), SCORING, Map.of());
  }

  private static Verdict.Outcome outcome(ScenarioRun run, String check) {
    return run.verdicts().get(check).outcome();
  }

  @Test
  void theReferencesRecordQuotesTheReadingTheTwinShowedWhenItsWatchFired() throws Exception {
    ScenarioRun run = DryRun.play(MONITOR, new ReferenceCandidate(MONITOR.reference()), SCORING, Map.of());
    Instant fired = run.trace().events().stream().filter(e -> e.kind().equals("watch.fired")).map(Event::time).findFirst().orElseThrow();
    Instant jam = run.faults().stream().filter(f -> f.fault().id().equals("inlet_valve_jammed")).findFirst().orElseThrow().injectedAt();
    assertThat(fired).isAfter(jam);
    double shown = run.trace().samples("twin.tank.level").stream().filter(s -> !s.time().isAfter(fired)).reduce((a, b) -> b)
        .map(Sample::value).map(v -> ((Number) v).doubleValue()).orElseThrow();
    Object quoted = MONITOR.reference().stream().filter(s -> s.action().equals("report")).findFirst().orElseThrow().with().get("value");
    assertThat(((Number) quoted).doubleValue()).isCloseTo(shown, within(10.0));
    assertThat(shown).isBetween(80.0, 125.0); // the record check's band brackets what the twin really showed
  }

  @Test
  void aWatchWithNoDelayFiresOnTheNoise() throws Exception {
    ScenarioRun run = withWatch("twin.tank.level < 145 or twin.tank.level > 155", null);
    assertThat(outcome(run, "no-false-alarm")).isEqualTo(Verdict.Outcome.FAILED);
  }

  @Test
  void aWatchSetBeyondWhatHappensNeverFires() throws Exception {
    ScenarioRun run = withWatch("twin.tank.level < 20", "10s");
    assertThat(outcome(run, "watch-fired-on-the-departure")).isEqualTo(Verdict.Outcome.FAILED);
  }
}
