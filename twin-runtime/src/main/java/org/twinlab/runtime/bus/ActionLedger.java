package org.twinlab.runtime.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Where an action taken on a twin goes before it is acknowledged: to the lab sessions, which write
 * it to the evidence log of the station the twin is at, and from there to the twin's action feed.
 * The future completes once the record is on disk, so an API answers only for actions that are kept.
 */
public final class ActionLedger {
  /** Answered by the lab sessions (point to point) once the action is recorded and published. */
  public static final String ADDRESS = "twinlab.actions.taken";
  private static final DeliveryOptions WAIT = new DeliveryOptions().setSendTimeout(15_000);

  private ActionLedger() {}

  public static Future<Void> take(Vertx vertx, CandidateAction action) {
    return vertx.eventBus().request(ADDRESS, action, WAIT).<Void>mapEmpty().recover(e -> {
      if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
        // no lab sessions in this runtime: the action feed is all there is
        vertx.eventBus().publish(Bus.actions(action.twin()), action);
        return Future.succeededFuture();
      }
      return Future.failedFuture(e);
    });
  }
}
