package org.twinlab.runtime.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stands in for a store that could not be opened: every call fails with the reason, and at most
 * every ten seconds it tries to open the real store again; once that works, calls go through to it.
 */
final class UnavailableStore implements HistoryStore {
  private static final Duration RETRY_EVERY = Duration.ofSeconds(10);

  private final HistoryStores.StoreOpener opener;
  private volatile String reason;
  private volatile HistoryStore opened;
  private long lastTryNanos = System.nanoTime(); // monotonic: a time between tries, not a time of day

  UnavailableStore(String reason, HistoryStores.StoreOpener opener) {
    this.reason = reason;
    this.opener = opener;
  }

  private synchronized HistoryStore store() throws HistoryException {
    if (opened != null) return opened;
    if (System.nanoTime() - lastTryNanos >= RETRY_EVERY.toNanos()) {
      lastTryNanos = System.nanoTime();
      try {
        opened = opener.open();
        return opened;
      } catch (HistoryException e) {
        reason = e.getMessage();
      }
    }
    throw new HistoryException(reason);
  }

  @Override
  public void append(List<HistoryPoint> points) throws HistoryException {
    store().append(points);
  }

  @Override
  public List<Series> raw(HistoryQuery query) throws HistoryException {
    return store().raw(query);
  }

  @Override
  public List<Series> latestBefore(HistoryQuery query) throws HistoryException {
    return store().latestBefore(query);
  }

  @Override
  public List<SteppedSeries> stepped(HistoryQuery query, Duration step) throws HistoryException {
    return store().stepped(query, step);
  }

  @Override
  public long deleteBefore(Instant cutoff) throws HistoryException {
    return store().deleteBefore(cutoff);
  }

  @Override
  public String describe() {
    HistoryStore s = opened;
    return s != null ? s.describe() : "no history store: " + reason;
  }

  @Override
  public long pending() {
    HistoryStore s = opened;
    return s != null ? s.pending() : 0;
  }

  @Override
  public String problem() {
    HistoryStore s = opened;
    return s != null ? s.problem() : reason;
  }

  @Override
  public synchronized void close() {
    if (opened != null) opened.close();
  }
}
