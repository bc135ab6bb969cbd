package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.config.Quantities;
import org.twinlab.runtime.history.ChangeHistory;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryExport;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.HistoryStatus;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.TimeWindow;
import org.twinlab.runtime.twin.ActionLedger;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/** History reads (raw or stepped), exports as CSV or JSON, and the history writer's status. */
final class HistoryRoutes {
  static final Duration MAX_RAW_WINDOW = Duration.ofHours(24);
  static final Duration MAX_EXPORT_WINDOW = Duration.ofDays(31);
  static final long MAX_STEPS = 100_000;
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Twins twins;
  private final History history;

  private final Reach reach;
  private final java.time.Clock clock;

  HistoryRoutes(Twins twins, History history, Reach reach, java.time.Clock clock) {
    this.twins = twins;
    this.history = history;
    this.reach = reach;
    this.clock = clock;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/twins/:id/history").handler(this::read);
    r.get("/api/v1/twins/:id/export").handler(this::exportTwin);
    r.get("/api/v1/history/export").handler(this::exportSession);
    r.get("/api/v1/history/status").handler(this::status);
  }

  private void read(RoutingContext ctx) {
    TwinVerticle twin = twins.require(ctx.pathParam("id"));
    TimeWindow window = visible(ctx, twin.id(), window(ctx));
    HistoryQuery query = HistoryQuery.twin(twin.id(), window.from(), window.to()).withProperties(properties(ctx, twin));
    Optional<Duration> step = step(ctx, window);
    if (step.isEmpty() && window.length().compareTo(MAX_RAW_WINDOW) > 0) {
      throw TwinRequestException.invalid("step", "raw points are served for up to 24 h at a time: give a step for a longer window");
    }
    ctx.vertx().executeBlocking(() -> {
      List<Series> before = history.store().latestBefore(query);
      JsonObject answer = step.isPresent()
          ? HistoryExport.json(window, step.get(), history.store().stepped(query, step.get()), before)
          : HistoryExport.json(window, history.store().raw(query), before);
      return answer.put("twin", twin.id()).encode();
    }, false)
        .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json))
        .onFailure(e -> failed(ctx, e));
  }

  private void exportTwin(RoutingContext ctx) {
    TwinVerticle twin = twins.require(ctx.pathParam("id"));
    TimeWindow window = visible(ctx, twin.id(), exportWindow(ctx));
    HistoryQuery query = HistoryQuery.twin(twin.id(), window.from(), window.to()).withProperties(properties(ctx, twin));
    Actor who = Actor.of(Guard.caller(ctx));
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String p : List.of("from", "to", "format", "properties")) {
      if (ctx.queryParams().get(p) != null) fields.put(p, ctx.queryParams().get(p));
    }
    // the export is recorded once its file is written, before it is sent
    export(ctx, query, window, twin.id(), () -> ActionLedger.record(ctx.vertx(), CandidateAction.of(twin.id(), who, "export", fields, twin.clock().instant())));
  }

  private void exportSession(RoutingContext ctx) {
    String session = ctx.queryParams().get("session");
    String twinId = ctx.queryParams().get("twin");
    if ((session == null || session.isBlank()) && (twinId == null || twinId.isBlank())) {
      throw TwinRequestException.invalid("session", "name a lab session (session=…) or a twin (twin=…) to export");
    }
    TwinVerticle twin = twinId == null ? null : twins.require(twinId);
    if (session != null && !session.matches("[A-Za-z0-9._-]{1,64}")) {
      throw TwinRequestException.invalid("session", "a session id is 1-64 of A-Z a-z 0-9 . _ -");
    }
    // the twin and session are in the query, not the path: the caller must reach them as the path's would
    Caller caller = Guard.caller(ctx);
    if (twinId != null && !reach.twin(caller, twinId)) throw new SecurityException(caller.name() + " is not assigned to twin " + twinId);
    if (session != null && !reach.session(caller, session)) {
      throw new SecurityException(caller.name() + " is not assigned to session " + session);
    }
    TimeWindow window = exportWindow(ctx);
    HistoryQuery query = new HistoryQuery(twinId, Set.of(), session, window.from(), window.to());
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String p : List.of("session", "from", "to", "format")) {
      if (ctx.queryParams().get(p) != null) fields.put(p, ctx.queryParams().get(p));
    }
    // an export of one twin's history is an action on that twin, recorded like the twin's own export route
    java.util.function.Supplier<Future<Void>> record = twinId == null ? Future::succeededFuture
        : () -> ActionLedger.record(ctx.vertx(), CandidateAction.of(twinId, Actor.of(caller), "export", fields, twin.clock().instant()));
    export(ctx, query, window, session != null ? session : twinId, record);
  }

  /** Sends the export; the future completes when it has been sent whole. */
  private Future<Void> export(RoutingContext ctx, HistoryQuery query, TimeWindow window, String name,
      java.util.function.Supplier<Future<Void>> beforeSending) {
    String format = format(ctx);
    String fileName = name + "_" + FILE_TIME.format(window.from()) + "_" + FILE_TIME.format(window.to()) + "." + format;
    return ctx.vertx().executeBlocking(() -> writeExport(query, window, format), false)
        .compose(file -> beforeSending.get().map(file)
            .onFailure(refused -> ctx.vertx().fileSystem().delete(file.toString()))) // a refused export leaves no file behind
        .compose(file -> ctx.response()
            .putHeader("Content-Type", format.equals("csv") ? "text/csv; charset=utf-8" : "application/json")
            .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
            .sendFile(file.toString())
            .onComplete(x -> ctx.vertx().fileSystem().delete(file.toString())))
        .onFailure(e -> {
          if (!ctx.response().headWritten()) failed(ctx, e);
        });
  }

  /** Exports go through a temporary file so that a long window never sits in memory whole. */
  private Path writeExport(HistoryQuery query, TimeWindow window, String format) throws HistoryException, IOException {
    List<Series> series = history.store().raw(query);
    Path file = Files.createTempFile("twinlab-export", "." + format);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (format.equals("csv")) HistoryExport.csv(series, out);
      else out.write(HistoryExport.json(window, series).encode());
    }
    return file;
  }

  private void status(RoutingContext ctx) {
    HistoryStatus s = history.status();
    Http.send(ctx, 200, statusJson(s));
  }

  static JsonObject statusJson(HistoryStatus s) {
    return new JsonObject().put("store", s.store()).put("healthy", s.healthy()).put("acknowledged", s.acknowledged())
        .put("queued", s.queued()).put("dropped", s.dropped()).put("spooled", s.spooled()).put("batches", s.batches())
        .put("lastBatchMillis", s.lastBatchMillis()).put("error", s.lastError())
        .put("errorAt", s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
  }

  private TimeWindow window(RoutingContext ctx) {
    try {
      return TimeWindow.parse(ctx.queryParams().get("from"), ctx.queryParams().get("to"), clock.instant());
    } catch (TimeWindow.BadTime e) {
      throw TwinRequestException.invalid(e.field(), e.getMessage());
    }
  }

  /** The part of a window the caller may see: a candidate nothing from before their station started. */
  private TimeWindow visible(RoutingContext ctx, String twin, TimeWindow asked) {
    Optional<Instant> since = reach.visibleSince(Guard.caller(ctx), twin);
    if (since.isEmpty() || !asked.from().isBefore(since.get())) return asked;
    Instant from = since.get().isAfter(asked.to()) ? asked.to() : since.get();
    return new TimeWindow(from, asked.to());
  }

  private TimeWindow exportWindow(RoutingContext ctx) {
    TimeWindow w = window(ctx);
    if (w.length().compareTo(MAX_EXPORT_WINDOW) > 0) {
      throw TwinRequestException.invalid("from", "an export covers at most 31 days; export longer spans in parts");
    }
    return w;
  }

  private static Optional<Duration> step(RoutingContext ctx, TimeWindow window) {
    String text = ctx.queryParams().get("step");
    if (text == null || text.isBlank()) return Optional.empty();
    if (text.equals("auto")) return Optional.of(autoStep(window.length()));
    Duration step = Quantities.duration(text).filter(d -> !d.isZero())
        .orElseThrow(() -> TwinRequestException.invalid("step", "'" + text + "' is not a step: use 500ms, 10s, 1m, 1h, 1d or auto"));
    if (window.length().dividedBy(step) > MAX_STEPS) {
      throw TwinRequestException.invalid("step", "a " + text + " step gives more than " + MAX_STEPS + " steps in this window");
    }
    return Optional.of(step);
  }

  private static final List<Duration> NICE_STEPS = List.of(Duration.ofMillis(100), Duration.ofMillis(200),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
      Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));

  /** The smallest round step that gives a chart at most 600 steps per series. */
  static Duration autoStep(Duration window) {
    for (Duration d : NICE_STEPS) if (window.dividedBy(d) <= 600) return d;
    return Duration.ofDays(Math.max(1, window.toDays() / 600 + 1));
  }

  private static String format(RoutingContext ctx) {
    String f = Optional.ofNullable(ctx.queryParams().get("format")).orElse("csv");
    if (!f.equals("csv") && !f.equals("json")) throw TwinRequestException.invalid("format", "an export format is csv or json");
    return f;
  }

  /** The properties asked for (repeated or comma-separated), each checked against the twin's model. */
  private static Set<String> properties(RoutingContext ctx, TwinVerticle twin) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String p : ctx.queryParams().getAll("property")) {
      for (String one : p.split(",")) if (!one.isBlank()) wanted.add(one.trim());
    }
    var model = twin.twinConfig().model();
    Set<String> alarms = new LinkedHashSet<>();
    model.alarms().forEach(a -> alarms.add(ChangeHistory.ALARM_PREFIX + a.id()));
    for (String p : wanted) {
      if (model.property(p).isEmpty() && !alarms.contains(p) && !p.equals(ChangeHistory.LIFECYCLE)) {
        throw TwinRequestException.invalid("property", "the " + model.id() + " model has no property '" + p + "'");
      }
    }
    return wanted;
  }

  private static void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof HistoryException) {
      Http.send(ctx, 503, Http.error("history is not available: " + e.getMessage(), List.of()));
    } else {
      ctx.fail(e);
    }
  }
}
