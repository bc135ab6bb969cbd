package org.twinlab.runtime.scenario;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.ChangeBatch;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.SignalFeed;
import org.twinlab.scenarios.engine.Station;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;
import org.twinlab.sim.Fault;
import org.twinlab.sim.RigSimulator;

/**
 * A station of the running lab: the live twin as the runtime holds it, followed through its change
 * and action feeds, and the rig's simulator for ground truth and fault injection, where the rig is
 * simulated (on a real rig there is no ground truth, faults are not injected, and setup writes go
 * through the twin). Candidates act through the runtime's API, and the run hears of it on the
 * twin's action feed, so {@link #perform} takes nothing.
 *
 * <p>What the feeds bring is handed to the run on its own thread ({@code runThread}), never worked
 * on an event loop, in the order it arrived. A property the twin cannot trust while one of its own
 * links is down, with no communication loss injected by the scenario, is unknown: the platform
 * failed, not the candidate.
 */
public final class LiveStation implements Station, AutoCloseable {
  private static final long WAIT_S = 10;

  private final Vertx vertx;
  private final TwinVerticle twin;
  private final RigSimulator sim;
  private final Connections connections;
  private final StationNames names;
  private final Executor runThread;
  private final List<MessageConsumer<?>> feeds = new ArrayList<>();
  private final Map<Long, Boolean> injected = new HashMap<>();
  private TwinSignals signals;

  /** @param runThread the run's own thread, on which everything the twin's feeds bring is handed on */
  public LiveStation(Vertx vertx, TwinVerticle twin, RigSimulator sim, Connections connections, Executor runThread) {
    this.vertx = vertx;
    this.twin = twin;
    this.sim = sim;
    this.connections = connections;
    this.names = StationNames.of(twin.id());
    this.runThread = runThread;
  }

  /** Follows the twin's changes from its state now on; blocks until it has read that state. */
  @Override
  public void follow(SignalFeed feed) throws StationException {
    TwinSignals to = new TwinSignals(model(), feed, this::platformBlind);
    signals = to;
    feeds.add(vertx.eventBus().<ChangeBatch>localConsumer(Bus.changes(twin.id()), m -> {
      Instant heard = twin.clock().instant(); // the twin's own clock, which stamps what it receives
      runThread.execute(() -> to.changes(m.body().changes(), heard));
    }));
    feeds.add(vertx.eventBus().<CandidateAction>localConsumer(Bus.actions(twin.id()), m -> {
      Instant heard = twin.clock().instant();
      runThread.execute(() -> installed(m.body(), heard));
    }));
    feeds.add(vertx.eventBus().<ConnectionEvent>localConsumer(Bus.CONNECTIONS, m -> {
      ConnectionEvent e = m.body();
      if (!twinConnections().contains(e.connector())) return;
      twin.snapshot().onSuccess(s -> runThread.execute(() -> to.untrusted(s.properties(), e.at())));
    }));
    TwinSnapshot now = await(twin.snapshot(), "reading the twin");
    Instant heard = twin.clock().instant();
    runThread.execute(() -> to.snapshot(now, heard));
  }

  public TwinModel model() {
    return twin.twinConfig().model();
  }

  @Override
  public void prepare(Setup setup) throws StationException {
    if (setup.twin().equals("absent")) throw new StationException("a live station keeps its twin application deployed");
    for (var w : setup.rigWrites().entrySet()) {
      if (sim == null) {
        // a real rig: the setup writes through the twin's binding, as an operator would
        var r = await(twin.write(w.getKey(), w.getValue(), LiveRun.SETUP_ACTOR), "setup: writing " + w.getKey());
        if (!r.ok()) throw new StationException("setup: writing " + w.getKey() + ": " + r.detail());
        continue;
      }
      var o = sim.write(w.getKey(), w.getValue());
      if (!o.accepted()) throw new StationException("setup: writing " + w.getKey() + ": " + o.reason());
    }
    TwinModel model = twin.twinConfig().model();
    for (Map<String, Object> change : setup.bindings()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> filled = (Map<String, Object>) names.fillAll(change);
      String property = String.valueOf(filled.get("property"));
      if (Boolean.TRUE.equals(filled.get("remove"))) {
        await(twin.deleteBinding(property, LiveRun.SETUP_ACTOR), "setup: unbinding " + property);
      } else {
        await(twin.putBinding(binding(filled, model), false, LiveRun.SETUP_ACTOR), "setup: binding " + property);
      }
    }
    Lifecycle wanted = switch (setup.twin()) {
      case "paused" -> Lifecycle.PAUSED;
      case "stopped" -> Lifecycle.STOPPED;
      case "loaded" -> null; // a live twin cannot go back to LOADED; it stays as it is
      default -> Lifecycle.RUNNING;
    };
    if (wanted == Lifecycle.PAUSED) await(twin.moveTo(Lifecycle.RUNNING, LiveRun.SETUP_ACTOR), "setup: starting the twin");
    if (wanted != null) await(twin.moveTo(wanted, LiveRun.SETUP_ACTOR), "setup: moving the twin to " + wanted);
  }

  @Override
  public Map<String, Observed> observe() {
    Map<String, Observed> out = new LinkedHashMap<>();
    // a real rig has no ground truth to compare with: checks on rig.* signals stay undecided
    if (sim != null) sim.groundTruth().forEach((p, v) -> out.put("rig." + p, Observed.known(v)));
    return out;
  }

  @Override
  public synchronized String inject(FaultDef fault) throws StationException {
    if (sim == null) throw new StationException("a real rig: faults are injected on simulated rigs only");
    Fault f = SimFaultOf.of(fault, sim);
    long id = sim.inject(f);
    injected.put(id, f instanceof Fault.CommunicationLoss);
    return Long.toString(id);
  }

  @Override
  public synchronized void clear(String handle) {
    long id = Long.parseLong(handle);
    if (sim == null) return;
    sim.clearFault(id);
    injected.remove(id);
  }

  @Override
  public ActionOutcome perform(String who, String kind, Map<String, Object> fields) {
    return ActionOutcome.refused("on a live station, actions are taken through the runtime's API");
  }

  @Override
  public void close() {
    feeds.forEach(MessageConsumer::unregister);
  }

  // ---- internals

  /** A removed twin is absent until a package is deployed under its id again, loaded and empty. */
  private void installed(CandidateAction a, Instant heard) {
    if (a.kind().equals("remove")) {
      signals.absent(heard);
    } else if (a.kind().equals("deploy")) {
      signals.deployed(heard);
    }
  }

  /** Whether the platform cannot see the twin's rig through no fault of the scenario: a link of its own is down. */
  private synchronized boolean platformBlind() {
    return !injectedCommunicationLoss() && connections.states().stream()
        .filter(e -> twinConnections().contains(e.connector()))
        .anyMatch(e -> e.state() != ConnectionState.CONNECTED);
  }

  private boolean injectedCommunicationLoss() {
    return injected.containsValue(true);
  }

  private Set<String> twinConnections() {
    Set<String> out = new HashSet<>();
    twin.twinConfig().bindings().bindings().forEach(b -> out.add(b.source().connection()));
    return out;
  }

  private Binding binding(Map<String, Object> fields, TwinModel model) throws StationException {
    try {
      return BindingLoader.binding("scenario setup", fields, model, connections.protocols());
    } catch (InvalidInputException e) {
      throw new StationException("setup: " + e.getMessage());
    }
  }

  private static <T> T await(io.vertx.core.Future<T> f, String what) throws StationException {
    try {
      return f.toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new StationException(what + ": " + e.getCause().getMessage());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new StationException(what + ": no answer within " + Duration.ofSeconds(WAIT_S).toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StationException(what + ": interrupted");
    }
  }
}
