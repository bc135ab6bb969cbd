package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Refuses API paths with an escaped slash, backslash or NUL: no twin, session, station or user
 * name holds one, and a router or proxy may read "exam-b%2Fevidence" as one segment or as two.
 */
final class PlainPaths implements Handler<RoutingContext> {
  private static final List<String> REFUSED = List.of("%2f", "%5c", "%00", "\\");

  @Override
  public void handle(RoutingContext ctx) {
    String raw = ctx.request().path().toLowerCase(Locale.ROOT);
    for (String r : REFUSED) {
      if (raw.contains(r)) {
        String message = "a path may not hold an escaped slash, backslash or NUL";
        Http.send(ctx, 400, Http.error(message, List.of(new JsonObject().put("field", "path").put("message", message))));
        return;
      }
    }
    ctx.next();
  }
}
