package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryExport;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.StorageStrategy;
import org.twinlab.runtime.history.TimeWindow;
import org.twinlab.runtime.scenario.ChartMeasure;
import org.twinlab.runtime.scenario.ChartReader;
import org.twinlab.runtime.scenario.ChartSpec;
import org.twinlab.runtime.scenario.StorageStrategyReader;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * A twin's storage strategy and saved charts: the {@code storage_strategy} and {@code chart}
 * actions (read before they are recorded, so a malformed one is refused naming its field, and
 * carried out on a worker), and reading them back: the strategy in force, the charts saved, and one
 * chart with its points, for examiners to open.
 */
final class StorageRoutes {
  private final Vertx vertx;
  private final Twins twins;
  private final History history;
  private final ChartBook charts;
  private final Reach reach;

  StorageRoutes(Vertx vertx, Twins twins, History history, ChartBook charts, Reach reach) {
    this.vertx = vertx;
    this.twins = twins;
    this.history = history;
    this.charts = charts;
    this.reach = reach;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/twins/:id/storage-strategy").handler(this::strategy);
    r.get("/api/v1/twins/:id/charts").handler(this::list);
    r.get("/api/v1/twins/:id/charts/:name").handler(this::chart);
  }

  /** The storage_strategy action, read now; its act puts it in force. */
  Supplier<Future<ActionOutcome>> strategyAction(TwinVerticle t, Map<String, Object> fields) {
    StorageStrategy s = StorageStrategyReader.read(fields, t.twinConfig().model());
    if (s.store() != history.kind()) {
      throw TwinRequestException.invalid("store", "this runtime keeps history on the " + history.kind().name().toLowerCase(java.util.Locale.ROOT) + " store");
    }
    if (s.retention().isPresent() && s.store() != org.twinlab.runtime.config.HistoryConfig.Store.EMBEDDED) {
      throw TwinRequestException.invalid("retention", "a twin's own retention needs the embedded store: InfluxDB keeps one retention per bucket");
    }
    return () -> vertx.executeBlocking(() -> {
      history.apply(t.id(), s, t.clock().instant());
      return new ActionOutcome(true, "storage strategy in force: " + s.properties().size() + " properties kept", StorageStrategyReader.result(s));
    }, false);
  }

  /** The chart action, read now; its act measures the chart's window from the store and saves it. */
  Supplier<Future<ActionOutcome>> chartAction(TwinVerticle t, Caller who, Map<String, Object> fields) {
    Instant now = t.clock().instant();
    ChartSpec chart = ChartReader.read(fields, t.twinConfig().model(), now);
    Optional<Instant> since = reach.visibleSince(who, t.id());
    if (since.isPresent() && chart.from().isBefore(since.get())) {
      throw TwinRequestException.invalid("from", "the window starts before your station did: nothing of yours is recorded there");
    }
    return () -> vertx.executeBlocking(() -> {
      ActionOutcome measured = new ChartMeasure(t.twinConfig().model()).measure(chart, t.id(), history.store());
      charts.save(t.id(), new ChartBook.Saved(chart, who.name(), now));
      return measured;
    }, false);
  }

  private void strategy(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    JsonObject out = new JsonObject().put("twin", t.id());
    history.strategies().of(t.id()).ifPresentOrElse(s -> out.put("strategy", new JsonObject()
        .put("properties", new JsonArray(s.properties().stream().sorted().toList()))
        .put("retention", s.retention().map(Object::toString).orElse(null))
        .put("downsample", s.downsample().map(Object::toString).orElse(null))
        .put("aggregate", s.aggregate().key())
        .put("store", s.store().name().toLowerCase(java.util.Locale.ROOT))), () -> out.putNull("strategy"));
    ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
  }

  private void list(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    Optional<Instant> since = reach.visibleSince(Guard.caller(ctx), t.id());
    vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      charts.all(t.id()).stream().filter(c -> visible(c, since)).forEach(c -> out.add(c.json()));
      return new JsonObject().put("twin", t.id()).put("charts", out).encode();
    }, false).onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json)).onFailure(ctx::fail);
  }

  /** One chart with its points: the raw points of its properties in its window, and the values in force as it opens. */
  private void chart(RoutingContext ctx) {
    TwinVerticle t = twins.require(ctx.pathParam("id"));
    String name = ctx.pathParam("name");
    Optional<Instant> since = reach.visibleSince(Guard.caller(ctx), t.id());
    vertx.executeBlocking(() -> {
      ChartBook.Saved c = charts.find(t.id(), name).filter(x -> visible(x, since)).orElse(null);
      if (c == null) return null;
      HistoryQuery q = HistoryQuery.twin(t.id(), c.chart().from(), c.chart().to()).withProperties(java.util.Set.copyOf(c.chart().properties()));
      TimeWindow w = new TimeWindow(c.chart().from(), c.chart().to());
      return HistoryExport.json(w, history.store().raw(q), history.store().latestBefore(q)).put("twin", t.id()).put("chart", c.json()).encode();
    }, false).onSuccess(json -> {
      if (json == null) Http.send(ctx, 404, Http.error("no chart '" + name + "' on " + t.id(), List.of()));
      else ctx.response().putHeader("Content-Type", "application/json").end(json);
    }).onFailure(e -> {
      if (e instanceof HistoryException) Http.send(ctx, 503, Http.error("history is not available: " + e.getMessage(), List.of()));
      else ctx.fail(e);
    });
  }

  /** A candidate sees the charts saved since their station started, not an earlier candidate's. */
  private static boolean visible(ChartBook.Saved c, Optional<Instant> since) {
    return since.isEmpty() || !c.saved().isBefore(since.get());
  }
}
