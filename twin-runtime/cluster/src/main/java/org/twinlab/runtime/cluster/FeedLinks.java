package org.twinlab.runtime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.twinlab.runtime.api.RemoteFeeds;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * The following side of the live feed across nodes: one link per twin this node's followers
 * follow (the web layer opens one per twin, however many followers). While another node runs the
 * twin the link consumes its feed address and renews its lease with the owner every second; the
 * owner's answer names its generation, so a twin taken over by another node (or taken up here, or
 * given away from here) is noticed within about a second and the followers take its state afresh.
 */
final class FeedLinks implements RemoteFeeds {
  static final long RENEW_MS = 1_000;
  /** An owner that does not answer within this is dead or dying; the next renewal finds its heir. */
  private static final long ASK_MS = 2_000;
  private static final long READY_WAIT_MS = 3_000;
  private final Vertx vertx;
  private final String node;
  private final Predicate<String> here;
  private final MessageSigner signer;
  private final Map<String, Link> links = new ConcurrentHashMap<>();

  /**
   * @param node this node's name, which holds its leases
   * @param here whether a twin runs on this node now
   * @param signer signs the questions, checks the answers and every batch (a batch not signed with the lab secret is dropped)
   */
  FeedLinks(Vertx vertx, String node, Predicate<String> here, MessageSigner signer) {
    this.vertx = vertx;
    this.signer = signer;
    this.node = node;
    this.here = here;
  }

  @Override
  public Runnable open(String twin, Consumer<Buffer> frames, Runnable moved) {
    Link link = new Link(twin, frames, moved);
    links.put(twin, link);
    link.timer = vertx.setPeriodic(RENEW_MS, t -> link.look());
    link.look();
    return () -> {
      links.remove(twin, link);
      link.close();
    };
  }

  @Override
  public Future<Buffer> state(String twin) {
    Link link = links.get(twin);
    // asked once the owner follows the twin for this node, so no batch falls between the state and the feed
    Future<Void> ready = link == null ? Future.succeededFuture() : link.ready.future().timeout(READY_WAIT_MS, TimeUnit.MILLISECONDS).otherwiseEmpty();
    return ready.compose(v -> signer.<Buffer>request(vertx, FeedRelay.stateAddress(twin), node, ASK_MS))
        .recover(e -> Future.failedFuture(TwinRequestException.unavailable("id",
            "twin '" + twin + "' runs on another node, which does not answer now (" + e.getMessage() + "); another node takes it over")));
  }

  private enum Where { UNKNOWN, HERE, THERE, LOST }

  /** One twin followed from here; everything of it runs on the context it was opened on. */
  private final class Link {
    final String twin;
    final Consumer<Buffer> frames;
    final Runnable moved;
    final Promise<Void> ready = Promise.promise();
    long timer = -1;
    Where where = Where.UNKNOWN;
    String generation;
    MessageConsumer<Buffer> feed;
    boolean asking;
    volatile boolean closed;

    Link(String twin, Consumer<Buffer> frames, Runnable moved) {
      this.twin = twin;
      this.frames = frames;
      this.moved = moved;
    }

    void look() {
      if (closed || asking) return;
      if (here.test(twin)) {
        // this node's own channel carries it now
        unsubscribe();
        if (where == Where.THERE || where == Where.LOST) moved.run();
        where = Where.HERE;
        generation = null;
        ready.tryComplete();
        return;
      }
      asking = true;
      subscribe().compose(v -> signer.<String>request(vertx, FeedRelay.followAddress(twin), node, ASK_MS)).onComplete(r -> {
        asking = false;
        if (closed) return;
        if (r.failed()) {
          if (where != Where.HERE) where = Where.LOST;
          return;
        }
        String answered = r.result();
        boolean changed = where == Where.HERE || where == Where.LOST || (where == Where.THERE && !answered.equals(generation));
        where = Where.THERE;
        generation = answered;
        ready.tryComplete();
        if (changed) moved.run();
      });
    }

    Future<Void> subscribe() {
      if (feed == null) {
        feed = vertx.eventBus().consumer(FeedRelay.feedAddress(twin), m -> {
          if (!closed && !here.test(twin) && signer.admit(m)) frames.accept(m.body());
        });
      }
      return feed.completion();
    }

    void unsubscribe() {
      if (feed != null) feed.unregister();
      feed = null;
    }

    void close() {
      closed = true;
      vertx.cancelTimer(timer);
      unsubscribe();
    }
  }
}
