package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.twin.Actor;

/** Installing and uninstalling twin applications: deploy a package, remove a twin. */
final class PackageRoutes {
  private final Deployments deployments;

  private final Reach reach;
  private final StationScopes scopes;

  PackageRoutes(Deployments deployments, Reach reach, StationScopes scopes) {
    this.deployments = deployments;
    this.reach = reach;
    this.scopes = scopes;
  }

  void mount(GuardedRouter r) {
    r.post("/api/v1/twins").handler(this::deploy);
    r.delete("/api/v1/twins/:id").handler(this::remove);
  }

  private void deploy(RoutingContext ctx) {
    JsonObject pkg = Http.jsonBody(ctx);
    Caller caller = Guard.caller(ctx);
    // a candidate installs only the twin of their own station
    if (caller.is(Role.CANDIDATE) && !reach.twin(caller, pkg.getString("twin", ""))) {
      Http.send(ctx, 403, Http.error(caller.name() + " may deploy only their station's twin", java.util.List.of()));
      return;
    }
    // and only onto their own station's rig
    var refusal = scopes.refusal(caller, pkg);
    if (refusal.isPresent()) {
      StationScopes.forbid(ctx, refusal.get());
      return;
    }
    var deployed = deployments.deploy(pkg, Actor.of(caller));
    if (!StationScopes.confines(caller)) deployed = deployed.onSuccess(t -> scopes.deployedByStaff(t.twinConfig()));
    Http.respond(ctx, deployed.compose(t -> t.snapshot().map(s -> Views.twin(s, t.twinConfig().model()))),
        201, v -> v);
  }

  private void remove(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Http.respond(ctx, deployments.remove(id, Actor.of(Guard.caller(ctx))), 200, v -> new JsonObject().put("twin", id).put("removed", true));
  }
}
