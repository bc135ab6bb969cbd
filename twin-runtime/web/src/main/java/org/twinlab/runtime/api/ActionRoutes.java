package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.StoredPoint;
import org.twinlab.runtime.scenario.HistoryPoints;
import io.vertx.core.json.JsonArray;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.binding.BindingWriter;
import org.twinlab.runtime.scenario.PackageReleases;
import org.twinlab.runtime.scenario.MappingTestGrader;
import org.twinlab.runtime.scenario.ModelImportGrader;
import org.twinlab.runtime.scenario.ParameterReadingGrader;
import org.twinlab.runtime.scenario.JointProgramGrader;
import org.twinlab.runtime.scenario.PerfScriptGrader;
import org.twinlab.runtime.scenario.Artefacts;
import org.twinlab.runtime.scenario.Reports;
import org.twinlab.runtime.scenario.SecuritySuiteGrader;
import org.twinlab.runtime.scenario.TestDataGrader;
import org.twinlab.runtime.scenario.TestDataReader;
import org.twinlab.runtime.scenario.TestDataSubmission;
import org.twinlab.runtime.scenario.StationNames;
import org.twinlab.runtime.scenario.TestSetupGrader;
import org.twinlab.runtime.scenario.TestSuiteGrader;
import org.twinlab.runtime.scenario.Watching;
import org.twinlab.runtime.twin.ActionLedger;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.Outcome;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * Actions that change nothing on the twin but are part of the work, recorded like the rest (before
 * they are carried out, through the action ledger): a
 * structured report, a test suite (graded against the correct twin and faulty variants), a
 * backup of the station's own data (into the backups directory beside the data directory), test
 * data the candidate collected (judged against the twin's recorded history; read before it is
 * recorded, so a malformed submission is refused unrecorded, like a report), the upgrade of the
 * twin application to another version of its package and its rollback, a test set-up (its probes
 * run on a simulated instance of the rig) and a performance script (its load run against the sound
 * twin and slow variants), and an artefact for the review panel (measured, not graded).
 */
final class ActionRoutes {
  static final List<String> KINDS = List.of("report", "test_suite", "backup", "security_suite", "test_data", "upgrade", "rollback",
      "model_import", "mapping_test", "parameter_reading", "storage_strategy", "chart",
      "watch", "joint_program", "test_setup", "perf_script", "artefact");

  private final Vertx vertx;
  private final java.util.Set<String> grading = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Twins twins;
  private final StationBackups backups;
  private final History history;
  private final Reach reach;
  private final Deployments deployments;
  private final StationScopes scopes;
  private final StorageRoutes storage;

  ActionRoutes(Vertx vertx, Twins twins, StationBackups backups, History history, Reach reach, Deployments deployments,
      StationScopes scopes, StorageRoutes storage) {
    this.vertx = vertx;
    this.twins = twins;
    this.backups = backups;
    this.history = history;
    this.reach = reach;
    this.deployments = deployments;
    this.scopes = scopes;
    this.storage = storage;
  }

  void mount(GuardedRouter r) {
    r.longPost("/api/v1/twins/:id/actions").handler(this::take);
  }

  /** Takes the action through the ledger: recorded before it is carried out, its outcome after. */
  private void take(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Actor who = Actor.of(Guard.caller(ctx));
    JsonObject body = Http.jsonBody(ctx);
    String kind = body.getValue("kind") instanceof String k ? k : "";
    if (!KINDS.contains(kind)) throw TwinRequestException.invalid("kind", "an action here is " + String.join(" or ", KINDS));
    if (!(body.getValue("fields", new JsonObject()) instanceof JsonObject f)) throw TwinRequestException.invalid("fields", "a JSON object");
    Map<String, Object> fields = f.getMap();
    if (kind.equals("report")) Reports.validate(t.twinConfig().model(), fields); // a report that does not read is refused unrecorded
    TestDataSubmission data = kind.equals("test_data") ? visible(ctx, t.id(), TestDataReader.read(fields, t.twinConfig().model(), t.clock().instant())) : null;
    String version = kind.equals("upgrade") ? PackageReleases.version(fields.get("version"), "version") : null;
    JsonObject pkg = version == null ? null : upgradePackage(t, version, fields);
    if (pkg != null) {
      // a candidate's new version binds only their own station's rig, like a package they deploy
      var refusal = scopes.refusal(Guard.caller(ctx), pkg);
      if (refusal.isPresent()) {
        StationScopes.forbid(ctx, refusal.get());
        return;
      }
    }
    // a model file or readings that do not read are refused unrecorded too: the grading needs them whole
    if (kind.equals("model_import")) new ModelImportGrader(t.twinConfig().model()).read(fields);
    if (kind.equals("parameter_reading")) new ParameterReadingGrader(t.twinConfig().model()).read(fields);
    if (kind.equals("watch")) Watching.read(t.twinConfig().model(), fields, who.name()); // likewise a watch
    if (kind.equals("joint_program")) new JointProgramGrader(t.twinConfig().model()).read(fields); // and a program
    if (kind.equals("artefact")) Artefacts.validate(fields); // likewise a malformed artefact
    Supplier<Future<ActionOutcome>> act = switch (kind) {
      case "report" -> () -> Future.succeededFuture(ActionOutcome.accepted("report filed"));
      case "storage_strategy" -> storage.strategyAction(t, fields); // read now: a malformed one is refused unrecorded
      case "chart" -> storage.chartAction(t, Guard.caller(ctx), fields);
      case "backup" -> () -> backups.take(Guard.caller(ctx), t);
      case "upgrade" -> () -> deployments.upgrade(t.id(), version, pkg, who);
      case "rollback" -> () -> deployments.rollback(t.id(), who);
      case "watch" -> () -> Future.succeededFuture(Watching.set(t.twinConfig().model(), fields, who.name()));
      case "joint_program" -> () -> vertx.executeBlocking(() -> new JointProgramGrader(t.twinConfig().model()).grade(fields), false);
      case "artefact" -> () -> Future.succeededFuture(Artefacts.submit(fields));
      case "security_suite" -> () -> vertx.executeBlocking(() -> new SecuritySuiteGrader(t.twinConfig().model()).grade(fields), false);
      case "test_setup" -> () -> vertx.executeBlocking(() -> new TestSetupGrader(t.twinConfig().model(), StationNames.of(t.id())).grade(fields), false);
      case "perf_script" -> () -> vertx.executeBlocking(() -> new PerfScriptGrader(t.twinConfig().model()).grade(fields), false);
      case "test_data" -> () -> vertx.executeBlocking(() -> new TestDataGrader(t.twinConfig().model()).grade(data, recorded(t.id())), false);
      case "model_import" -> () -> vertx.executeBlocking(() -> new ModelImportGrader(t.twinConfig().model()).grade(fields), false);
      case "mapping_test" -> () -> vertx.executeBlocking(() -> new MappingTestGrader(t.twinConfig().model()).grade(fields), false);
      // judged against what the twin shows as they are handed in
      case "parameter_reading" -> () -> t.snapshot().map(s -> new ParameterReadingGrader(t.twinConfig().model()).grade(fields, s.properties()));
      default -> () -> vertx.executeBlocking(() -> new TestSuiteGrader(t.twinConfig().model()).grade(fields), false); // minutes of virtual time
    };
    // one suite or program at a time per twin: it is minutes of virtual time on a worker, not to be stacked up
    if (graded(kind) && !grading.add(t.id())) {
      throw TwinRequestException.conflict("kind", "a test suite or program of " + t.id() + " is being graded: wait for its result");
    }
    Future<ActionOutcome> outcome = ActionLedger.gated(vertx, CandidateAction.of(t.id(), who, kind, fields, t.clock().instant()), act,
        o -> o.accepted() ? Outcome.done(o.detail(), o.result()) : Outcome.refused(o.detail()));
    if (graded(kind)) outcome = outcome.andThen(done -> grading.remove(t.id()));
    if (kind.equals("upgrade") || kind.equals("rollback")) {
      Caller caller = Guard.caller(ctx);
      if (!StationScopes.confines(caller)) outcome = outcome.andThen(done -> twins.find(t.id()).ifPresent(n -> scopes.deployedByStaff(n.twinConfig())));
    }
    Http.respond(ctx, outcome, 201, o -> new JsonObject().put("twin", t.id()).put("kind", kind).put("who", who.name())
        .put("detail", o.detail()).put("result", new JsonObject(Map.copyOf(o.result()))));
  }

  /** Test data only from history the caller may read: a candidate's from their station's start on, as the history API serves it. */
  private TestDataSubmission visible(RoutingContext ctx, String twin, TestDataSubmission s) {
    var since = reach.visibleSince(Guard.caller(ctx), twin);
    if (since.isPresent() && s.from().isBefore(since.get())) {
      throw TwinRequestException.invalid("from", "the window starts before your station's history does, at " + since.get());
    }
    return s;
  }

  /** The twin's history as the store holds it, every series of the property (one per station and session) merged in time. */
  private HistoryPoints recorded(String twin) {
    return (property, from, to) -> {
      try {
        return history.store().raw(HistoryQuery.twin(twin, from, to).withProperties(Set.of(property))).stream()
            .flatMap(s -> s.points().stream()).sorted(Comparator.comparing(StoredPoint::time)).toList();
      } catch (HistoryException e) {
        throw TwinRequestException.unavailable("history", "history is not available: " + e.getMessage());
      }
    };
  }

  /**
   * The package an upgrade installs: the bindings given (with the twin's commands as they are), or
   * the release of that version shipped with the runtime for this station. Malformed fields are
   * refused, unrecorded, naming the field.
   */
  private static JsonObject upgradePackage(TwinVerticle t, String version, Map<String, Object> fields) {
    var model = t.twinConfig().model();
    if (fields.containsKey("bindings")) {
      Object b = fields.get("bindings");
      List<?> given = b instanceof JsonArray a ? a.getList() : b instanceof List<?> l ? l : null;
      if (given == null) throw TwinRequestException.invalid("bindings", "a list of bindings, as a package gives them");
      JsonArray commands = new JsonArray();
      t.twinConfig().bindings().commands().forEach(c -> commands.add(new JsonObject(BindingWriter.toMap(c))));
      return new JsonObject().put("twin", t.id()).put("model", model.id()).put("bindings", new JsonArray(new java.util.ArrayList<>(given)))
          .put("commands", commands);
    }
    return PackageReleases.pkg(model, version, StationNames.of(t.id()));
  }

  /** Suites and programs run minutes of virtual time on a worker. */
  private static boolean graded(String kind) {
    return kind.endsWith("_suite") || List.of("joint_program", "mapping_test", "test_setup", "perf_script").contains(kind);
  }
}
