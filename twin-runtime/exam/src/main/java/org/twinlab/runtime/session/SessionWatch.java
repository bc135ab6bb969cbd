package org.twinlab.runtime.session;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.evidence.EvidenceUnavailableException;

/**
 * Records what the sessions' runs decide as they go (verdicts, faults, a station's time running
 * out), twice a second, on a worker.
 */
public final class SessionWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionWatch.class);
  private static final long WATCH_MS = 500;

  private final Vertx vertx;
  private final LabSessions sessions;
  private final AtomicBoolean running = new AtomicBoolean();
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
      if (!running.compareAndSet(false, true)) return;
      vertx.executeBlocking(() -> {
        watchAll();
        return null;
      }, false).onComplete(done -> running.set(false));
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
    if (timer >= 0) vertx.cancelTimer(timer);
  }
}
