package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import org.twinlab.runtime.session.LabSessions;

/**
 * The platform's public key, for anyone who checks a downloaded evidence log offline: public, as a
 * public key is, and as PEM, so it goes straight to {@code twinlab evidence verify --key}.
 */
final class KeyRoutes {
  private final Vertx vertx;
  private final LabSessions sessions;

  KeyRoutes(Vertx vertx, LabSessions sessions) {
    this.vertx = vertx;
    this.sessions = sessions;
  }

  void mount(GuardedRouter r) {
    // the key may have to be read or made on disk first
    r.get("/api/v1/keys/platform").handler(ctx -> vertx.executeBlocking(() -> sessions.key().publicPem(), false)
        .onFailure(ctx::fail)
        .onSuccess(pem -> ctx.response().putHeader("Content-Type", "application/x-pem-file")
            .putHeader("Content-Disposition", "attachment; filename=\"platform.pub\"").end(pem)));
  }
}
