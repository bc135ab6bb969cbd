package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * The live feed: Server-Sent Events per twin and one WebSocket for many twins. A new follower gets
 * the current state first, then every change. Each change batch is encoded once for all of a
 * twin's followers. A follower too slow to keep up is not allowed to hold memory: changes are
 * dropped while its buffer is full and it is sent a fresh state once the buffer drains. Who may
 * see a twin is decided when they start following it and again whenever the sessions change who
 * reaches what, not for every batch.
 */
final class LiveFeed {
  private final Twins twins;
  private final FeedSources feed;

  LiveFeed(Vertx vertx, Twins twins, Reach reach) {
    this.twins = twins;
    this.feed = new FeedSources(vertx, new FeedChannels(vertx), this::states, reach);
  }

  void mount(GuardedRouter r) {
    r.stream("/api/v1/twins/:id/stream").handler(this::stream);
    r.stream("/api/v1/ws").handler(this::webSocket);
  }

  private void stream(RoutingContext ctx) {
    TwinVerticle twin = twins.require(ctx.pathParam("id"));
    ServerSentFollower.follow(ctx.response(), twin.id(), ctx.request().getParam("properties"), Guard.caller(ctx), feed);
  }

  private void webSocket(RoutingContext ctx) {
    Caller caller = Guard.caller(ctx);
    ctx.request().toWebSocket().onSuccess(ws -> WebSocketFollower.serve(ws, caller, feed)).onFailure(ctx::fail);
  }

  private java.util.function.Supplier<io.vertx.core.Future<FeedFrame>> states(String id) {
    TwinVerticle twin = twins.require(id);
    return () -> twin.snapshot().map(s -> FeedFrame.snapshot(asChanges(s)));
  }

  /** The whole state of a twin as the changes that would build it from nothing. */
  static List<Change> asChanges(TwinSnapshot s) {
    List<Change> out = new ArrayList<>();
    out.add(new Change.LifecycleChanged(s.id(), s.lifecycle()));
    s.properties().forEach(p -> out.add(new Change.PropertyChanged(s.id(), p)));
    s.alarms().forEach(a -> out.add(new Change.AlarmChanged(s.id(), a)));
    return out;
  }
}
