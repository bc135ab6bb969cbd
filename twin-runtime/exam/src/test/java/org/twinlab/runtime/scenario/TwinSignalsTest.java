package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.AlarmState;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.models.expr.Knowledge;
import org.twinlab.scenarios.engine.Observed;

/** When each of a twin's changes happened, as a scenario run's checks are to judge it. */
class TwinSignalsTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private record Heard(String signal, Instant at, Observed value) {}

  private final List<Heard> heard = new ArrayList<>();
  private boolean blind;
  private final TwinSignals signals = new TwinSignals(TANK, (s, at, v) -> heard.add(new Heard(s, at, v)), () -> blind);

  private static PropertyState level(Object value, Quality q, Instant source, Instant received) {
    return new PropertyState("tank.level", value, "mm", q, source, received);
  }

  private static Change changed(PropertyState p) {
    return new Change.PropertyChanged("tank-1", p);
  }

  @Test
  void aSampleIsTakenAtItsSourceTimeWhenItArrivedPromptly() {
    signals.changes(List.of(changed(level(120.0, Quality.GOOD, T.plusMillis(100), T.plusMillis(400)))), T.plusMillis(450));
    assertThat(heard).containsExactly(new Heard("twin.tank.level", T.plusMillis(100), Observed.known(120.0)));
  }

  @Test
  void aValueMeasuredLongBeforeTheTwinGotItCountsFromItsReceipt() {
    // an unchanged value read again after its binding changed: the twin did not show it before now
    signals.changes(List.of(changed(level(120.0, Quality.GOOD, T.minusSeconds(600), T))), T.plusMillis(5));
    assertThat(heard).extracting(Heard::at).containsExactly(T);
  }

  @Test
  void aSourceTimeAheadOfTheTwinsClockCountsFromItsReceipt() {
    signals.changes(List.of(changed(level(120.0, Quality.GOOD, T.plusSeconds(30), T))), T.plusMillis(5));
    assertThat(heard).extracting(Heard::at).containsExactly(T);
  }

  @Test
  void stalenessIsTakenWhenItIsHeardNotAtTheLastSamplesTime() {
    PropertyState stale = level(120.0, Quality.uncertain(PropertyState.STALE + ": no sample for 700 ms"), T, T);
    signals.changes(List.of(changed(stale)), T.plusMillis(700));
    assertThat(heard).containsExactly(new Heard("twin.tank.level", T.plusMillis(700), Observed.missing()));
  }

  @Test
  void anAlarmRisesAtTheTimeOfTheSampleThatRaisedIt() {
    var high = TANK.alarms().stream().filter(a -> a.id().equals("level_high")).findFirst().orElseThrow();
    signals.changes(List.of(changed(level(460.0, Quality.GOOD, T.plusMillis(100), T.plusMillis(300))),
        new Change.AlarmChanged("tank-1", new AlarmState(high, true, T.plusMillis(300), Optional.empty(), Optional.empty()))),
        T.plusMillis(320));
    assertThat(heard).contains(new Heard("alarm.level_high", T.plusMillis(100), Observed.known(true)));
  }

  @Test
  void whatThePlatformCannotSeeIsUnknownAndTheCandidatesBrokenBindingIsMissing() {
    PropertyState bad = level(null, Quality.bad("Bad_NodeIdUnknown"), T, T);
    signals.changes(List.of(changed(bad)), T);
    blind = true;
    signals.untrusted(List.of(bad), T.plusSeconds(1));
    assertThat(heard).extracting(h -> h.value().knowledge()).containsExactly(Knowledge.MISSING, Knowledge.UNKNOWN);
  }

  @Test
  void theLifecycleAndARemovedTwinAreTakenWhenHeard() {
    signals.changes(List.of(new Change.LifecycleChanged("tank-1", Lifecycle.PAUSED)), T);
    signals.absent(T.plusSeconds(1));
    assertThat(heard).filteredOn(h -> h.signal().equals(TwinSignals.LIFECYCLE))
        .containsExactly(new Heard("twin.lifecycle", T, Observed.known("paused")), new Heard("twin.lifecycle", T.plusSeconds(1), Observed.known("absent")));
    assertThat(heard).filteredOn(h -> h.signal().equals("twin.tank.level")).singleElement()
        .satisfies(h -> assertThat(h.value()).isEqualTo(Observed.missing()));
  }
}
