package org.twinlab.runtime.history;

import java.time.Duration;
import java.util.Optional;

/** A runtime's history: the store, the writer that feeds it, the session tags and the retention. */
public final class History implements AutoCloseable {
  private final HistoryWriter writer;
  private final SessionTags sessions = new SessionTags();
  private final Optional<Duration> retention;

  public History(HistoryWriter writer, Optional<Duration> retention) {
    this.writer = writer;
    this.retention = retention;
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
