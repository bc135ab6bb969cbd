package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.connect.BindingFindings;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.connect.LiveBindingCheck;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * A twin's bindings, editable while it runs: list (any version), create, replace, delete, and the
 * history of versions with who changed what and when.
 */
final class BindingRoutes {
  private final Twins twins;
  private final Map<String, String> protocols;
  private final StationScopes scopes;
  private final org.twinlab.runtime.auth.Reach reach;

  private final LiveBindingCheck check;
  private final BindingFindings findings;

  BindingRoutes(Twins twins, Connections connections, StationScopes scopes, org.twinlab.runtime.auth.Reach reach) {
    this.twins = twins;
    this.protocols = connections.protocols();
    this.check = new LiveBindingCheck(connections);
    this.findings = connections.findings();
    this.scopes = scopes;
    this.reach = reach;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/twins/:id/bindings").handler(this::list);
    r.get("/api/v1/twins/:id/bindings/history").handler(this::history);
    r.post("/api/v1/twins/:id/bindings").handler(this::create);
    r.put("/api/v1/twins/:id/bindings/:property").handler(this::replace);
    r.delete("/api/v1/twins/:id/bindings/:property").handler(this::delete);
    r.post("/api/v1/twins/:id/bindings/:property/preview").handler(this::preview);
  }

  private void list(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    String asked = ctx.request().getParam("version");
    if (asked == null) {
      Http.respond(ctx, t.bindings(), 200, v -> Views.version(v, true));
      return;
    }
    int version = parseVersion(asked);
    Http.respond(ctx, t.history().map(all -> visible(ctx, t, all)), 200, all -> all.stream().filter(v -> v.version() == version).findFirst()
        .map(v -> Views.version(v, true))
        .orElseThrow(() -> TwinRequestException.notFound("version", "twin " + t.id() + " has no bindings version " + version)));
  }

  private void history(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Http.respond(ctx, t.history().map(all -> visible(ctx, t, all)), 200, all -> {
      JsonArray out = new JsonArray();
      all.forEach(v -> out.add(Views.version(v, false)));
      return out;
    });
  }

  private void create(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Binding b = parse(ctx, t);
    if (outOfScope(ctx, t, b)) return;
    put(ctx, t, b, true, 201);
  }

  private void replace(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Binding b = parse(ctx, t);
    if (!b.property().equals(ctx.pathParam("property"))) {
      throw TwinRequestException.invalid("property", "the body binds " + b.property() + ", the path names " + ctx.pathParam("property"));
    }
    if (outOfScope(ctx, t, b)) return;
    put(ctx, t, b, false, 200);
  }

  /**
   * Records the binding (through the action gate, as every edit), then checks it against its rig as
   * {@code serve --check --online} would. A misfit (no such node, a DataType the property cannot
   * take, an access level that forbids what the binding does, an MQTT topic silent or without the
   * pointer's field) is not refused: what a candidate got
   * wrong stays in their record. It comes back in the answer's {@code check.problems}, is logged
   * once and degrades the health check until the binding is replaced by one that fits; what could
   * not be asked (the connection is down, a Sparkplug node not born yet) is in {@code check.not_checked}.
   * An MQTT binding is judged by listening to its topic, so the answer may take a few seconds.
   */
  private void put(RoutingContext ctx, TwinVerticle t, Binding b, boolean mustBeNew, int status) {
    Future<JsonObject> answered = t.putBinding(b, mustBeNew, Actor.of(Guard.caller(ctx))).compose(v ->
        Future.fromCompletionStage(check.check(t.id(), t.twinConfig().model(), b), ctx.vertx().getOrCreateContext()).map(outcome -> {
          findings.checkedEntry(t.id(), b.property(), outcome.problems());
          JsonArray problems = new JsonArray();
          outcome.problems().forEach(f -> problems.add(new JsonObject().put("field", f.field()).put("message", f.problem())));
          return Views.version(v, false).put("check", new JsonObject().put("problems", problems)
              .put("not_checked", new JsonArray(outcome.notChecked())));
        }));
    Http.respond(ctx, answered, status, out -> out);
  }

  private void preview(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Binding b = parse(ctx, t);
    if (outOfScope(ctx, t, b)) return;
    Http.respond(ctx, t.preview(b), 200, p -> new io.vertx.core.json.JsonObject().put("property", b.property()).put("raw", p.raw())
        .put("value", p.value()).put("note", p.note()));
  }

  private void delete(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    String property = ctx.pathParam("property");
    Http.respond(ctx, t.deleteBinding(property, Actor.of(Guard.caller(ctx))).onSuccess(v -> findings.checkedEntry(t.id(), property,
        java.util.List.of())), 200, v -> Views.version(v, false));
  }

  /** A candidate's binding stays on their own station's rig: otherwise 403 naming the field, and nothing changes. */
  private boolean outOfScope(RoutingContext ctx, TwinVerticle t, Binding b) {
    var refusal = scopes.refusal(Guard.caller(ctx), t, b);
    refusal.ifPresent(r -> StationScopes.forbid(ctx, r));
    return refusal.isPresent();
  }

  /** Reads a binding from the body with the same rules as a binding file; errors carry line and column. */
  private Binding parse(RoutingContext ctx, TwinVerticle t) {
    Http.jsonBody(ctx); // a JSON object, or 400 before the YAML reader sees it
    try {
      return YamlDocument.parse("request body", ctx.body().asString()).readMapping((m, problems) ->
          BindingLoader.binding(m, t.twinConfig().model(), protocols, problems).orElse(null));
    } catch (InvalidInputException e) {
      throw new Http.InvalidBody(e);
    }
  }

  /** The versions the caller may see: a candidate the one in force and those since their station started, no earlier candidate's. */
  private java.util.List<BindingVersion> visible(RoutingContext ctx, TwinVerticle t, java.util.List<BindingVersion> all) {
    var since = reach.visibleSince(Guard.caller(ctx), t.id());
    if (since.isEmpty() || all.isEmpty()) return all;
    BindingVersion current = all.get(all.size() - 1);
    return all.stream().filter(v -> v == current || !v.at().isBefore(since.get())).toList();
  }

  private static int parseVersion(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw TwinRequestException.invalid("version", "'" + text + "' is not a version number");
    }
  }
}
