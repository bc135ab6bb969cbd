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
 * reaches what, not for every batch. In a clustered lab it follows the twins other nodes run as
 * well, through one link per twin to the node that runs it, and serves those nodes the twins run
 * here ({@link FeedExport}).
 */
final class LiveFeed implements FeedExport {
  private final Twins twins;
  private final RemoteTwins remote;
  private final RemoteFeeds remoteFeeds;
  private final FeedSources feed;

  LiveFeed(Vertx vertx, Twins twins, Reach reach) {
    this(vertx, twins, reach, RemoteTwins.NONE);
  }

  LiveFeed(Vertx vertx, Twins twins, Reach reach, RemoteTwins remote) {
    this.twins = twins;
    this.remote = remote;
    this.remoteFeeds = remote.feeds();
    this.feed = new FeedSources(vertx, new FeedChannels(vertx, remoteFeeds), this::states, reach);
  }

  @Override
  public Runnable follow(String twin, java.util.function.Consumer<io.vertx.core.buffer.Buffer> batches) {
    return feed.channels().join(twin, frame -> batches.accept(frame.wire()));
  }

  @Override
  public io.vertx.core.Future<io.vertx.core.buffer.Buffer> state(String twin) {
    try {
      return local(twins.require(twin)).get().map(FeedFrame::wire);
    } catch (RuntimeException e) {
      return io.vertx.core.Future.failedFuture(e);
    }
  }

  void mount(GuardedRouter r) {
    r.stream("/api/v1/twins/:id/stream").handler(this::stream);
    r.stream("/api/v1/ws").handler(this::webSocket);
  }

  private void stream(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    feed.states().of(id); // an unknown twin is a 404 naming those there are, before the stream starts
    ServerSentFollower.follow(ctx.response(), id, ctx.request().getParam("properties"), Guard.caller(ctx), feed);
  }

  private void webSocket(RoutingContext ctx) {
    Caller caller = Guard.caller(ctx);
    ctx.request().toWebSocket().onSuccess(ws -> WebSocketFollower.serve(ws, caller, feed)).onFailure(ctx::fail);
  }

  /** The twin's state from wherever it runs when asked: here, or (it may have moved since) the node that runs it. */
  private java.util.function.Supplier<io.vertx.core.Future<FeedFrame>> states(String id) {
    if (!twins.has(id) && !remote.ids().contains(id)) twins.require(id); // no such twin anywhere: 404
    return () -> twins.find(id).map(t -> local(t).get())
        .orElseGet(() -> remoteFeeds.state(id).map(FeedFrame::fromWire));
  }

  private static java.util.function.Supplier<io.vertx.core.Future<FeedFrame>> local(TwinVerticle twin) {
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
