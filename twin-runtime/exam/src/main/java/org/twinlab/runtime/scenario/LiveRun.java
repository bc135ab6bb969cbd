package org.twinlab.runtime.scenario;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.JointStation;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.Station;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.sim.RigSimulator;

/**
 * A scenario running on a station of the live lab, in real time, on its own thread (never on an
 * event loop): the twins' changes reach the run as their feeds bring them, each at its source time;
 * the actions the twins' action feeds report as done are recorded at the moment they were taken: at
 * a lab session's station only its own candidate's (what staff do there is an intervention, never
 * the candidate's work), elsewhere anyone's but the setup's. Ten times a second the run looks at its
 * clock, its fault schedule and the rig's ground truth. It ends at the time limit, or when closed.
 */
public final class LiveRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
  /** How often the clock, the fault schedule and the rig's ground truth are looked at (the twins' changes do not wait for it). */
  static final long TICK_MS = 100;
  /** Who the station's setup acts as, so its changes are not taken for the candidate's. */
  public static final String SETUP = "scenario";
  public static final Actor SETUP_ACTOR = Actor.runtime(SETUP);

  private final ScenarioRun run;
  private final List<LiveStation> stations;
  private final ScheduledExecutorService thread;
  private final List<MessageConsumer<CandidateAction>> actions;
  private final ScheduledFuture<?> ticking;

  private LiveRun(ScenarioRun run, List<LiveStation> stations, ScheduledExecutorService thread, List<MessageConsumer<CandidateAction>> actions) {
    this.run = run;
    this.stations = List.copyOf(stations);
    this.thread = thread;
    this.actions = List.copyOf(actions);
    this.ticking = thread.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /** One rig of a live station: its twin and the simulator that stands in for its hardware. */
  public record LiveRig(TwinVerticle twin, RigSimulator sim) {}

  /**
   * Prepares the station and starts the clock; blocks until both are done, so call it from a
   * worker thread.
   */
  public static LiveRun start(Vertx vertx, TwinVerticle twin, RigSimulator sim, Connections connections, Scenario scenario,
      Scoring scoring, String by) throws StationException {
    return start(vertx, List.of(new LiveRig(twin, sim)), connections, scenario, scoring, by);
  }

  /**
   * Starts a scenario on a station of one rig or, for joint work, of several: one per rig model the
   * scenario names, in its order.
   */
  public static LiveRun start(Vertx vertx, List<LiveRig> rigs, Connections connections, Scenario scenario,
      Scoring scoring, String by) throws StationException {
    return start(vertx, rigs, null, connections, scenario, scoring, by);
  }

  /**
   * Starts a scenario on a lab session's station, whose run counts only what its candidate does
   * (null: anyone's actions but the setup's).
   */
  public static LiveRun start(Vertx vertx, List<LiveRig> rigs, String candidate, Connections connections, Scenario scenario,
      Scoring scoring, String by) throws StationException {
    if (rigs.isEmpty()) throw new StationException(scenario.id() + " has no rig to run on");
    // the run tells time as its twins do, so its verdicts and their changes share one clock
    Clock time = rigs.get(0).twin().clock();
    return open(vertx, rigs, candidate, connections, scenario, new StationClock(time, scenario.timeLimit()), scoring,
        run -> run.start(by));
  }

  /**
   * Goes on with a run the runtime was running before it restarted: the clock carried over, the
   * station not prepared again, the run's earlier actions, faults and verdicts from its evidence.
   */
  public static LiveRun resume(Vertx vertx, List<LiveRig> rigs, String candidate, Connections connections, Scenario scenario,
      Scoring scoring, StationClock clock, ScenarioRun.Prior prior) throws StationException {
    return open(vertx, rigs, candidate, connections, scenario, clock, scoring, run -> run.resume(prior));
  }

  /** How a run begins on its station: started afresh, or resumed. */
  private interface Begin {
    void on(ScenarioRun run) throws StationException;
  }

  private static LiveRun open(Vertx vertx, List<LiveRig> rigs, String candidate, Connections connections, Scenario scenario, StationClock clock,
      Scoring scoring, Begin begin) throws StationException {
    List<String> models = rigs.stream().map(r -> r.twin().twinConfig().model().id()).toList();
    if (!scenario.rigs().equals(models)) {
      throw new StationException(scenario.id() + " needs rigs " + scenario.rigList() + "; the station has " + String.join("+", models));
    }
    String name = rigs.get(0).twin().id();
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scenario-" + name);
      t.setDaemon(true);
      return t;
    });
    List<LiveStation> parts = new ArrayList<>();
    for (LiveRig r : rigs) parts.add(new LiveStation(vertx, r.twin(), r.sim(), connections, thread));
    Station station = parts.size() == 1 ? parts.get(0)
        : new JointStation(parts.stream().map(p -> new JointStation.Part(p.model(), p)).toList());
    ScenarioRun run = new ScenarioRun(scenario, station, clock, scoring);
    try {
      begin.on(run);
    } catch (StationException | RuntimeException e) {
      parts.forEach(LiveStation::close);
      thread.shutdownNow();
      throw e;
    }
    List<MessageConsumer<CandidateAction>> feeds = new ArrayList<>();
    for (int i = 0; i < rigs.size(); i++) {
      // an action on another rig's twin says which rig, as a candidate's start or stop there must
      String rig = i == 0 ? null : models.get(i);
      feeds.add(vertx.eventBus().<CandidateAction>localConsumer(Bus.actions(rigs.get(i).twin().id()), m -> {
        CandidateAction a = m.body();
        if (!counts(a, candidate)) return;
        thread.execute(() -> run.record(a.at(), a.who(), a.kind(), fieldsOn(rig, a.fields()), new ActionOutcome(true, "taken through the API", a.result())));
      }));
    }
    LOG.info("scenario {} running on {}", scenario.id(), name);
    return new LiveRun(run, parts, thread, feeds);
  }

  /** Whether an action is the work the run scores: its candidate's, or (no candidate named) anyone's but the setup's. */
  public static boolean counts(CandidateAction a, String candidate) {
    if (candidate == null) return !a.who().equals(SETUP);
    return a.byCandidate() && a.who().equals(candidate);
  }

  /** An action's fields as the run records them: on another rig than the first (rig not null), naming that rig. */
  public static Map<String, Object> fieldsOn(String rig, Map<String, Object> taken) {
    Map<String, Object> fields = new LinkedHashMap<>(taken);
    if (rig != null) fields.put("rig", rig);
    return fields;
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
    actions.forEach(MessageConsumer::unregister);
    stations.forEach(LiveStation::close);
    thread.shutdown();
  }
}
