package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.connectors.WriteResult;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/** Twins: list, state, property reads and writes, commands, lifecycle, alarms. */
final class TwinRoutes {
  /** The one command an examiner may issue on a candidate's rig. */
  static final String EMERGENCY_STOP = "emergency_stop";
  private final Twins twins;
  private final Reach reach;
  private final RemoteTwins remote;

  TwinRoutes(Twins twins, Reach reach, RemoteTwins remote) {
    this.twins = twins;
    this.reach = reach;
    this.remote = remote;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/twins").handler(this::list);
    r.getAcrossNodes("/api/v1/twins/:id").handler(this::one);
    r.get("/api/v1/twins/:id/properties/:property").handler(this::property);
    r.put("/api/v1/twins/:id/properties/:property").handler(this::write);
    r.post("/api/v1/twins/:id/commands/:command").handler(this::command);
    r.post("/api/v1/twins/:id/start").handler(ctx -> move(ctx, Lifecycle.RUNNING));
    r.post("/api/v1/twins/:id/pause").handler(ctx -> move(ctx, Lifecycle.PAUSED));
    r.post("/api/v1/twins/:id/stop").handler(ctx -> move(ctx, Lifecycle.STOPPED));
    r.get("/api/v1/twins/:id/alarms").handler(this::twinAlarms);
    r.post("/api/v1/twins/:id/alarms/:alarm/ack").handler(this::acknowledge);
    r.get("/api/v1/alarms").handler(this::allAlarms);
  }

  private void list(RoutingContext ctx) {
    List<Future<JsonObject>> views = new ArrayList<>();
    Caller caller = Guard.caller(ctx);
    for (TwinVerticle t : twins.all()) {
      // a candidate sees only their station's twins; staff see every twin's summary to plan sessions
      if (caller.is(Role.CANDIDATE) && !reach.twin(caller, t.id())) continue;
      views.add(t.snapshot().map(s -> Views.twinSummary(s, t.twinConfig().model())));
    }
    for (String id : remote.ids()) {
      if (twins.has(id) || caller.is(Role.CANDIDATE) && !reach.twin(caller, id)) continue;
      // a twin whose node has just gone is left out until another node has taken it over
      views.add(remote.summary(id).otherwise((JsonObject) null));
    }
    Http.respond(ctx, Future.all(views), 200, all -> new JsonArray(all.<JsonObject>list().stream()
        .filter(java.util.Objects::nonNull).toList()));
  }

  private void one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!twins.has(id) && remote.ids().contains(id)) {
      Http.respond(ctx, remote.twin(id), 200, json -> json);
      return;
    }
    TwinVerticle t = twins.require(id);
    Http.respond(ctx, t.snapshot(), 200, s -> Views.twin(s, t.twinConfig().model()));
  }

  private void property(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    String path = ctx.pathParam("property");
    Http.respond(ctx, t.snapshot(), 200, s -> s.properties().stream().filter(p -> p.property().equals(path)).findFirst()
        .map(Views::property)
        .orElseThrow(() -> TwinRequestException.notFound("property", "the " + s.model() + " model has no property '" + path + "'")));
  }

  private void write(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    JsonObject body = Http.jsonBody(ctx);
    if (!body.containsKey("value")) throw TwinRequestException.invalid("value", "the body needs a value: {\"value\": ...}");
    Object value = body.getValue("value");
    t.write(ctx.pathParam("property"), value, Actor.of(Guard.caller(ctx)))
        .onSuccess(r -> Http.send(ctx, status(r), Views.writeResult(r)))
        .onFailure(ctx::fail);
  }

  private void command(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    String command = ctx.pathParam("command");
    if (Guard.caller(ctx).is(Role.EXAMINER) && !command.endsWith(EMERGENCY_STOP)) {
      Http.send(ctx, 403, Http.error("an examiner may issue only the emergency stop", List.of()));
      return;
    }
    t.command(command, Actor.of(Guard.caller(ctx)))
        .onSuccess(r -> Http.send(ctx, status(r), Views.writeResult(r)))
        .onFailure(ctx::fail);
  }

  /** The rig's refusal is its word (422), a value of the wrong kind the caller's mistake (400), a rig out of reach a "try later" (503). */
  private static int status(WriteResult r) {
    return switch (r.refusal()) {
      case NONE -> 200;
      case BY_RIG -> 422;
      case TYPE_MISMATCH -> 400;
      case UNAVAILABLE -> 503;
    };
  }

  private void move(RoutingContext ctx, Lifecycle target) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Http.respond(ctx, t.moveTo(target, Actor.of(Guard.caller(ctx))), 200, l -> new JsonObject().put("twin", t.id()).put("lifecycle", l.name()));
  }

  private void twinAlarms(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Http.respond(ctx, t.snapshot(), 200, s -> Views.alarms(s.alarms()));
  }

  private void acknowledge(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Http.respond(ctx, t.acknowledge(ctx.pathParam("alarm"), Actor.of(Guard.caller(ctx))), 200, a -> Views.alarm(a).put("twin", t.id()));
  }

  private void allAlarms(RoutingContext ctx) {
    List<Future<TwinSnapshot>> all = new ArrayList<>();
    Caller caller = Guard.caller(ctx);
    twins.all().stream().filter(t -> reach.twin(caller, t.id())).forEach(t -> all.add(t.snapshot()));
    Http.respond(ctx, Future.all(all), 200, snapshots -> {
      JsonArray out = new JsonArray();
      for (int i = 0; i < snapshots.size(); i++) {
        TwinSnapshot s = snapshots.resultAt(i);
        s.alarms().forEach(a -> out.add(Views.alarm(a).put("twin", s.id())));
      }
      return out;
    });
  }
}
