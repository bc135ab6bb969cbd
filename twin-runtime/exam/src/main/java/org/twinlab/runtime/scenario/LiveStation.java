package org.twinlab.runtime.scenario;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.twin.AlarmState;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.ChangeBatch;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.Station;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;
import org.twinlab.sim.Fault;
import org.twinlab.sim.RigSimulator;

/**
 * A station of the running lab: the live twin as the runtime holds it (followed through its change
 * feed), and the rig's simulator for ground truth and fault injection, where the rig is simulated
 * (on a real rig there is no ground truth, faults are not injected, and setup writes go through
 * the twin). Candidates act through the
 * runtime's API, and the run hears of it on the twin's action feed, so {@link #perform} takes nothing.
 *
 * <p>A property the twin cannot trust while one of its own links is down, with no communication
 * loss injected by the scenario, is unknown: the platform failed, not the candidate.
 */
public final class LiveStation implements Station, AutoCloseable {
  private static final long WAIT_S = 10;

  private final TwinVerticle twin;
  private final RigSimulator sim;
  private final Connections connections;
  private final StationNames names;
  private final MessageConsumer<ChangeBatch> feed;
  private final MessageConsumer<CandidateAction> installs;
  private boolean absent;
  private final Map<String, PropertyState> properties = new LinkedHashMap<>();
  private final Set<String> activeAlarms = new HashSet<>();
  private final Map<Long, Boolean> injected = new HashMap<>();
  private Lifecycle lifecycle;

  public LiveStation(Vertx vertx, TwinVerticle twin, RigSimulator sim, Connections connections) throws StationException {
    this.twin = twin;
    this.sim = sim;
    this.connections = connections;
    this.names = StationNames.of(twin.id());
    this.feed = vertx.eventBus().localConsumer(Bus.changes(twin.id()), m -> follow(m.body()));
    this.installs = vertx.eventBus().localConsumer(Bus.actions(twin.id()), m -> installed(m.body()));
    var snapshot = await(twin.snapshot(), "reading the twin");
    synchronized (this) {
      lifecycle = snapshot.lifecycle();
      snapshot.properties().forEach(p -> properties.put(p.property(), p));
      snapshot.alarms().stream().filter(AlarmState::active).forEach(a -> activeAlarms.add(a.alarm().id()));
    }
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
  public synchronized Map<String, Observed> observe() {
    Map<String, Observed> out = new LinkedHashMap<>();
    if (absent) {
      AbsentTwin.observe(model(), out);
    } else {
      observeTwin(out);
    }
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
    feed.unregister();
    installs.unregister();
  }

  // ---- internals

  private synchronized void follow(ChangeBatch batch) {
    for (Change c : batch.changes()) {
      if (c instanceof Change.PropertyChanged p) {
        properties.put(p.state().property(), p.state());
      } else if (c instanceof Change.AlarmChanged a) {
        if (a.state().active()) activeAlarms.add(a.state().alarm().id());
        else activeAlarms.remove(a.state().alarm().id());
      } else if (c instanceof Change.LifecycleChanged l) {
        lifecycle = l.lifecycle();
      }
    }
  }

  private void observeTwin(Map<String, Observed> out) {
    boolean platformBlind = !injectedCommunicationLoss() && connections.states().stream()
        .filter(e -> twinConnections().contains(e.connector()))
        .anyMatch(e -> e.state() != ConnectionState.CONNECTED);
    out.put("twin.lifecycle", Observed.known(lifecycle.name().toLowerCase()));
    for (PropertyState p : properties.values()) {
      out.put("twin." + p.property(), p.trusted() ? Observed.known(p.value()) : platformBlind ? Observed.unknown() : Observed.missing());
    }
    model().alarms().forEach(a -> out.put("alarm." + a.id(), Observed.known(activeAlarms.contains(a.id()))));
  }

  /** A removed twin is absent until a package is deployed under its id again, loaded and empty. */
  private synchronized void installed(CandidateAction a) {
    if (a.kind().equals("remove")) {
      absent = true;
      properties.clear();
      activeAlarms.clear();
    } else if (a.kind().equals("deploy")) {
      absent = false;
      lifecycle = Lifecycle.LOADED;
    }
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
