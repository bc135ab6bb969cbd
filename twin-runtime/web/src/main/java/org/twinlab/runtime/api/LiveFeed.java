package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.ChangeBatch;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * The live feed: Server-Sent Events per twin and one WebSocket for many twins. A new follower gets
 * the current state first, then every change. A follower too slow to keep up is not allowed to
 * hold memory: changes are dropped while its buffer is full and it is sent a fresh state once the
 * buffer drains.
 */
final class LiveFeed {
  private static final long KEEP_ALIVE_MS = 15_000;
  private final Vertx vertx;
  private final Twins twins;

  private final Reach reach;

  LiveFeed(Vertx vertx, Twins twins, Reach reach) {
    this.reach = reach;
    this.vertx = vertx;
    this.twins = twins;
  }

  void mount(GuardedRouter r) {
    r.stream("/api/v1/twins/:id/stream").handler(this::stream);
    r.stream("/api/v1/ws").handler(this::webSocket);
  }

  // ---- Server-Sent Events

  private void stream(RoutingContext ctx) {
    TwinVerticle twin = twins.require(ctx.pathParam("id"));
    Predicate<Change> wanted = filter(ctx.request().getParam("properties"));
    HttpServerResponse res = ctx.response();
    res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    res.write("retry: 2000\n\n");
    boolean[] lagging = {false};
    Consumer<List<Change>> send = changes -> {
      StringBuilder out = new StringBuilder(changes.size() * 200);
      for (Change c : changes) {
        if (!wanted.test(c)) continue;
        out.append("event: ").append(Views.eventName(c)).append("\ndata: ").append(Views.change(c).encode()).append("\n\n");
      }
      if (out.length() > 0) res.write(out.toString());
    };
    MessageConsumer<ChangeBatch> consumer = vertx.eventBus().localConsumer(Bus.changes(twin.id()), m -> {
      if (res.writeQueueFull()) {
        lagging[0] = true;
        return;
      }
      send.accept(m.body().changes());
    });
    Runnable resync = () -> twin.snapshot().onSuccess(s -> send.accept(asChanges(s)));
    res.drainHandler(v -> {
      if (lagging[0]) {
        lagging[0] = false;
        resync.run();
      }
    });
    resync.run();
    Caller caller = Guard.caller(ctx);
    long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, t -> {
      // a candidate whose station has ended no longer follows its twin
      if (!reach.twin(caller, twin.id())) res.end();
      else res.write(": keep-alive\n\n");
    });
    res.closeHandler(v -> {
      consumer.unregister();
      vertx.cancelTimer(keepAlive);
    });
  }

  private static Predicate<Change> filter(String properties) {
    if (properties == null || properties.isBlank()) return c -> true;
    Set<String> only = Set.of(properties.split(","));
    return c -> !(c instanceof Change.PropertyChanged p) || only.contains(p.state().property());
  }

  /** The whole state of a twin as the changes that would build it from nothing. */
  static List<Change> asChanges(TwinSnapshot s) {
    List<Change> out = new ArrayList<>();
    out.add(new Change.LifecycleChanged(s.id(), s.lifecycle()));
    s.properties().forEach(p -> out.add(new Change.PropertyChanged(s.id(), p)));
    s.alarms().forEach(a -> out.add(new Change.AlarmChanged(s.id(), a)));
    return out;
  }

  // ---- WebSocket: {"subscribe": ["twin-a", ...]} and {"unsubscribe": [...]}

  private void webSocket(RoutingContext ctx) {
    Caller caller = Guard.caller(ctx);
    ctx.request().toWebSocket().onSuccess(ws -> serve(ws, caller)).onFailure(ctx::fail);
  }

  private void serve(ServerWebSocket ws, Caller caller) {
    Map<String, MessageConsumer<ChangeBatch>> followed = new HashMap<>();
    ws.textMessageHandler(text -> {
      JsonObject msg;
      try {
        msg = new JsonObject(text);
      } catch (RuntimeException e) {
        ws.writeTextMessage(error("message", "not a JSON object: " + e.getMessage()));
        return;
      }
      for (String id : ids(msg, "subscribe")) {
        if (followed.containsKey(id)) continue;
        if (!reach.twin(caller, id)) {
          ws.writeTextMessage(error("subscribe", caller.name() + " is not assigned to twin " + id));
          continue;
        }
        try {
          TwinVerticle twin = twins.require(id);
          followed.put(id, vertx.eventBus().<ChangeBatch>localConsumer(Bus.changes(id), m -> {
            if (!reach.twin(caller, id)) {
              // the caller's station has ended: the twin is no longer theirs to follow
              var gone = followed.remove(id);
              if (gone != null) gone.unregister();
              ws.writeTextMessage(error("subscribe", caller.name() + " is no longer assigned to twin " + id));
            } else if (!ws.writeQueueFull()) {
              ws.writeTextMessage(frame(m.body().changes()));
            }
          }));
          twin.snapshot().onSuccess(s -> ws.writeTextMessage(frame(asChanges(s))));
        } catch (TwinRequestException e) {
          ws.writeTextMessage(error("subscribe", e.getMessage()));
        }
      }
      for (String id : ids(msg, "unsubscribe")) {
        MessageConsumer<ChangeBatch> c = followed.remove(id);
        if (c != null) c.unregister();
      }
    });
    ws.closeHandler(v -> followed.values().forEach(MessageConsumer::unregister));
  }

  private static List<String> ids(JsonObject msg, String key) {
    Object v = msg.getValue(key);
    List<String> out = new ArrayList<>();
    if (v instanceof String s) out.add(s);
    if (v instanceof JsonArray a) a.forEach(x -> out.add(String.valueOf(x)));
    return out;
  }

  /** A batch of changes as one WebSocket message: {"changes": [{"event": ..., ...}, ...]}. */
  private static String frame(List<Change> changes) {
    JsonArray out = new JsonArray();
    changes.forEach(c -> out.add(Views.change(c).put("event", Views.eventName(c))));
    return new JsonObject().put("changes", out).encode();
  }

  private static String error(String field, String message) {
    return new JsonObject().put("error", message).put("field", field).encode();
  }
}
