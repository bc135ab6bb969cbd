package org.twinlab.runtime.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes history points from any thread without blocking and writes them to the store in batches on
 * its own thread. A failed batch is retried with backoff until the store takes it, while new points
 * wait in a bounded queue; only when that queue is full are points dropped, and counted. Points are
 * queued as the lists they are offered in (one per batch of a twin's changes), so the hot path pays
 * one hand-over per list rather than one per point.
 *
 * <p>Batches: by default a batch closes two seconds after its first point, or at 200,000 points.
 * The embedded store writes a chunk per series per batch and each chunk costs SQLite about as much
 * as a row did, so the interval sets the cost per point: at a full lab's rate (6,000 series at
 * 10 Hz, 240 s) the writer's thread took 0.9 µs per point at 2 s, 1.7 µs at 1 s and 8.9 µs at the
 * former 200 ms, which fell behind (see the module's README). The price is the crash-loss window: what is still queued or
 * being written when the process is killed is lost, at most the two seconds of points waiting for
 * their batch plus the batch being written (some 2.2 s, 130,000 points at 60,000 points/s). A
 * normal stop ({@link #close}) writes everything queued first.
 */
public final class HistoryWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration ERROR_LOG_EVERY = Duration.ofSeconds(60);

  private final HistoryStore store;
  private final int batchSize;
  private final Duration maxDelay;
  private final int capacity;
  private final LinkedBlockingQueue<List<HistoryPoint>> queue = new LinkedBlockingQueue<>();
  /** Points in the queue (not in flight); never above capacity. */
  private final AtomicLong queued = new AtomicLong();
  /** What is left of a list that did not fit into the last batch; the writer's thread only. */
  private List<HistoryPoint> carry = List.of();
  private final Thread thread;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private volatile double lastBatchMillis;
  private volatile String lastError;
  private volatile Instant lastErrorAt;
  private final java.time.Clock clock;
  private volatile boolean closing;
  private final java.util.concurrent.CountDownLatch closeRequested = new java.util.concurrent.CountDownLatch(1);
  private Instant lastErrorLogged = Instant.MIN;

  /**
   * @param batchSize the most points one append carries
   * @param maxDelay the longest a point waits for a batch to fill
   * @param capacity the most points that wait while the store cannot write
   * @param clock dates the last error the status reports
   */
  public HistoryWriter(HistoryStore store, int batchSize, Duration maxDelay, int capacity, java.time.Clock clock) {
    this.store = store;
    this.clock = clock;
    this.batchSize = batchSize;
    this.maxDelay = maxDelay;
    this.capacity = capacity;
    this.thread = new Thread(this::run, "twinlab-history-writer");
    thread.setDaemon(true);
    thread.start();
  }

  public static final int DEFAULT_BATCH = 200_000;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);
  public static final int DEFAULT_CAPACITY = 2_000_000;

  public static HistoryWriter withDefaults(HistoryStore store, java.time.Clock clock) {
    return new HistoryWriter(store, DEFAULT_BATCH, DEFAULT_MAX_DELAY, DEFAULT_CAPACITY, clock);
  }

  public HistoryStore store() {
    return store;
  }

  /**
   * Queues points for the store; never blocks. Points beyond the queue's capacity are dropped and
   * counted. The list is kept as it is until written: the caller hands it over and leaves it alone.
   */
  public void offer(List<HistoryPoint> points) {
    int n = points.size();
    if (n == 0) return;
    if (closing) {
      dropped.addAndGet(n);
      return;
    }
    int taken = reserve(n);
    if (taken < n) dropped.addAndGet(n - taken);
    if (taken > 0) queue.add(taken == n ? points : points.subList(0, taken));
  }

  /** Takes room for up to n points in the queue; returns how many fit. */
  private int reserve(int n) {
    while (true) {
      long now = queued.get();
      int fit = (int) Math.min(n, capacity - now);
      if (fit <= 0) return 0;
      if (queued.compareAndSet(now, now + fit)) return fit;
    }
  }

  private void run() {
    JoinedPoints batch = new JoinedPoints();
    while (!(closing && carry.isEmpty() && queue.isEmpty())) {
      try {
        if (carry.isEmpty()) {
          List<HistoryPoint> first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) continue;
          carry = first;
        }
        long deadline = System.nanoTime() + maxDelay.toNanos();
        while (true) {
          fill(batch);
          long wait = deadline - System.nanoTime();
          if (batch.size() >= batchSize || wait <= 0 || closing) break;
          List<HistoryPoint> next = queue.poll(Math.min(wait, 20_000_000L), TimeUnit.NANOSECONDS);
          if (next != null) carry = next;
        }
        writeUntilTaken(batch);
        batch.clear();
        inFlight.set(0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Moves queued lists into the batch up to its size, the rest of a list that does not fit kept for the next; the lists are joined, not copied. */
  private void fill(JoinedPoints batch) {
    while (batch.size() < batchSize) {
      if (carry.isEmpty()) {
        List<HistoryPoint> next = queue.poll();
        if (next == null) return;
        carry = next;
      }
      int room = batchSize - batch.size();
      List<HistoryPoint> part = carry.size() <= room ? carry : carry.subList(0, room);
      batch.add(part);
      inFlight.addAndGet(part.size()); // counted in flight before it leaves the queue, so awaitIdle never sees a gap
      queued.addAndGet(-part.size());
      carry = part.size() == carry.size() ? List.of() : carry.subList(part.size(), carry.size());
    }
  }

  private void writeUntilTaken(List<HistoryPoint> batch) throws InterruptedException {
    long backoffMs = 250;
    while (true) {
      long start = System.nanoTime();
      try {
        store.append(batch);
        lastBatchMillis = (System.nanoTime() - start) / 1e6;
        acknowledged.addAndGet(batch.size());
        batches.incrementAndGet();
        if (lastError != null) LOG.info("history: writing again to {}", store.describe());
        lastError = null;
        return;
      } catch (HistoryException | RuntimeException e) {
        failed(e, batch.size());
        if (closing) {
          // stopping with a store that cannot write: say what is lost instead of waiting on it
          long lost = batch.size() + queued.get();
          dropped.addAndGet(lost);
          LOG.error("history: stopping while {} cannot write; {} points not stored", store.describe(), lost);
          queue.clear();
          carry = List.of();
          queued.set(0);
          return;
        }
        closeRequested.await(backoffMs, TimeUnit.MILLISECONDS); // a close cuts the wait short
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  private void failed(Exception e, int size) {
    lastError = e.getMessage();
    lastErrorAt = clock.instant();
    if (Duration.between(lastErrorLogged, lastErrorAt).compareTo(ERROR_LOG_EVERY) >= 0) {
      lastErrorLogged = lastErrorAt;
      LOG.error("history: {} — {} points wait and are retried; live twins keep running", e.getMessage(), size + queued.get());
    }
  }

  public HistoryStatus status() {
    return new HistoryStatus(store.describe(), acknowledged.get(), queued.get() + inFlight.get(), dropped.get(),
        store.pending(), batches.get(), lastBatchMillis, lastError, lastErrorAt);
  }

  /** Waits until every point queued so far is acknowledged (or the time is up); for tests and shutdown. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (queued.get() > 0 || inFlight.get() > 0) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }

  /** Writes what is queued (giving a failing store a few seconds), then closes the store. */
  @Override
  public void close() {
    closing = true;
    closeRequested.countDown();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
    store.close();
  }
}
