package org.twinlab.runtime.api;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * Models: the lab's models for staff ({@code /api/v1/models}), and a twin's own model for whoever
 * may see that twin ({@code /api/v1/twins/{id}/model}, whose rule is the twin's own: the guard
 * decides it as it decides {@code GET /api/v1/twins/{id}}).
 */
final class ModelRoutes {
  private final Supplier<java.util.Collection<TwinModel>> models;
  private final Twins twins;

  /** @param models the models the lab knows: built in, of its configuration, of deployed packages */
  ModelRoutes(Supplier<java.util.Collection<TwinModel>> models, Twins twins) {
    this.models = models;
    this.twins = twins;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/models").handler(this::list);
    r.get("/api/v1/models/:model").handler(this::one);
    r.get("/api/v1/twins/:id/model").handler(this::ofTwin);
  }

  private void list(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    models.get().forEach(m -> out.add(Views.modelSummary(m)));
    Http.send(ctx, 200, out);
  }

  private void one(RoutingContext ctx) {
    String id = ctx.pathParam("model");
    TwinModel model = models.get().stream().filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> TwinRequestException.notFound("model", "no model '" + id + "'"));
    Http.send(ctx, 200, Views.model(model));
  }

  private void ofTwin(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Http.send(ctx, 200, Views.model(t.twinConfig().model()));
  }
}
