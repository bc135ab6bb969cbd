package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;

/**
 * What every follower of the live feed draws on: the twins' shared channels, the twins' whole
 * state for a new or lagging follower, and who may see which twin.
 */
record FeedSources(Vertx vertx, FeedChannels channels, TwinStates states, Reach reach) {
  /** The whole state of the twins, as snapshot frames. */
  interface TwinStates {
    /**
     * How to take the twin's state, now and whenever a follower needs it again.
     *
     * @throws org.twinlab.runtime.twin.TwinRequestException (404, naming the id) when there is no such twin
     */
    Supplier<Future<FeedFrame>> of(String twin);
  }

  /** The access of one follower, told to {@code changed} whenever who reaches what changes. */
  FeedAccess access(Caller caller, Runnable changed) {
    return new FeedAccess(vertx, reach, caller, changed);
  }
}
