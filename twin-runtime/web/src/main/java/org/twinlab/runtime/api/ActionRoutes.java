package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.twinlab.runtime.scenario.Artefacts;
import org.twinlab.runtime.scenario.Reports;
import org.twinlab.runtime.scenario.SecuritySuiteGrader;
import org.twinlab.runtime.scenario.TestSuiteGrader;
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
 * structured report, an artefact for the review panel (measured, not graded), a test suite (graded against the correct twin and faulty variants), and a
 * backup of the station's own data (into the backups directory beside the data directory).
 */
final class ActionRoutes {
  static final List<String> KINDS = List.of("report", "test_suite", "backup", "security_suite", "artefact");

  private final Vertx vertx;
  private final java.util.Set<String> grading = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Twins twins;
  private final StationBackups backups;

  ActionRoutes(Vertx vertx, Twins twins, StationBackups backups) {
    this.vertx = vertx;
    this.twins = twins;
    this.backups = backups;
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
    if (kind.equals("artefact")) Artefacts.validate(fields); // likewise a malformed artefact
    Supplier<Future<ActionOutcome>> act = switch (kind) {
      case "report" -> () -> Future.succeededFuture(ActionOutcome.accepted("report filed"));
      case "backup" -> () -> backups.take(Guard.caller(ctx), t);
      case "artefact" -> () -> Future.succeededFuture(Artefacts.submit(fields));
      case "security_suite" -> () -> vertx.executeBlocking(() -> new SecuritySuiteGrader(t.twinConfig().model()).grade(fields), false);
      default -> () -> vertx.executeBlocking(() -> new TestSuiteGrader(t.twinConfig().model()).grade(fields), false); // minutes of virtual time
    };
    // one suite at a time per twin: a suite is minutes of virtual time on a worker, not to be stacked up
    if (kind.endsWith("_suite") && !grading.add(t.id())) {
      throw TwinRequestException.conflict("kind", "a test suite of " + t.id() + " is being graded: wait for its result");
    }
    Future<ActionOutcome> outcome = ActionLedger.gated(vertx, CandidateAction.of(t.id(), who, kind, fields, t.clock().instant()), act,
        o -> o.accepted() ? Outcome.done(o.detail(), o.result()) : Outcome.refused(o.detail()));
    if (kind.endsWith("_suite")) outcome = outcome.andThen(done -> grading.remove(t.id()));
    Http.respond(ctx, outcome, 201, o -> new JsonObject().put("twin", t.id()).put("kind", kind).put("who", who.name())
        .put("detail", o.detail()).put("result", new JsonObject(Map.copyOf(o.result()))));
  }

}
