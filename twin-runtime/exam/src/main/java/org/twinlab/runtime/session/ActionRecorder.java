package org.twinlab.runtime.session;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.twin.ActionLedger;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.Settled;
import org.twinlab.runtime.twin.Taken;

/**
 * The receiving side of the {@link ActionLedger}: an action on a twin at a station of a session that
 * has not ended is decided by that session (refused, or taken into its evidence before it is let
 * through), and its outcome recorded after; an action on any other twin is let through untracked, to
 * the twin's action feed. The disk is written on workers, never on the event loop.
 */
public final class ActionRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActionRecorder.class);

  private final Vertx vertx;
  private final LabSessions sessions;
  private volatile String recordingFault;
  private MessageConsumer<CandidateAction> ledger;
  private MessageConsumer<Settled> outcomes;

  public ActionRecorder(Vertx vertx, LabSessions sessions) {
    this.vertx = vertx;
    this.sessions = sessions;
  }

  /** Takes the action ledger: from now on every action on a session's twin goes through its evidence. */
  public void start() {
    ledger = vertx.eventBus().localConsumer(ActionLedger.ADDRESS, this::taken);
    outcomes = vertx.eventBus().localConsumer(ActionLedger.OUTCOME, this::settled);
  }

  /**
   * Makes the evidence of every session refuse actions and outcomes with a reason (null: no more),
   * as a full disk would: for drills and tests of what the runtime does then.
   */
  public void failRecording(String reason) {
    recordingFault = reason;
  }

  private void taken(Message<CandidateAction> m) {
    CandidateAction a = m.body();
    Optional<Map.Entry<LabSession, String>> at = placeOf(a);
    if (at.isEmpty()) {
      m.reply(Taken.untracked(a));
      return;
    }
    LabSession s = at.get().getKey();
    String station = at.get().getValue();
    vertx.executeBlocking(() -> {
      failIfDrilled();
      return s.take(station, a);
    }, false).onSuccess(seq -> m.reply(new Taken(a, s.id(), station, seq,
        a.byCandidate() ? () -> s.runs(station) : () -> true))).onFailure(e -> {
      if (e instanceof LabSession.Refused r) {
        LOG.info("{} by {} ({}) on {} refused: {}", a.kind(), a.who(), a.role(), a.twin(), r.getMessage());
        m.fail(ActionLedger.REFUSED, r.getMessage());
      } else {
        LOG.error("{} by {} on {} could not be recorded, so it is refused: {}", a.kind(), a.who(), a.twin(), e.toString());
        m.fail(ActionLedger.UNRECORDED, "the evidence of session " + s.id() + " cannot be written: " + e.getMessage());
      }
    });
  }

  /** Records an action's outcome in the session that took it; once recorded, a done action goes on its twin's feed. */
  private void settled(Message<Settled> m) {
    Settled settled = m.body();
    Taken t = settled.taken();
    Optional<LabSession> session = sessions.find(t.session());
    if (session.isEmpty()) {
      m.fail(ActionLedger.UNRECORDED, "no session " + t.session());
      return;
    }
    LabSession s = session.get();
    vertx.executeBlocking(() -> {
      failIfDrilled();
      s.settle(t.station(), t.seq(), t.action(), settled.outcome());
      return null;
    }, false).onSuccess(v -> {
      if (settled.outcome().accepted()) {
        vertx.eventBus().publish(Bus.actions(t.action().twin()), t.action().withResult(settled.outcome().result()));
      }
      m.reply(null);
    }).onFailure(e -> {
      LOG.error("the outcome of {} by {} on {} (record {}) could not be recorded: {}", t.action().kind(), t.action().who(),
          t.action().twin(), t.seq(), e.toString());
      m.fail(ActionLedger.UNRECORDED, "the evidence of session " + s.id() + " cannot be written: " + e.getMessage());
    });
  }

  /**
   * The station an action's twin is at, in a session that has not ended; none for the runtime's own
   * actions (a scenario's setup) before the station runs: they happen while it is being set up.
   */
  private Optional<Map.Entry<LabSession, String>> placeOf(CandidateAction a) {
    for (LabSession s : sessions.all()) {
      if (s.ended()) continue;
      for (StationSession at : s.stations()) {
        if (!at.plan().twins().contains(a.twin())) continue;
        StationSession st = s.currentOf(at); // the twin serves every part of an exam: the part running takes the action
        if (CandidateAction.RUNTIME.equals(a.role()) && !s.tracksRuntime(st.plan().id())) return Optional.empty();
        return Optional.of(Map.entry(s, st.plan().id()));
      }
    }
    return Optional.empty();
  }

  private void failIfDrilled() throws IOException {
    String reason = recordingFault;
    if (reason != null) throw new IOException(reason);
  }

  /** Lets go of the ledger: actions after this find no gate and go through untracked. */
  @Override
  public void close() {
    if (ledger != null) ledger.unregister();
    if (outcomes != null) outcomes.unregister();
  }
}
