package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Installing and uninstalling twin applications: deploy a package, remove a twin. */
final class PackageRoutes {
  private final Deployments deployments;

  PackageRoutes(Deployments deployments) {
    this.deployments = deployments;
  }

  void mount(Router r) {
    r.post("/api/v1/twins").handler(this::deploy);
    r.delete("/api/v1/twins/:id").handler(this::remove);
  }

  private void deploy(RoutingContext ctx) {
    JsonObject pkg = Http.jsonBody(ctx);
    Http.respond(ctx, deployments.deploy(pkg, Http.caller(ctx)).compose(t -> t.snapshot().map(s -> Views.twin(s, t.twinConfig().model()))),
        201, v -> v);
  }

  private void remove(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Http.respond(ctx, deployments.remove(id, Http.caller(ctx)), 200, v -> new JsonObject().put("twin", id).put("removed", true));
  }
}
