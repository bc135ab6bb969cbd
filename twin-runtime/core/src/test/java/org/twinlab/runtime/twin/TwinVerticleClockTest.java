package org.twinlab.runtime.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.ManualClock;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.connect.Connections;

/**
 * A twin tells time by the clock it is given, never by the wall: what it stamps (its properties,
 * its binding versions, the actions taken on it) follows a clock the test moves by hand.
 */
class TwinVerticleClockTest {
  @TempDir
  Path dir;
  private Vertx vertx;
  private final ManualClock clock = new ManualClock();
  private TwinVerticle twin;

  @BeforeEach
  void deploy() throws Exception {
    vertx = Vertx.vertx();
    TwinCodecs.register(vertx.eventBus());
    var model = ModelLibrary.loadBuiltIn("tank-process");
    TwinConfig config = new TwinConfig("tank-1", model, new BindingSet("tank-1", model.id(), List.of(), List.of()), "station-3");
    twin = new TwinVerticle(config, new Connections(vertx, List.of(), dir.resolve("pki"), clock), new BindingJournal(dir, "tank-1"), 3.0, false, clock);
    get(vertx.deployVerticle(twin));
  }

  @AfterEach
  void close() throws Exception {
    get(vertx.close());
  }

  @Test
  void aTwinStampsItsPropertiesAndBindingsWithTheInjectedClock() throws Exception {
    Instant start = clock.instant();

    TwinSnapshot snapshot = get(twin.snapshot());
    assertThat(snapshot.properties()).isNotEmpty().allSatisfy(p -> assertThat(p.receivedTime()).isEqualTo(start));
    BindingVersion loaded = get(twin.bindings());
    assertThat(loaded.at()).isEqualTo(start);
  }

  @Test
  void anActionOnATwinIsStampedWithTheInjectedClock() throws Exception {
    List<CandidateAction> feed = new CopyOnWriteArrayList<>();
    get(vertx.eventBus().<CandidateAction>localConsumer(Bus.actions("tank-1"), m -> feed.add(m.body())).completion());
    clock.advance(Duration.ofHours(3)); // far from the wall clock's now, whenever the test runs

    assertThat(get(twin.moveTo(Lifecycle.RUNNING, new Actor("trainer1", Role.TRAINER)))).isEqualTo(Lifecycle.RUNNING);

    await().atMost(Duration.ofSeconds(20)).until(() -> !feed.isEmpty());
    assertThat(feed).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo("start");
      assertThat(a.at()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
    });
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
