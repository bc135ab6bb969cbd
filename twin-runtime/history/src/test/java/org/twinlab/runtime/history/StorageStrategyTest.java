package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.history.StorageStrategy.Aggregate;

/** A twin's storage strategy takes effect in the store: what is kept, downsampled how, retained how long. */
class StorageStrategyTest {
  private static final Instant T0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);

  @TempDir
  Path dir;

  private static StorageStrategy strategy(Set<String> kept, Duration downsample, Aggregate aggregate) {
    return new StorageStrategy(kept, Optional.empty(), Optional.ofNullable(downsample), aggregate, HistoryConfig.Store.EMBEDDED);
  }

  private static HistoryPoint point(String twin, String property, ValueKind kind, Object value, Instant t) {
    return new HistoryPoint(twin, "tank-process", property, kind, "", value, Quality.GOOD, t, t, null, null);
  }

  /** Level samples every 200 ms for 30 s rising by 1 per sample, a pump flag, an alarm and a flow reading. */
  private static List<HistoryPoint> samples(String twin) {
    List<HistoryPoint> out = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      Instant t = T0.plusMillis(200L * i);
      out.add(point(twin, "tank.level", ValueKind.NUMBER, (double) i, t));
      out.add(point(twin, "tank.level_raw", ValueKind.INTEGER, (long) i, t));
      out.add(point(twin, "flow.rate", ValueKind.NUMBER, 5.0, t));
    }
    out.add(point(twin, "pump.running", ValueKind.BOOLEAN, true, T0.plusSeconds(3)));
    out.add(point(twin, "alarm.level_high", ValueKind.BOOLEAN, true, T0.plusSeconds(4)));
    return out;
  }

  @Test
  void onlyTheNamedPropertiesAreKeptWithAlarmsAndEachIntervalIsOnePoint() {
    StrategyFilter f = new StrategyFilter(strategy(Set.of("tank.level", "tank.level_raw", "pump.running"), Duration.ofSeconds(10), Aggregate.MEAN));
    List<HistoryPoint> stored = new ArrayList<>(f.apply(samples("t")));
    stored.addAll(f.flush());

    assertThat(stored).extracting(HistoryPoint::property).doesNotContain("flow.rate").contains("alarm.level_high", "pump.running");
    List<HistoryPoint> level = stored.stream().filter(p -> p.property().equals("tank.level")).toList();
    // samples 0..49 in the first 10 s, 50..99 in the next, 100..149 in the last
    assertThat(level).extracting(HistoryPoint::time).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20));
    assertThat(level).extracting(HistoryPoint::value).containsExactly(24.5, 74.5, 124.5);
    assertThat(stored.stream().filter(p -> p.property().equals("tank.level_raw")).map(HistoryPoint::value))
        .containsExactly(25L, 75L, 125L); // an integer property keeps whole numbers (24.5 rounds half up)
  }

  @Test
  void eachAggregateSummarisesTheInterval() {
    for (var c : List.of(new Object[] {Aggregate.MIN, 0.0}, new Object[] {Aggregate.MAX, 49.0}, new Object[] {Aggregate.LAST, 49.0})) {
      StrategyFilter f = new StrategyFilter(strategy(Set.of("tank.level"), Duration.ofSeconds(10), (Aggregate) c[0]));
      List<HistoryPoint> stored = f.apply(samples("t"));
      assertThat(stored.get(0).value()).as("%s", c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void withoutDownsamplingEveryKeptSampleIsStoredAndAReadingWithoutValuePassesAsItComes() {
    StrategyFilter f = new StrategyFilter(strategy(Set.of("tank.level"), null, Aggregate.MEAN));
    assertThat(f.apply(samples("t"))).filteredOn(p -> p.property().equals("tank.level")).hasSize(150);

    StrategyFilter d = new StrategyFilter(strategy(Set.of("tank.level"), Duration.ofSeconds(10), Aggregate.MEAN));
    HistoryPoint stale = new HistoryPoint("t", "tank-process", "tank.level", ValueKind.NUMBER, "mm", null, Quality.bad("no reading"),
        T0.plusSeconds(1), T0.plusSeconds(1), null, null);
    assertThat(d.apply(List.of(stale))).containsExactly(stale);
  }

  @Test
  void aStrategyInForceShapesWhatTheStoreHoldsAndItsRetentionDeletesOnlyItsTwinsOldPoints() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(dir, 0)) {
      History history = new History(new HistoryWriter(store, 10_000, Duration.ofMillis(10), 1000, Clock.systemUTC()), Optional.empty());
      Instant old = T0.minus(Duration.ofDays(40));
      store.append(List.of(point("tank-1", "tank.level", ValueKind.NUMBER, 1.0, old), point("tank-2", "tank.level", ValueKind.NUMBER, 2.0, old)));

      long removed = history.apply("tank-1", new StorageStrategy(Set.of("tank.level"), Optional.of(Duration.ofDays(30)),
          Optional.of(Duration.ofSeconds(10)), Aggregate.MEAN, HistoryConfig.Store.EMBEDDED), T0);
      history.writer().offer(history.strategies().apply("tank-1", samples("tank-1")));
      history.writer().awaitIdle(Duration.ofSeconds(10));

      assertThat(removed).isEqualTo(1);
      List<Series> all = store.raw(HistoryQuery.twin("tank-1", old.minusSeconds(1), T0.plusSeconds(60)));
      assertThat(all).extracting(s -> s.key().property()).containsExactly("alarm.level_high", "tank.level");
      Series level = all.get(1);
      assertThat(level.points()).extracting(StoredPoint::time).containsExactly(T0, T0.plusSeconds(10)); // the last interval is still open
      assertThat(store.raw(HistoryQuery.twin("tank-2", old.minusSeconds(1), T0))).hasSize(1);
      history.close();
    }
  }

  @Test
  void aClearedStrategyHandsOverItsOpenIntervalsAndEverySampleIsStoredAgain() {
    StorageStrategies all = new StorageStrategies();
    all.set("t", strategy(Set.of("tank.level"), Duration.ofSeconds(10), Aggregate.MEAN));
    List<HistoryPoint> kept = all.apply("t", samples("t"));
    List<HistoryPoint> held = all.clear("t");

    assertThat(kept).filteredOn(p -> p.property().equals("tank.level")).hasSize(2);
    assertThat(held).extracting(HistoryPoint::time).containsExactly(T0.plusSeconds(20));
    assertThat(all.of("t")).isEmpty();
    assertThat(all.apply("t", samples("t"))).hasSize(samples("t").size());
  }

  @Test
  void aStrategyNamesTheStoreTheRuntimeRuns() {
    History history = new History(new HistoryWriter(new MemoryHistoryStore(), 100, Duration.ofMillis(10), 100, Clock.systemUTC()), Optional.empty());
    assertThatThrownBy(() -> history.apply("tank-1", new StorageStrategy(Set.of("tank.level"), Optional.empty(), Optional.empty(),
        Aggregate.MEAN, HistoryConfig.Store.INFLUXDB), T0)).isInstanceOf(HistoryException.class).hasMessageContaining("embedded store");
    history.close();
  }
}
