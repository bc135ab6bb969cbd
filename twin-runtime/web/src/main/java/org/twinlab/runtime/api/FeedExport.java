package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * This node's live feed of the twins it runs, for other nodes' followers: each batch encoded once
 * into the form that crosses nodes, the same batch every follower here is written.
 */
public interface FeedExport {
  /** Hands every later batch of the twin, in the form that crosses nodes, to {@code batches} on the calling context; run what is returned to stop. */
  Runnable follow(String twin, Consumer<Buffer> batches);

  /** The twin's whole state in the same form; fails (404) when it does not run here. */
  Future<Buffer> state(String twin);
}
