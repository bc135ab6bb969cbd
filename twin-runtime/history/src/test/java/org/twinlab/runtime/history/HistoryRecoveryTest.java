package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.SmallDisk;

/**
 * History writing recovers by itself once the store has room again: a failed transaction does not
 * leave the writing connection outside any transaction ("cannot commit - no transaction is
 * active" for ever), and the points that waited are written after.
 */
class HistoryRecoveryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  @TempDir
  Path tmp;

  private static HistoryPoint point(String property, int i) {
    Instant t = T0.plusMillis(i);
    return new HistoryPoint("tank-1", "tank_process", property, ValueKind.NUMBER, "mm", (double) i, Quality.GOOD, t, t,
        "s1", "exam-a");
  }

  private static List<HistoryPoint> points(String property, int from, int count) {
    List<HistoryPoint> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) out.add(point(property, i));
    return out;
  }

  private static int count(HistoryStore store, String property) throws HistoryException {
    return store.raw(HistoryQuery.twin("tank-1", T0.minusSeconds(1), T0.plusSeconds(3600))).stream()
        .filter(s -> s.key().property().equals(property)).mapToInt(s -> s.points().size()).sum();
  }

  @Test
  void aStoreThatWasFullTakesPointsAgainOnceItHasRoom() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(tmp, 64 * 1024)) {
      store.append(points("level", 0, 10));
      for (int attempt = 0; attempt < 3; attempt++) {
        assertThatThrownBy(() -> store.append(points("flow", 0, 20_000))).hasMessageContaining("is full");
      }
      // room again: the old points go
      store.deleteBefore(T0.plusSeconds(1));
      store.append(points("level", 2_000, 5));
      store.append(points("level", 3_000, 5));
      assertThat(count(store, "level")).isEqualTo(10);
    }
  }

  @Test
  void theWriterCatchesUpAfterTheDiskWasFull() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "3m")) {
      SqliteHistoryStore store = SqliteHistoryStore.open(disk.dir(), 0);
      HistoryWriter writer = new HistoryWriter(store, 500, Duration.ofMillis(20), 100_000, java.time.Clock.systemUTC());
      try {
        writer.offer(points("level", 0, 100));
        assertThat(writer.awaitIdle(Duration.ofSeconds(30))).isTrue();

        disk.fill();
        int offered = 100;
        // points keep coming while the disk is full, until the writer has found out; they wait in the queue
        int[] next = {offered};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
          if (writer.status().lastError() != null) return true;
          writer.offer(points("level", next[0], 2_000));
          next[0] += 2_000;
          return false;
        });
        offered = next[0];
        assertThat(writer.status().lastError()).as("the full disk is reported").isNotNull();
        assertThat(writer.status().queued()).isPositive();
        writer.offer(points("level", offered, 500));
        offered += 500;

        disk.free();
        assertThat(writer.awaitIdle(Duration.ofSeconds(60))).as("the queue drains once the disk has room").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.status().healthy());
        HistoryStatus status = writer.status();
        assertThat(status.dropped()).isZero();
        assertThat(status.acknowledged()).isEqualTo(offered);
        assertThat(count(store, "level")).as("every point offered is stored").isEqualTo(offered);
      } finally {
        writer.close();
      }
    }
  }
}
