package org.twinlab.runtime.history;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.ChangeBatch;

/**
 * Follows every twin's changes on the event bus and hands them to the history writer; the event loop
 * only converts and queues. Applies the retention period once an hour, on a worker.
 */
public final class HistoryVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryVerticle.class);
  private static final long RETENTION_EVERY_MS = Duration.ofHours(1).toMillis();
  private static final long FIRST_RETENTION_MS = 5_000;

  private final List<TwinConfig> twins;
  private final HistoryWriter writer;
  private final SessionTags sessions;
  private final Duration retention;
  private final Clock clock;
  private final long firstRetentionMs;
  private final StorageStrategies strategies;
  private final java.util.Map<String, io.vertx.core.eventbus.MessageConsumer<ChangeBatch>> consumers = new java.util.LinkedHashMap<>();

  /** @param retention how long points are kept; null keeps them forever */
  public HistoryVerticle(List<TwinConfig> twins, HistoryWriter writer, SessionTags sessions, Duration retention, Clock clock) {
    this(twins, writer, sessions, new StorageStrategies(), retention, clock, FIRST_RETENTION_MS);
  }

  /** A runtime's history, each twin's points stored as its storage strategy says. */
  public HistoryVerticle(List<TwinConfig> twins, History history, Clock clock) {
    this(twins, history.writer(), history.sessions(), history.strategies(), history.retention().orElse(null), clock, FIRST_RETENTION_MS);
  }

  /** @param firstRetentionMs how soon after the start retention first runs (then hourly) */
  HistoryVerticle(List<TwinConfig> twins, HistoryWriter writer, SessionTags sessions, Duration retention, Clock clock,
      long firstRetentionMs) {
    this(twins, writer, sessions, new StorageStrategies(), retention, clock, firstRetentionMs);
  }

  HistoryVerticle(List<TwinConfig> twins, HistoryWriter writer, SessionTags sessions, StorageStrategies strategies,
      Duration retention, Clock clock, long firstRetentionMs) {
    this.twins = List.copyOf(twins);
    this.writer = writer;
    this.sessions = sessions;
    this.strategies = strategies;
    this.retention = retention;
    this.clock = clock;
    this.firstRetentionMs = firstRetentionMs;
  }

  /** Done once every twin's changes are listened to: a twin deployed after this loses none. */
  @Override
  public Future<?> start() {
    List<Future<Void>> registered = new ArrayList<>();
    for (TwinConfig t : twins) registered.add(register(t));
    vertx.setTimer(firstRetentionMs, id -> applyRetention());
    vertx.setPeriodic(RETENTION_EVERY_MS, id -> applyRetention());
    return Future.all(registered);
  }

  private Future<Void> register(TwinConfig t) {
    ChangeHistory history = new ChangeHistory(t, sessions, clock);
    var consumer = vertx.eventBus().<ChangeBatch>localConsumer(Bus.changes(t.id()),
        m -> writer.offer(strategies.apply(t.id(), history.points(m.body().changes()))));
    consumers.put(t.id(), consumer);
    return consumer.completion();
  }

  /** Starts keeping the history of a twin deployed after the start; done once it listens. */
  public Future<Void> follow(TwinConfig t) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> register(t).onComplete(done));
    return done.future();
  }

  /** Stops keeping the history of a removed twin (what it recorded stays). */
  public Future<Void> unfollow(String twin) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      var c = consumers.remove(twin);
      (c == null ? Future.<Void>succeededFuture() : c.unregister()).onComplete(done);
    });
    return done.future();
  }

  private void applyRetention() {
    strategies.all().forEach((twin, s) -> s.retention().ifPresent(keep -> {
      Instant cutoff = clock.instant().minus(keep);
      vertx.executeBlocking(() -> writer.store().deleteBefore(twin, cutoff), false)
          .onFailure(e -> LOG.error("history: {}'s retention could not delete points older than {}: {}", twin, cutoff, e.getMessage()));
    }));
    if (retention == null) return;
    Instant cutoff = clock.instant().minus(retention);
    vertx.executeBlocking(() -> writer.store().deleteBefore(cutoff), false)
        .onSuccess(n -> {
          if (n != 0) LOG.info("history: retention removed {} points older than {}", n < 0 ? "the" : n, cutoff);
        })
        .onFailure(e -> LOG.error("history: retention could not delete points older than {}: {}", cutoff, e.getMessage()));
  }

  @Override
  public Future<?> stop() {
    return Future.all(consumers.values().stream().map(c -> c.unregister()).toList());
  }
}
