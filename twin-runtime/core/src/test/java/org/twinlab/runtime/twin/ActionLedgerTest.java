package org.twinlab.runtime.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.auth.Role;

/** The gate between an action's record and its act: what is on record decides, up to the moment of acting. */
class ActionLedgerTest {
  private Vertx vertx;
  private final List<Outcome> settled = new CopyOnWriteArrayList<>();
  private final AtomicBoolean stationRuns = new AtomicBoolean(true);

  @BeforeEach
  void ledger() {
    vertx = Vertx.vertx();
    TwinCodecs.register(vertx.eventBus());
    // the session's side: records the action, then says whether the candidate's station still runs
    vertx.eventBus().<CandidateAction>consumer(ActionLedger.ADDRESS, m -> m.reply(new Taken(m.body(), "exam-1", "s1", 7, stationRuns::get)));
    vertx.eventBus().<Settled>consumer(ActionLedger.OUTCOME, m -> {
      settled.add(m.body().outcome());
      m.reply(null);
    });
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Future<String> write(AtomicBoolean acted) {
    CandidateAction a = CandidateAction.of("conveyor-1", new Actor("cand1", Role.CANDIDATE), "write", Map.of("value", 40), java.time.Instant.now());
    return ActionLedger.gated(vertx, a, () -> {
      acted.set(true);
      return Future.succeededFuture("done");
    }, r -> Outcome.done());
  }

  @Test
  void anActionIsCarriedOutAfterItsRecordAndItsOutcomeFollows() throws Exception {
    AtomicBoolean acted = new AtomicBoolean();
    assertThat(write(acted).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(acted).isTrue();
    assertThat(settled).singleElement().extracting(Outcome::accepted).isEqualTo(true);
  }

  @Test
  void aStationPausedBetweenTheRecordAndTheActHoldsTheActBack() throws Exception {
    stationRuns.set(false); // an examiner paused, or the candidate handed in, once the action was on record
    AtomicBoolean acted = new AtomicBoolean();
    Throwable refused = write(acted).toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS);
    assertThat(acted).as("nothing reached the rig").isFalse();
    assertThat(refused).isInstanceOfSatisfying(TwinRequestException.class, t -> {
      assertThat(t.kind()).isEqualTo(TwinRequestException.Kind.CONFLICT);
      assertThat(t.getMessage()).contains("stopped running");
    });
    assertThat(settled).singleElement().satisfies(o -> {
      assertThat(o.accepted()).as("on record as not carried out").isFalse();
      assertThat(o.detail()).contains("stopped running");
    });
  }
}
