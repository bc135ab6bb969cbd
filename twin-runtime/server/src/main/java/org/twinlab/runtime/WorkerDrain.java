package org.twinlab.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for blocking work still running on Vert.x's worker pool when the runtime stops: a request
 * whose browser has gone, or a check begun just before, goes on after its route is closed, and
 * would otherwise end after Vert.x itself, with nowhere to hand its result.
 */
final class WorkerDrain {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerDrain.class);
  private static final long POLL_MS = 20;

  private WorkerDrain() {}

  /**
   * Returns once at most {@code own} tasks run on the pool (the caller's, when it is one of them),
   * or after {@code waitMs}, saying so.
   */
  static void await(Vertx vertx, int own, long waitMs) throws InterruptedException {
    if (!(vertx instanceof VertxInternal internal) || !(internal.workerPool().executor() instanceof ThreadPoolExecutor pool)) return;
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    while (pool.getActiveCount() > own) {
      if (System.nanoTime() > deadline) {
        LOG.warn("stopping: {} blocking tasks still run after {} s", pool.getActiveCount() - own, waitMs / 1000);
        return;
      }
      Thread.sleep(POLL_MS);
    }
  }
}
