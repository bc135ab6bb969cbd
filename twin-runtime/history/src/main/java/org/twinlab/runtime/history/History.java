package org.twinlab.runtime.history;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.twinlab.runtime.config.HistoryConfig;

/**
 * A runtime's history: the store, the writer that feeds it, the session tags, the retention and
 * each twin's storage strategy.
 */
public final class History implements AutoCloseable {
  private final HistoryWriter writer;
  private final SessionTags sessions = new SessionTags();
  private final StorageStrategies strategies = new StorageStrategies();
  private final Optional<Duration> retention;
  private final HistoryConfig.Store kind;

  public History(HistoryWriter writer, Optional<Duration> retention) {
    this(writer, retention, HistoryConfig.Store.EMBEDDED);
  }

  /** @param kind the kind of store the configuration names */
  public History(HistoryWriter writer, Optional<Duration> retention, HistoryConfig.Store kind) {
    this.writer = writer;
    this.retention = retention;
    this.kind = kind;
  }

  public HistoryConfig.Store kind() {
    return kind;
  }

  public StorageStrategies strategies() {
    return strategies;
  }

  /**
   * Puts a twin's storage strategy in force: what its previous one held for open intervals is
   * stored, and its retention is applied at once. Blocks: call it on a worker.
   *
   * @return how many points the retention removed (0 without one, -1 when the store cannot tell)
   */
  public long apply(String twin, StorageStrategy strategy, java.time.Instant now) throws HistoryException {
    if (strategy.store() != kind) {
      throw new HistoryException("this runtime keeps history on the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " store");
    }
    List<HistoryPoint> held = strategies.set(twin, strategy);
    if (!held.isEmpty()) writer.offer(held);
    if (strategy.retention().isEmpty()) return 0;
    return store().deleteBefore(twin, now.minus(strategy.retention().get()));
  }

  public HistoryStore store() {
    return writer.store();
  }

  public HistoryWriter writer() {
    return writer;
  }

  public SessionTags sessions() {
    return sessions;
  }

  public Optional<Duration> retention() {
    return retention;
  }

  /** The writer's figures, with the store's own trouble (a server out of reach, say) as the error. */
  public HistoryStatus status() {
    HistoryStatus s = writer.status();
    String problem = s.lastError() != null ? s.lastError() : store().problem();
    return new HistoryStatus(s.store(), s.acknowledged(), s.queued(), s.dropped(), s.spooled(), s.batches(),
        s.lastBatchMillis(), problem, s.lastError() != null ? s.lastErrorAt() : null);
  }

  /** Writes what is queued, then closes the store. */
  @Override
  public void close() {
    writer.close();
  }
}
