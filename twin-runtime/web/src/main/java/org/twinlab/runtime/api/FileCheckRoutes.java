package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * A trainer's model and bindings files, checked as the runtime reads them: the model by the model
 * loader, the bindings against their model (one of the lab's, or the model file sent with them)
 * and the lab's connections. Problems come back with file, line, column and field; nothing is kept.
 * A model that loads comes back whole too ({@code view}, as {@code GET /api/v1/models/{id}} gives a
 * model), so the trainer's page can draw the file it was given.
 */
final class FileCheckRoutes {
  static final int MAX_FILE_CHARS = 200_000;
  private final Vertx vertx;
  private final Supplier<java.util.Collection<TwinModel>> models;
  private final Map<String, String> protocols;

  FileCheckRoutes(Vertx vertx, Supplier<java.util.Collection<TwinModel>> models, Map<String, String> protocols) {
    this.vertx = vertx;
    this.models = models;
    this.protocols = protocols;
  }

  void mount(GuardedRouter r) {
    r.post("/api/v1/models/validate").handler(this::model);
    r.post("/api/v1/bindings/validate").handler(this::bindings);
  }

  private void model(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    String name = fileName(body, "name", "model.yaml");
    String yaml = text(body, "yaml");
    Http.respond(ctx, vertx.executeBlocking(() -> Http.parse("yaml", () -> {
      TwinModel m = ModelLoader.load(name, yaml);
      return new JsonObject().put("ok", true).put("file", name).put("model", m.id()).put("version", m.version()).put("name", m.name().en()).put("nameZh", m.name().zh())
          .put("view", Views.model(m));
    }), false), 200, v -> v);
  }

  private void bindings(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    String name = fileName(body, "name", "bindings.yaml");
    String yaml = text(body, "yaml");
    String modelYaml = body.getValue("modelYaml") == null ? null : text(body, "modelYaml");
    String modelName = fileName(body, "modelName", "model.yaml");
    String modelId = body.getValue("model") == null ? null : Http.requiredString(body, "model");
    if (modelYaml == null && modelId == null) throw TwinRequestException.invalid("model", "the model the bindings are for: one of the lab's (model) or its file (modelYaml)");
    Http.respond(ctx, vertx.executeBlocking(() -> Http.parse("yaml", () -> {
      TwinModel model = modelYaml != null ? ModelLoader.load(modelName, modelYaml) : models.get().stream().filter(m -> m.id().equals(modelId))
          .findFirst().orElseThrow(() -> TwinRequestException.notFound("model", "no model '" + modelId + "'"));
      BindingSet set = BindingLoader.load(name, yaml, model, protocols);
      return new JsonObject().put("ok", true).put("file", name).put("twin", set.twin()).put("model", model.id())
          .put("bindings", set.bindings().size()).put("commands", set.commands().size());
    }), false), 200, v -> v);
  }

  private static String fileName(JsonObject body, String field, String otherwise) {
    String name = body.getValue(field) == null ? otherwise : Http.requiredString(body, field);
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) throw TwinRequestException.invalid(field, "a file name: A-Z a-z 0-9 . _ - (up to 100)");
    return name;
  }

  private static String text(JsonObject body, String field) {
    String text = Http.requiredString(body, field);
    if (text.length() > MAX_FILE_CHARS) throw TwinRequestException.invalid(field, "at most " + MAX_FILE_CHARS + " characters");
    return text;
  }
}
