package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * The live feed of a clustered lab's twins wherever they run. This node opens one link per twin
 * its followers follow, however many they are, and hands every follower here the frames that
 * link brings. Frames cross nodes in the feed's own form, encoded once by the node that runs the
 * twin; who may follow is still decided here, by the node that answers the follower.
 */
public interface RemoteFeeds {
  /** A lab of one node: every twin's feed is this node's own. */
  RemoteFeeds NONE = new RemoteFeeds() {
    @Override
    public Runnable open(String twin, Consumer<Buffer> frames, Runnable moved) {
      return () -> {};
    }

    @Override
    public Future<Buffer> state(String twin) {
      return Future.failedFuture(new IllegalStateException("no other nodes"));
    }
  };

  /**
   * Brings the twin's change batches here while another node runs it, each in the form
   * {@link FeedExport} gives them there; {@code moved} runs whenever the node that runs it changes
   * (to or from this node, or from one node to another), after which a follower needs the state
   * afresh. Opened on a Vert.x context, and both run on it. Run what is returned to close it.
   */
  Runnable open(String twin, Consumer<Buffer> frames, Runnable moved);

  /** The twin's whole state from the node that runs it, in the same form; fails when none answers. */
  Future<Buffer> state(String twin);
}
