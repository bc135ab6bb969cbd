package org.twinlab.runtime.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.ChangeBatch;

/**
 * The live feed's one subscription per followed twin: each change batch is encoded once and the
 * same frame handed to every follower of the twin, on the follower's own context (its
 * connection's event loop), in the order the twin published them. A twin nobody follows costs
 * nothing: its subscription goes with its last follower. In a clustered lab the subscription is
 * also this node's one link to the twin's feed on the node that runs it ({@link RemoteFeeds}):
 * frames from there are decoded once here, and when the twin moves every follower is told to
 * take its state afresh.
 */
final class FeedChannels {
  private final Vertx vertx;
  private final Function<List<Change>, FeedFrame> encoder;
  private final RemoteFeeds remote;
  private final Map<String, Channel> channels = new HashMap<>();

  FeedChannels(Vertx vertx, RemoteFeeds remote) {
    this(vertx, FeedFrame::changes, remote);
  }

  FeedChannels(Vertx vertx, Function<List<Change>, FeedFrame> encoder) {
    this(vertx, encoder, RemoteFeeds.NONE);
  }

  FeedChannels(Vertx vertx, Function<List<Change>, FeedFrame> encoder, RemoteFeeds remote) {
    this.vertx = vertx;
    this.encoder = encoder;
    this.remote = remote;
  }

  /** Hands every later batch of the twin to the follower, on the context it joins from; run what is returned to leave. */
  Runnable join(String twin, Consumer<FeedFrame> follower) {
    return join(twin, follower, () -> {});
  }

  /**
   * As {@link #join(String, Consumer)}; {@code moved} runs on the follower's context when the twin
   * has moved to another node, and the follower needs its state afresh.
   */
  Runnable join(String twin, Consumer<FeedFrame> follower, Runnable moved) {
    Member member = new Member(vertx.getOrCreateContext(), follower, moved);
    synchronized (this) {
      channels.computeIfAbsent(twin, this::open).members.add(member);
    }
    return () -> leave(twin, member);
  }

  /** How many twins are followed now. */
  synchronized int followedTwins() {
    return channels.size();
  }

  private synchronized void leave(String twin, Member member) {
    Channel c = channels.get(twin);
    if (c == null || !c.members.remove(member)) return;
    if (c.members.isEmpty()) {
      channels.remove(twin);
      c.consumer.unregister();
      c.link.run();
    }
  }

  private Channel open(String twin) {
    Channel c = new Channel();
    c.consumer = vertx.eventBus().<ChangeBatch>localConsumer(Bus.changes(twin), m -> c.deliver(encoder.apply(m.body().changes())));
    // the twin's batches on whichever other node runs it; nothing comes this way while it runs here
    c.link = remote.open(twin, wire -> c.deliver(FeedFrame.fromWire(wire)), () -> {
      for (Member f : c.members) f.context().runOnContext(v -> f.moved().run());
    });
    return c;
  }

  /** One follower of one twin; each join is its own, even of the same follower twice. */
  private static final class Member {
    private final Context context;
    private final Consumer<FeedFrame> follower;
    private final Runnable moved;

    Member(Context context, Consumer<FeedFrame> follower, Runnable moved) {
      this.context = context;
      this.follower = follower;
      this.moved = moved;
    }

    Runnable moved() {
      return moved;
    }

    Context context() {
      return context;
    }

    Consumer<FeedFrame> follower() {
      return follower;
    }
  }

  private static final class Channel {
    final List<Member> members = new CopyOnWriteArrayList<>();
    MessageConsumer<ChangeBatch> consumer;
    Runnable link = () -> {};

    void deliver(FeedFrame frame) {
      for (Member f : members) f.context().runOnContext(v -> f.follower().accept(frame));
    }
  }
}
