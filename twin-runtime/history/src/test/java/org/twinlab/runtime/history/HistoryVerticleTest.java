package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.ChangeBatch;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinCodecs;

/** Changes published on the event bus end up in the store, with station and session; retention deletes old points. */
class HistoryVerticleTest {
  @TempDir
  Path dir;

  @Test
  void changesAreStoredWithStationAndSessionAndRetentionDeletesOldPoints() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (SqliteHistoryStore store = SqliteHistoryStore.open(dir, 0)) {
      Instant now = Instant.now();
      store.append(List.of(new HistoryPoint("tank-1", "tank-process", "tank.level", ValueKind.NUMBER, "mm", 1.0, Quality.GOOD,
          now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)), null, null)));
      HistoryWriter writer = new HistoryWriter(store, 100, Duration.ofMillis(20), 1000, Clock.systemUTC());
      SessionTags sessions = new SessionTags();
      sessions.start("tank-1", "exam-9");
      var model = ModelLibrary.loadBuiltIn("tank-process");
      TwinConfig twin = new TwinConfig("tank-1", model, new BindingSet("tank-1", model.id(), List.of(), List.of()), "station-3");
      TwinCodecs.register(vertx.eventBus());
      vertx.deployVerticle(new HistoryVerticle(List.of(twin), writer, sessions, Duration.ofDays(7), Clock.systemUTC(), 50))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      vertx.eventBus().publish(Bus.changes("tank-1"), new ChangeBatch("tank-1", List.of(
          new Change.PropertyChanged("tank-1", new PropertyState("tank.level", 250.0, "mm", Quality.GOOD, now, now)),
          new Change.LifecycleChanged("tank-1", Lifecycle.PAUSED))));

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        List<Series> all = store.raw(HistoryQuery.twin("tank-1", now.minus(Duration.ofDays(30)), now.plusSeconds(60)));
        assertThat(all).extracting(s -> s.key().property()).containsExactlyInAnyOrder("tank.level", "lifecycle");
        Series level = all.stream().filter(s -> s.key().property().equals("tank.level")).findFirst().orElseThrow();
        assertThat(level.points()).extracting(StoredPoint::value).containsExactly(250.0); // the 10-day-old point is gone
        assertThat(level.key().station()).isEqualTo("station-3");
        assertThat(level.key().session()).isEqualTo("exam-9");
      });
      writer.awaitIdle(Duration.ofSeconds(5));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
