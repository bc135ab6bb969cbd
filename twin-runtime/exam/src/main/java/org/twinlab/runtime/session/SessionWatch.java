package org.twinlab.runtime.session;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.evidence.EvidenceUnavailableException;

/**
 * Records what the sessions' runs decide as they go (verdicts, faults, a station's time running
 * out), twice a second, on a worker. Closing waits for a watch under way, so none outlives the
 * sessions it records.
 */
public final class SessionWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionWatch.class);
  private static final long WATCH_MS = 500;
  /** How long closing waits for a watch under way (one works out every running check). */
  private static final long CLOSE_WAIT_S = 30;

  private final Vertx vertx;
  private final LabSessions sessions;
  // held while a watch runs: one at a time, and closing takes it for good
  private final Semaphore watching = new Semaphore(1);
  private volatile boolean closed;
  private long timer = -1;
  // what each session's reach was at the last watch (one watch at a time)
  private final Map<String, String> watchedReach = new HashMap<>();

  public SessionWatch(Vertx vertx, LabSessions sessions) {
    this.vertx = vertx;
    this.sessions = sessions;
  }

  public void start() {
    // one watch at a time: a session held up (a station being set up, a slow disk) never piles up workers
    timer = vertx.setPeriodic(WATCH_MS, t -> {
      if (closed || !watching.tryAcquire()) return;
      // released on the worker and no handler on the result: nothing goes back to an event loop
      // that may be gone by the time a slow watch ends
      vertx.executeBlocking(() -> {
        try {
          if (!closed) watchAll();
        } finally {
          watching.release();
        }
        return null;
      }, false);
    });
  }

  private void watchAll() {
    for (LabSession s : sessions.all()) {
      try {
        s.watch();
      } catch (EvidenceUnavailableException e) {
        // logged once by the evidence log; health says why, and the next watch tries again
      } catch (RuntimeException e) {
        LOG.error("session {}: recording what the runs decided failed: {}", s.id(), e.toString(), e);
      }
      // a station whose time ran out ends without anyone asking, even while its evidence cannot be
      // written: its candidate's reach ends with it
      String reach = s.reachState();
      if (!reach.equals(watchedReach.put(s.id(), reach))) sessions.reachChanged(s.id());
    }
  }

  @Override
  public void close() {
    closed = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    try {
      if (!watching.tryAcquire(CLOSE_WAIT_S, TimeUnit.SECONDS)) LOG.warn("closing: a session watch still runs after {} s", CLOSE_WAIT_S);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
