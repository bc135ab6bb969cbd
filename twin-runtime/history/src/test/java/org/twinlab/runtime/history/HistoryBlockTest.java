package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;

class HistoryBlockTest {
  private static final SeriesKey LEVEL = new SeriesKey("tank-1", "tank-process", "tank.level", ValueKind.NUMBER, "mm", "s1", null);
  private static final SeriesKey COUNT = new SeriesKey("tank-1", "tank-process", "tank.count", ValueKind.INTEGER, "", "s1", null);
  private static final SeriesKey PUMP = new SeriesKey("tank-1", "tank-process", "pump.on", ValueKind.BOOLEAN, "", "s1", null);
  private static final SeriesKey MODE = new SeriesKey("tank-1", "tank-process", "lifecycle", ValueKind.TEXT, "", "s1", null);
  private static final Instant T = Instant.parse("2026-12-04T09:15:30.123456789Z");

  private static List<HistoryPoint> points() {
    return List.of(
        new HistoryPoint(LEVEL, 251.5, Quality.GOOD, T, T.plusNanos(1)),
        new HistoryPoint(COUNT, 42L, Quality.uncertain("clamped"), T.plusMillis(1), T.plusMillis(2)),
        new HistoryPoint(PUMP, true, Quality.GOOD, T.plusMillis(3), T.plusMillis(3)),
        new HistoryPoint(MODE, "RUNNING", Quality.GOOD, T.plusMillis(4), T.plusMillis(4)),
        new HistoryPoint(LEVEL, null, Quality.bad("connection lost"), Instant.ofEpochSecond(-5, 7), T));
  }

  private static HistoryBlock block(List<HistoryPoint> points) {
    HistoryBlock.Builder b = HistoryBlock.withRoom(points.size() + 2);
    points.forEach(p -> b.add(p.series(), p.value(), p.quality(), p.time(), p.receivedTime()));
    return b.build();
  }

  @Test
  void givesBackEveryPointAsItWasAddedWhateverTheKindOfValue() {
    HistoryBlock block = block(points());
    assertThat(block).containsExactlyElementsOf(points());
    assertThat(block.get(1).value()).isInstanceOf(Long.class);
    assertThat(block.get(0).time()).isEqualTo(T); // to the nanosecond, not cut to history's microseconds
  }

  @Test
  void readsNumbersAndTimesFromItsColumnsWithoutBuildingPoints() {
    HistoryBlock block = block(points());
    assertThat(block.hasNumber(0)).isTrue();
    assertThat(block.number(0)).isEqualTo(251.5);
    assertThat(block.number(1)).isEqualTo(42.0);
    assertThat(block.number(2)).isEqualTo(1.0);
    assertThat(block.hasNumber(3)).isFalse();
    assertThat(block.hasNumber(4)).isFalse();
    assertThat(block.timeMicros(0)).isEqualTo(Micros.of(T));
    assertThat(block.timeMicros(4)).isEqualTo(Micros.of(Instant.ofEpochSecond(-5, 7)));
    assertThatThrownBy(() -> block.number(3)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSubListSharesTheColumnsAndIsABlockItself() {
    HistoryBlock sub = block(points()).subList(1, 4);
    assertThat(sub).containsExactlyElementsOf(points().subList(1, 4));
    assertThat(sub.subList(1, 2)).containsExactly(points().get(2));
    assertThat(sub.series(0)).isSameAs(COUNT);
    assertThatThrownBy(() -> sub.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesMorePointsThanItHasRoomFor() {
    HistoryBlock.Builder b = HistoryBlock.withRoom(1).add(LEVEL, 1.0, Quality.GOOD, T, T);
    assertThatThrownBy(() -> b.add(LEVEL, 2.0, Quality.GOOD, T, T)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void joinedListsReadAsOneInOrder() {
    JoinedPoints joined = new JoinedPoints();
    joined.add(block(points()).subList(0, 2));
    joined.add(List.of());
    joined.add(new ArrayList<>(points().subList(2, 5)));
    assertThat(joined).hasSize(5).containsExactlyElementsOf(points());
    assertThat(joined.get(3)).isEqualTo(points().get(3));
    assertThat(HistoryBlock.parts(joined)).hasSize(2);
  }

  @Test
  void theEmbeddedStoreKeepsABlocksPointsAsItKeepsRecords(@TempDir Path dir) throws Exception {
    try (SqliteHistoryStore fromBlock = SqliteHistoryStore.open(dir.resolve("block"), 0);
        SqliteHistoryStore fromRecords = SqliteHistoryStore.open(dir.resolve("records"), 0)) {
      JoinedPoints joined = new JoinedPoints();
      joined.add(block(points()));
      fromBlock.append(joined);
      fromRecords.append(points());
      HistoryQuery all = HistoryQuery.twin("tank-1", Instant.ofEpochSecond(-10), T.plusSeconds(10));
      assertThat(fromBlock.raw(all)).isEqualTo(fromRecords.raw(all)).isNotEmpty();
    }
  }
}
