package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.packages.UpgradeEntry;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.SignalFeed;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.VirtualStation;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.Simulators;
import org.twinlab.sim.WriteOutcome;

/**
 * A whole station on virtual time: the rig's simulator, reached through its binding addresses, and
 * the twin application deployed on it, with every candidate action the platform records. Its
 * twin's changes reach the run the way a live twin's do, through {@link TwinSignals}, and are kept
 * as history ({@link StationHistory}) for judging submitted test data. What
 * {@code twinlab scenario dry-run} runs scenarios on.
 */
public final class SimulatedStation implements VirtualStation {
  private final TwinModel model;
  private final StationNames names;
  private final InstantSource time;
  private final Clock clock;
  private final TestSuiteGrader grader;
  private final SecuritySuiteGrader securityGrader;
  private final TestDataGrader dataGrader;
  private final StationHistory history = new StationHistory();
  private final ModelImportGrader importGrader;
  private final MappingTestGrader mappingGrader;
  private final ParameterReadingGrader readingGrader;
  private final StationStorage storage;
  private SimulatedRig rig;
  private StationTwin twin;
  private TwinSignals signals;
  private StationUpgrades upgrades;

  public SimulatedStation(TwinModel model, InstantSource time) {
    this.model = model;
    this.names = StationNames.simulated(model.id());
    this.time = time;
    this.clock = time.withZone(ZoneOffset.UTC);
    this.grader = new TestSuiteGrader(model);
    this.securityGrader = new SecuritySuiteGrader(model);
    this.dataGrader = new TestDataGrader(model);
    this.importGrader = new ModelImportGrader(model);
    this.mappingGrader = new MappingTestGrader(model);
    this.readingGrader = new ParameterReadingGrader(model);
    this.storage = new StationStorage(model, names.twin(), clock);
    this.signals = new TwinSignals(model, (signal, at, value) -> { });
    this.upgrades = new StationUpgrades(names.twin(), model.id());
  }

  @Override
  public void follow(SignalFeed feed) {
    signals = new TwinSignals(model, feed);
  }

  public StationNames names() {
    return names;
  }

  @Override
  public void prepare(Setup setup) throws StationException {
    RigSimulator sim = Simulators.create(model.id(), setup.seed(), !setup.rigIdle());
    rig = new SimulatedRig(sim, names);
    for (var w : setup.rigWrites().entrySet()) {
      WriteOutcome o = sim.write(w.getKey(), w.getValue());
      if (!o.accepted()) throw new StationException("setup: writing " + w.getKey() + " = " + w.getValue() + ": " + o.reason());
    }
    if (setup.twin().equals("absent")) {
      signals.absent(time.instant());
      return;
    }
    twin = install(standard());
    try {
      for (Map<String, Object> change : setup.bindings()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> filled = (Map<String, Object>) names.fillAll(change);
        if (Boolean.TRUE.equals(filled.get("remove"))) twin.deleteBinding(String.valueOf(filled.get("property")));
        else twin.putBinding(filled, false);
      }
      switch (setup.twin()) {
        case "running" -> twin.moveTo(Lifecycle.RUNNING);
        case "paused" -> {
          twin.moveTo(Lifecycle.RUNNING);
          twin.moveTo(Lifecycle.PAUSED);
        }
        case "stopped" -> twin.moveTo(Lifecycle.STOPPED);
        default -> { } // loaded
      }
    } catch (TwinRequestException e) {
      throw new StationException("setup: " + e.getMessage());
    }
  }

  @Override
  public void advance(Duration dt) {
    var samples = rig.advance(dt, time.instant());
    if (twin != null) twin.accept(samples);
  }

  @Override
  public Map<String, Observed> observe() {
    return new RigObservation(rig.sim().groundTruth(), rigNames);
  }

  /** The rig's signal names as checks read them, made once: observing runs every tick. */
  private final Map<String, String> rigNames = new java.util.HashMap<>();

  @Override
  public String inject(FaultDef fault) throws StationException {
    return Long.toString(rig.sim().inject(SimFaultOf.of(fault, rig.sim())));
  }

  @Override
  public void clear(String handle) {
    rig.sim().clearFault(Long.parseLong(handle));
  }

  @Override
  public ActionOutcome perform(String who, String kind, Map<String, Object> given) {
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) names.fillAll(given);
    try {
      return switch (kind) {
        case "deploy" -> deploy(fields);
        case "remove" -> remove();
        case "upgrade" -> upgrade(who, fields);
        case "rollback" -> rollback(who);
        case "start" -> move(Lifecycle.RUNNING);
        case "pause" -> move(Lifecycle.PAUSED);
        case "stop" -> move(Lifecycle.STOPPED);
        case "binding_create", "binding_edit" -> {
          deployed().putBinding(fields, kind.equals("binding_create"));
          yield ActionOutcome.accepted("bound " + fields.get("property"));
        }
        case "binding_delete" -> {
          deployed().deleteBinding(text(fields, "property"));
          yield ActionOutcome.accepted("unbound " + fields.get("property"));
        }
        case "write" -> ActionOutcome.accepted(deployed().write(text(fields, "property"), fields.get("value")));
        case "command" -> ActionOutcome.accepted(deployed().command(text(fields, "command")));
        case "emergency_stop" -> emergencyStop();
        case "alarm_ack" -> {
          deployed().acknowledge(text(fields, "alarm"), who);
          yield ActionOutcome.accepted("acknowledged");
        }
        case "report" -> {
          Reports.validate(model, fields);
          yield ActionOutcome.accepted("report filed");
        }
        case "export" -> {
          text(fields, "from");
          text(fields, "to");
          yield ActionOutcome.accepted("export of " + fields.get("from") + " to " + fields.get("to") + " taken");
        }
        case "backup" -> new ActionOutcome(true, "backup taken", upgrades.backedUp());
        case "test_suite" -> grader.grade(fields);
        case "security_suite" -> securityGrader.grade(fields);
        case "test_data" -> dataGrader.grade(TestDataReader.read(fields, model, time.instant()), history);
        case "model_import" -> importGrader.grade(fields);
        case "mapping_test" -> mappingGrader.grade(fields);
        case "parameter_reading" -> readingGrader.grade(fields, deployed().snapshot().properties());
        case "storage_strategy" -> storage.strategy(fields);
        case "chart" -> storage.chart(fields, time.instant());
        case "watch" -> Watching.set(model, fields, who);
        case "joint_program" -> new JointProgramGrader(model).grade(fields);
        case "test_setup" -> new TestSetupGrader(model, names).grade(fields);
        case "perf_script" -> new PerfScriptGrader(model).grade(fields);
        case "artefact" -> Artefacts.submit(fields);
        default -> ActionOutcome.refused("no action '" + kind + "'");
      };
    } catch (TwinRequestException e) {
      return ActionOutcome.refused(e.field() + ": " + e.getMessage());
    }
  }

  // ---- actions

  private ActionOutcome deploy(Map<String, Object> fields) {
    if (twin != null) return ActionOutcome.refused("a twin application is deployed already: remove it first");
    Object wanted = fields.getOrDefault("model", model.id());
    if (!model.id().equals(wanted)) return ActionOutcome.refused("model: the package is for '" + wanted + "', the rig is " + model.id());
    BindingSet bindings;
    if (fields.get("bindings") instanceof List<?> given) {
      try {
        bindings = BindingLoader.load("package", names.twin(), model, given, names.protocols());
      } catch (InvalidInputException e) {
        return ActionOutcome.refused("bindings: " + e.getMessage());
      }
    } else {
      bindings = standard();
    }
    twin = install(bindings);
    upgrades.deployed();
    return ActionOutcome.accepted("deployed with " + bindings.bindings().size() + " bindings");
  }

  private ActionOutcome remove() {
    StationTwin t = deployed();
    if (t.lifecycle() == Lifecycle.RUNNING || t.lifecycle() == Lifecycle.PAUSED) {
      return ActionOutcome.refused("lifecycle: stop the twin application before removing it");
    }
    t.moveTo(Lifecycle.STOPPED);
    twin = null;
    signals.absent(time.instant());
    return ActionOutcome.accepted("removed");
  }

  /**
   * Installs another version of the package over the deployed one: a release of the rig's twin
   * application, or the bindings given. The running version is kept to roll back to; the new one
   * runs if the old one ran (or was paused), else it is loaded.
   */
  private ActionOutcome upgrade(String who, Map<String, Object> fields) {
    StationTwin old = deployed();
    String to = PackageReleases.version(fields.get("version"), "version");
    if (to.equals(upgrades.running())) {
      return upgrades.refused(UpgradeEntry.UPGRADE, to, "version: " + to + " is the version running", who, time.instant());
    }
    BindingSet next;
    try {
      next = fields.get("bindings") instanceof List<?> given
          ? BindingLoader.load("package " + to, names.twin(), model, given, names.protocols())
          : PackageReleases.bindings(model, to, names);
    } catch (InvalidInputException e) {
      return upgrades.refused(UpgradeEntry.UPGRADE, to, "bindings: " + e.getMessage(), who, time.instant());
    } catch (TwinRequestException e) {
      return upgrades.refused(UpgradeEntry.UPGRADE, to, e.field() + ": " + e.getMessage(), who, time.instant());
    }
    var previous = new StationUpgrades.Installed(upgrades.running(), old.bindings());
    replace(old, next);
    return upgrades.moved(UpgradeEntry.UPGRADE, to, previous, who, time.instant());
  }

  /** Goes back to the version that ran before the last upgrade; once back, there is nothing more to roll back. */
  private ActionOutcome rollback(String who) {
    StationTwin old = deployed();
    var before = upgrades.before();
    if (before.isEmpty()) {
      return upgrades.refused(UpgradeEntry.ROLLBACK, upgrades.running(), "version: no version before " + upgrades.running() + " to roll back to",
          who, time.instant());
    }
    replace(old, before.get().bindings());
    return upgrades.moved(UpgradeEntry.ROLLBACK, before.get().version(), null, who, time.instant());
  }

  private void replace(StationTwin old, BindingSet next) {
    boolean ran = old.lifecycle() == Lifecycle.RUNNING || old.lifecycle() == Lifecycle.PAUSED;
    if (old.lifecycle() != Lifecycle.STOPPED) old.moveTo(Lifecycle.STOPPED);
    twin = install(next);
    if (ran) twin.moveTo(Lifecycle.RUNNING);
  }

  /** The station's upgrade log, as the live runtime keeps it on disk. */
  public List<UpgradeEntry> upgradeLog() {
    return upgrades.log();
  }

  /** The version of the twin application package the station runs. */
  public String packageVersion() {
    return upgrades.running();
  }

  /** A twin application deployed with these bindings, loaded, its state reported as it starts. */
  private StationTwin install(BindingSet bindings) {
    StationTwin t = new StationTwin(model, names, bindings, rig, clock, changes -> {
      history.record(changes, time.instant());
      storage.record(changes);
      signals.changes(changes, time.instant());
    });
    signals.snapshot(t.snapshot(), time.instant());
    return t;
  }

  private ActionOutcome move(Lifecycle target) {
    deployed().moveTo(target);
    return ActionOutcome.accepted(target.name().toLowerCase());
  }

  /** The emergency stop is a button on the rig: it works whatever the twin's state. */
  private ActionOutcome emergencyStop() {
    if (rig.sim().signal("panel.estop").isEmpty()) return ActionOutcome.refused("this rig has no emergency stop");
    WriteOutcome o = rig.sim().write("panel.estop", true);
    return o.accepted() ? ActionOutcome.accepted("pressed") : ActionOutcome.refused(o.reason());
  }

  private StationTwin deployed() {
    if (twin == null) throw TwinRequestException.conflict("twin", "no twin application is deployed on this station");
    return twin;
  }

  private BindingSet standard() {
    try {
      return StandardBindings.load(model, names);
    } catch (InvalidInputException | IOException e) {
      throw new IllegalStateException("the standard bindings of " + model.id() + " do not load", e);
    }
  }

  private static String text(Map<String, Object> fields, String name) {
    Object v = fields.get(name);
    if (v == null) throw TwinRequestException.invalid(name, name + " is required");
    return String.valueOf(v);
  }
}
