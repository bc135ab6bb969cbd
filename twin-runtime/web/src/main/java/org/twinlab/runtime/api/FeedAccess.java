package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.Map;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.bus.Bus;

/**
 * Which twins one follower of the live feed may see: decided once per twin, not for every batch,
 * and decided again whenever the sessions say who reaches what has changed (a session planned or
 * ended, a station started or ended). Then the follower is told at once, so a candidate whose
 * station ends loses its twins' feed there and then. Used from the follower's own event loop only.
 */
final class FeedAccess implements AutoCloseable {
  private final Reach reach;
  private final Caller caller;
  private final Map<String, Boolean> decided = new HashMap<>();
  private final MessageConsumer<String> changes;

  /** Follows the changes of who reaches what; {@code changed} runs (on this context) after each, with the decisions forgotten. */
  FeedAccess(Vertx vertx, Reach reach, Caller caller, Runnable changed) {
    this.reach = reach;
    this.caller = caller;
    this.changes = vertx.eventBus().localConsumer(Bus.ACCESS, m -> {
      decided.clear();
      changed.run();
    });
  }

  /** Whether the follower may see the twin's changes now. */
  boolean sees(String twin) {
    return decided.computeIfAbsent(twin, t -> reach.twin(caller, t));
  }

  /** Forgets every decision, so the next ask decides afresh. */
  void recheck() {
    decided.clear();
  }

  Caller caller() {
    return caller;
  }

  @Override
  public void close() {
    changes.unregister();
  }
}
