package org.twinlab.runtime.session;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.scenario.LiveRun;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.sim.RigSimulator;

/**
 * Puts a station's rigs together for its scenario run: each of its twins, deployed, with the
 * simulator standing in for that rig's hardware (none for a real rig), and starts or resumes the run
 * on them. Blocking, as starting a run is.
 */
public final class RigAssembly implements LabSession.Starter {
  private final Vertx vertx;
  private final Twins twins;
  private final Connections connections;
  private final ScenarioCatalog catalog;
  private final Function<String, RigSimulator> simulators;

  /** @param simulators the simulator of a twin's rig, by twin id; null for a real rig */
  public RigAssembly(Vertx vertx, Twins twins, Connections connections, ScenarioCatalog catalog,
      Function<String, RigSimulator> simulators) {
    this.vertx = vertx;
    this.twins = twins;
    this.connections = connections;
    this.catalog = catalog;
    this.simulators = simulators;
  }

  @Override
  public LiveRun start(StationPlan station, Scenario scenario, String by) throws StationException {
    return LiveRun.start(vertx, rigs(station), station.candidate(), connections, scenario, catalog.scoring(), by);
  }

  @Override
  public LiveRun resume(StationPlan station, Scenario scenario, StationClock clock, ScenarioRun.Prior prior)
      throws StationException {
    return LiveRun.resume(vertx, rigs(station), station.candidate(), connections, scenario, catalog.scoring(), clock, prior);
  }

  private List<LiveRun.LiveRig> rigs(StationPlan station) throws StationException {
    List<LiveRun.LiveRig> rigs = new ArrayList<>();
    for (String t : station.twins()) {
      TwinVerticle twin = twins.find(t).orElseThrow(() -> new StationException("twin " + t + " is not deployed"));
      // null for a real rig: no ground truth, no injected faults
      rigs.add(new LiveRun.LiveRig(twin, simulators.apply(t)));
    }
    return rigs;
  }
}
