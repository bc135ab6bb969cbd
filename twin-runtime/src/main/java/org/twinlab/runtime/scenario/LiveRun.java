package org.twinlab.runtime.scenario;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.bus.CandidateAction;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.sim.RigSimulator;

/**
 * A scenario running on a station of the live lab, in real time: the run samples the station ten
 * times a second on its own thread (never on an event loop), and records every action the twin's
 * action feed reports, with who took it. It ends at the time limit, or when closed.
 */
public final class LiveRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
  static final long TICK_MS = 100;
  /** Who the station's setup acts as, so its changes are not taken for the candidate's. */
  public static final String SETUP = "scenario";

  private final ScenarioRun run;
  private final LiveStation station;
  private final ScheduledExecutorService thread;
  private final MessageConsumer<CandidateAction> actions;
  private final ScheduledFuture<?> ticking;

  private LiveRun(ScenarioRun run, LiveStation station, ScheduledExecutorService thread, MessageConsumer<CandidateAction> actions) {
    this.run = run;
    this.station = station;
    this.thread = thread;
    this.actions = actions;
    this.ticking = thread.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Prepares the station and starts the clock; blocks until both are done, so call it from a
   * worker thread.
   */
  public static LiveRun start(Vertx vertx, TwinVerticle twin, RigSimulator sim, Connections connections, Scenario scenario,
      Scoring scoring, String by) throws StationException {
    if (!scenario.rig().equals(twin.twinConfig().model().id())) {
      throw new StationException(scenario.id() + " is for a " + scenario.rig() + " rig; " + twin.id() + " is a " + twin.twinConfig().model().id());
    }
    LiveStation station = new LiveStation(vertx, twin, sim, connections);
    ScenarioRun run = new ScenarioRun(scenario, station, new StationClock(Clock.systemUTC(), scenario.timeLimit()), scoring);
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scenario-" + twin.id());
      t.setDaemon(true);
      return t;
    });
    try {
      run.start(by);
    } catch (StationException | RuntimeException e) {
      station.close();
      thread.shutdownNow();
      throw e;
    }
    MessageConsumer<CandidateAction> actions = vertx.eventBus().localConsumer(Bus.actions(twin.id()), m -> {
      CandidateAction a = m.body();
      if (a.who().equals(SETUP)) return; // the scenario's own setup, not the candidate
      thread.execute(() -> run.record(a.who(), a.kind(), a.fields(), new ActionOutcome(true, "taken through the API", a.result())));
    });
    LOG.info("scenario {} started on {} by {}", scenario.id(), twin.id(), by);
    return new LiveRun(run, station, thread, actions);
  }

  public ScenarioRun run() {
    return run;
  }

  private void tick() {
    try {
      run.tick();
      if (run.ended()) ticking.cancel(false);
    } catch (RuntimeException e) {
      LOG.error("scenario {}: a tick failed: {}", run.scenario().id(), e.toString(), e);
    }
  }

  /** Ends the run (if it has not ended) and lets go of the station. */
  @Override
  public void close() {
    run.end("examiner", "closed");
    ticking.cancel(false);
    actions.unregister();
    station.close();
    thread.shutdown();
  }
}
