package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Tokens;

/**
 * Who calls, and whether they may. {@link #identify} stands before every API request and finds the
 * caller from their token (a bearer header, or the login cookie the web pages use) without deciding
 * anything; {@link #admit} is mounted on each route itself and lets the request through only with a
 * role the route's operation allows and, for a twin, session or station in the path, only when the
 * caller reaches it, read from the router's own path parameters (the values the handler uses). A
 * request no route takes is refused by {@link #unrouted}. 401 says "log in", 403 says "not yours".
 */
final class Guard {
  static final String COOKIE = "twinlab_token";
  private static final String CALLER = "twinlab.caller";
  private final Tokens tokens;
  private final Reach reach;

  Guard(Tokens tokens, Reach reach) {
    this.tokens = tokens;
    this.reach = reach;
  }

  /** Finds the caller, if any, and lets every request on. */
  Handler<RoutingContext> identify() {
    return ctx -> {
      tokens.check(token(ctx)).ifPresent(c -> ctx.put(CALLER, c));
      ctx.next();
    };
  }

  /** The decision for one operation, mounted on its route before the route's own handler. */
  Handler<RoutingContext> admit(AccessPolicy.Rule rule) {
    return ctx -> {
      if (rule.open()) {
        ctx.next();
        return;
      }
      Optional<Caller> caller = Optional.ofNullable(ctx.get(CALLER));
      if (caller.isEmpty()) {
        denied(ctx, 401, "log in first");
        return;
      }
      Caller c = caller.get();
      if (!rule.roles().contains(c.role())) {
        denied(ctx, 403, "a " + c.role().key() + " may not " + rule.operation());
        return;
      }
      if (!reaches(c, rule.reach(), ctx)) {
        denied(ctx, 403, c.name() + " is not assigned to " + describe(rule.reach(), ctx));
        return;
      }
      ctx.next();
    };
  }

  /** The last API handler: no route took the request. Nothing to learn for those not logged in. */
  static void unrouted(RoutingContext ctx) {
    if (ctx.get(CALLER) == null) denied(ctx, 401, "log in first");
    else Http.send(ctx, 404, Http.error("no such operation: " + ctx.request().method() + " " + ctx.request().path(),
        java.util.List.of()));
  }

  /** Whether the request came with a valid login (on a public route it may not). */
  static boolean loggedIn(RoutingContext ctx) {
    return ctx.get(CALLER) != null;
  }

  /** The caller the guard let through; every guarded route has one. */
  static Caller caller(RoutingContext ctx) {
    Caller c = ctx.get(CALLER);
    if (c == null) throw new IllegalStateException("no caller on a guarded route");
    return c;
  }

  /** Whether the request carries a bearer token (not the cookie): such requests cannot be forged by a page. */
  static boolean bearer(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  static String token(RoutingContext ctx) {
    if (bearer(ctx)) return ctx.request().getHeader("Authorization").substring(7).trim();
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private boolean reaches(Caller c, AccessPolicy.ReachKind kind, RoutingContext ctx) {
    return switch (kind) {
      case NONE -> true;
      case TWIN -> reach.twin(c, ctx.pathParam("id"));
      case SESSION -> reach.session(c, ctx.pathParam("session"));
      case STATION -> reach.station(c, ctx.pathParam("session"), ctx.pathParam("station"));
    };
  }

  private static String describe(AccessPolicy.ReachKind kind, RoutingContext ctx) {
    return switch (kind) {
      case TWIN -> "twin " + ctx.pathParam("id");
      case SESSION -> "session " + ctx.pathParam("session");
      case STATION -> "station " + ctx.pathParam("station") + " of session " + ctx.pathParam("session");
      case NONE -> "it";
    };
  }

  private static void denied(RoutingContext ctx, int status, String why) {
    if (status == 401) ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"twinlab\"");
    Http.send(ctx, status, Http.error(why, java.util.List.of()));
  }
}
