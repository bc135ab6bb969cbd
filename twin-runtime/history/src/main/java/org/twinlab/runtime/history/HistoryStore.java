package org.twinlab.runtime.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where twin history is kept. Every method blocks: call them from worker threads, never from an
 * event loop. {@link #append} returns only when the points are durable, which is what the runtime
 * counts as acknowledged.
 */
public interface HistoryStore extends AutoCloseable {

  /** Stores a batch; when it returns the points survive a crash of this process. */
  void append(List<HistoryPoint> points) throws HistoryException;

  /** The raw points in a window, one series per property (and station and session), oldest first. */
  List<Series> raw(HistoryQuery query) throws HistoryException;

  /**
   * The value in force when the window opens: for each series, its last point before
   * {@code query.from()} (series without one are left out). Sources that report only on change, such
   * as OPC UA, may send nothing inside a window while a value holds.
   */
  List<Series> latestBefore(HistoryQuery query) throws HistoryException;

  /**
   * The points in a window summarised per step of the given length. Steps start at whole multiples
   * of the step since the epoch, so a 10 s step starts at :00, :10 and so on, as in InfluxDB.
   */
  List<SteppedSeries> stepped(HistoryQuery query, Duration step) throws HistoryException;

  /** Deletes every point older than the cutoff; returns how many went, or -1 when the store cannot tell. */
  long deleteBefore(Instant cutoff) throws HistoryException;

  /**
   * Deletes one twin's points older than the cutoff, as its storage strategy's retention says;
   * returns how many went, or -1 when the store cannot tell.
   */
  default long deleteBefore(String twin, Instant cutoff) throws HistoryException {
    throw new HistoryException(describe() + " cannot delete one twin's points: a strategy's retention needs the embedded store");
  }

  /** A short description for logs and the status endpoint: the kind of store and where it is. */
  String describe();

  /** Points accepted but not yet in their final place (for instance spooled while a server is away). */
  default long pending() {
    return 0;
  }

  /** What keeps the store from its final place now (a server out of reach, say), or null. */
  default String problem() {
    return null;
  }

  @Override
  void close();
}
