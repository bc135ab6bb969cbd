package org.twinlab.runtime.twin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.bus.Bus;

/**
 * The one gate every action on a twin passes, before it reaches the rig or changes anything: the
 * lab sessions decide whether the actor may take it now, and record it in the evidence of the
 * station the twin is at (on disk) before it is let through. Once it has been carried out, its
 * outcome is recorded too, and only then is it published on the twin's action feed.
 *
 * <p>An action that cannot be recorded is refused as unavailable (503) and never carried out; one
 * the actor may not take now is refused as a conflict (409) with the reason.
 */
public final class ActionLedger {
  private static final Logger LOG = LoggerFactory.getLogger(ActionLedger.class);
  /** Answered by the lab sessions (point to point) with a {@link Taken} once the action is recorded. */
  public static final String ADDRESS = "twinlab.actions.taken";
  /** Answered by the lab sessions once an action's {@link Settled outcome} is recorded and published. */
  public static final String OUTCOME = "twinlab.actions.outcome";
  /** Status a refusal of the gate carries in its reply: the actor may not act now. */
  public static final int REFUSED = 409;
  /** Status a refusal carries when the action cannot be recorded. */
  public static final int UNRECORDED = 503;
  private static final DeliveryOptions WAIT = new DeliveryOptions().setSendTimeout(15_000);

  private ActionLedger() {}

  /** Records an action before it is carried out; fails (409, 503) when it must not be. */
  public static Future<Taken> take(Vertx vertx, CandidateAction action) {
    return vertx.eventBus().<Taken>request(ADDRESS, action, WAIT).map(m -> m.body()).recover(e -> {
      if (noLedger(e)) return Future.succeededFuture(Taken.untracked(action)); // no lab sessions in this runtime
      return Future.failedFuture(refusal(e, "the action could not be recorded, so it was not carried out"));
    });
  }

  /**
   * Records what became of a taken action and, when it was done, publishes it on its twin's feed.
   * Fails (503) when the outcome cannot be recorded.
   */
  public static Future<Void> settle(Vertx vertx, Taken taken, Outcome outcome) {
    if (!taken.tracked()) {
      if (outcome.accepted()) vertx.eventBus().publish(Bus.actions(taken.action().twin()), taken.action().withResult(outcome.result()));
      return Future.succeededFuture();
    }
    return vertx.eventBus().request(OUTCOME, new Settled(taken, outcome), WAIT).<Void>mapEmpty()
        .recover(e -> Future.failedFuture(refusal(e, "the action was carried out, but its outcome could not be recorded (no check counts it)")));
  }

  /**
   * Takes an action, carries it out, and settles it with what it gave: the whole of record before
   * act. An act that fails is settled as refused with its reason and fails as it did. An act that
   * was done but whose outcome cannot be recorded fails as unavailable (503): the evidence then
   * shows the action without an outcome, which no check counts.
   */
  public static <T> Future<T> gated(Vertx vertx, CandidateAction action, Supplier<Future<T>> act, Function<T, Outcome> outcomeOf) {
    return take(vertx, action).compose(taken -> carryOut(vertx, action, taken, act, outcomeOf));
  }

  /**
   * As {@link #gated}, for the one act that must not wait for the disk: the emergency stop. When it
   * cannot be recorded it is carried out all the same, unrecorded and credited to no one, and
   * {@code unrecorded} says so in its answer; any other refusal holds it back as usual.
   */
  public static <T> Future<T> gatedOrUnrecorded(Vertx vertx, CandidateAction action, Supplier<Future<T>> act,
      Function<T, Outcome> outcomeOf, java.util.function.BiFunction<T, String, T> unrecorded) {
    return take(vertx, action).transform(taken -> {
      if (taken.succeeded()) return carryOut(vertx, action, taken.result(), act, outcomeOf);
      if (!(taken.cause() instanceof TwinRequestException t && t.kind() == TwinRequestException.Kind.UNAVAILABLE)) {
        return Future.failedFuture(taken.cause());
      }
      LOG.error("{} by {} on {} is carried out without a record: {}", action.kind(), action.who(), action.twin(), taken.cause().getMessage());
      return act.get().map(r -> unrecorded.apply(r, taken.cause().getMessage()));
    });
  }

  private static <T> Future<T> carryOut(Vertx vertx, CandidateAction action, Taken taken, Supplier<Future<T>> act,
      Function<T, Outcome> outcomeOf) {
    if (!taken.mayAct().getAsBoolean()) {
      // paused or handed in between the record and the act: on record as not carried out, and refused
      String why = "station " + taken.station() + " stopped running before the action was carried out";
      return settle(vertx, taken, Outcome.refused(why)).transform(x -> Future.failedFuture(TwinRequestException.conflict("station", why)));
    }
    {
      Future<T> done;
      try {
        done = act.get();
      } catch (RuntimeException e) {
        done = Future.failedFuture(e);
      }
      return done.transform(ar -> {
        Outcome o = ar.succeeded() ? outcomeOf.apply(ar.result()) : Outcome.refused(String.valueOf(ar.cause().getMessage()));
        return settle(vertx, taken, o).transform(s -> {
          if (s.succeeded() || !o.accepted()) return ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(ar.cause());
          LOG.error("{} by {} on {} was carried out but its outcome is not recorded: {}", action.kind(), action.who(), action.twin(),
              s.cause().getMessage());
          return Future.failedFuture(s.cause());
        });
      });
    }
  }

  /** Records an action that can only be done (nothing is carried out after it). */
  public static Future<Void> record(Vertx vertx, CandidateAction action) {
    return gated(vertx, action, Future::succeededFuture, v -> Outcome.done());
  }

  private static boolean noLedger(Throwable e) {
    return e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /** The ledger's answer as the API gives it: 409 for a refusal of the gate, 503 for anything else. */
  private static Throwable refusal(Throwable e, String what) {
    if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE && r.failureCode() == REFUSED) {
      return TwinRequestException.conflict("station", r.getMessage());
    }
    if (e instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT) {
      return TwinRequestException.unavailable("evidence", what + ": the evidence did not answer in time");
    }
    return TwinRequestException.unavailable("evidence", what + ": " + e.getMessage());
  }
}
