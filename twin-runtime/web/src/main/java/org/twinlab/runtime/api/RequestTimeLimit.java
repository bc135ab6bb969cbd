package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Answers 503 when a request has had no answer within the limit, so no request holds a socket
 * forever (a handler that lost its reply, a peer that never answers). Streams are not limited.
 */
final class RequestTimeLimit implements Handler<RoutingContext> {
  private final Duration limit;

  RequestTimeLimit(Duration limit) {
    if (limit.isZero() || limit.isNegative()) throw new IllegalArgumentException("a request time limit must be positive");
    this.limit = limit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long timer = ctx.vertx().setTimer(limit.toMillis(), t -> {
      if (ctx.response().ended() || ctx.response().headWritten()) return;
      Http.send(ctx, 503, Http.error("no answer within the request time limit of " + describe(limit) + "; the request was given up",
          java.util.List.of()));
    });
    ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }

  static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
