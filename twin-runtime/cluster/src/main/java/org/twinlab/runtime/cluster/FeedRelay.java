package org.twinlab.runtime.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.twinlab.runtime.api.FeedExport;

/**
 * The owner's side of the live feed across nodes. For each twin this node runs it answers two
 * questions on the clustered event bus: "follow" (a node whose followers follow the twin asks it
 * again every second, and so holds a lease) and "state" (the twin's whole state, for a new or
 * lagging follower there). While any node holds a lease it follows the twin here, as one more
 * follower of its channel, and publishes each batch once, already encoded, on the twin's feed
 * address: Vert.x sends it once to each node with a consumer there, however many followers that
 * node has. Everything that crosses is a string or a buffer, never the runtime's local codec.
 */
final class FeedRelay {
  private static final String PREFIX = "twinlab.cluster.feed.";
  /** A node that has not asked again within this has gone, or its followers have. */
  static final long LEASE_NANOS = 5_000_000_000L;
  private static final long EXPIRE_EVERY_MS = 1_000;
  private final Vertx vertx;
  private final FeedExport export;
  private final MessageSigner signer;
  private final Map<String, Served> served = new ConcurrentHashMap<>();

  /** @param signer checks every question and signs every answer and batch (one MAC per batch, however many nodes follow) */
  FeedRelay(Vertx vertx, FeedExport export, MessageSigner signer) {
    this.vertx = vertx;
    this.signer = signer;
    this.export = export;
  }

  /** Where the owner publishes the twin's batches. */
  static String feedAddress(String twin) {
    return PREFIX + twin;
  }

  /** Where a node asks to follow the twin (its node name the body; the answer the owner's generation). */
  static String followAddress(String twin) {
    return PREFIX + twin + ".follow";
  }

  /** Where a node asks for the twin's whole state. */
  static String stateAddress(String twin) {
    return PREFIX + twin + ".state";
  }

  void serve(String twin) {
    served.computeIfAbsent(twin, Served::new);
  }

  void stop(String twin) {
    Served s = served.remove(twin);
    if (s != null) s.close();
  }

  /** One twin run here, as other nodes follow it. */
  private final class Served {
    private final String twin;
    /** Told to followers with every lease: a new one means the twin was taken up afresh here, and their state is stale. */
    private final String generation = UUID.randomUUID().toString();
    private final MessageConsumer<String> follow;
    private final MessageConsumer<String> state;
    private final Map<String, Long> leases = new HashMap<>();
    private Runnable leave;
    private long timer = -1;
    private boolean closed;

    Served(String twin) {
      this.twin = twin;
      this.follow = vertx.eventBus().consumer(followAddress(twin), this::follow);
      this.state = vertx.eventBus().consumer(stateAddress(twin), this::state);
    }

    private synchronized void follow(Message<String> m) {
      if (!signer.admit(m)) return;
      if (closed) {
        m.fail(404, "twin " + twin + " does not run here");
        return;
      }
      leases.put(m.body(), System.nanoTime() + LEASE_NANOS);
      if (leave == null) {
        // joined before the answer goes: a state asked for after it is followed by every later batch
        leave = export.follow(twin, this::publish);
        timer = vertx.setPeriodic(EXPIRE_EVERY_MS, t -> expire());
      }
      signer.answer(m, generation);
    }

    private void publish(Buffer batch) {
      signer.publish(vertx, feedAddress(twin), batch);
    }

    private void state(Message<String> m) {
      if (!signer.admit(m)) return;
      export.state(twin).onSuccess(s -> signer.answer(m, s)).onFailure(e -> m.fail(503, String.valueOf(e.getMessage())));
    }

    private synchronized void expire() {
      long now = System.nanoTime();
      leases.values().removeIf(until -> until - now < 0);
      if (leases.isEmpty()) stopFollowing();
    }

    private void stopFollowing() {
      if (leave != null) leave.run();
      leave = null;
      if (timer >= 0) vertx.cancelTimer(timer);
      timer = -1;
    }

    synchronized void close() {
      closed = true;
      follow.unregister();
      state.unregister();
      stopFollowing();
    }
  }
}
