package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Tokens;

/**
 * Stands before every API route: finds the caller from their token (a bearer header, or the
 * login cookie the web pages use), then lets the request through only with a role the operation
 * allows and, for a twin, session or station in the path, only when the caller reaches it.
 * 401 says "log in", 403 says "not yours".
 */
final class Guard implements Handler<RoutingContext> {
  static final String COOKIE = "twinlab_token";
  private static final String CALLER = "twinlab.caller";
  private final AccessPolicy policy;
  private final Tokens tokens;
  private final Reach reach;

  Guard(AccessPolicy policy, Tokens tokens, Reach reach) {
    this.policy = policy;
    this.tokens = tokens;
    this.reach = reach;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    var found = policy.find(ctx.request().method().name(), path);
    Optional<Caller> caller = tokens.check(token(ctx));
    caller.ifPresent(c -> ctx.put(CALLER, c));
    if (found.isEmpty()) {
      // no such operation: a 404 for those logged in, nothing to learn for others
      if (caller.isEmpty()) denied(ctx, 401, "log in first");
      else ctx.next();
      return;
    }
    AccessPolicy.Rule rule = found.get().getKey();
    if (rule.open()) {
      ctx.next();
      return;
    }
    if (caller.isEmpty()) {
      denied(ctx, 401, "log in first");
      return;
    }
    Caller c = caller.get();
    if (!rule.roles().contains(c.role())) {
      denied(ctx, 403, "a " + c.role().key() + " may not " + rule.method() + " " + rule.template());
      return;
    }
    Map<String, String> params = found.get().getValue();
    if (!reaches(c, rule.reach(), params)) {
      denied(ctx, 403, c.name() + " is not assigned to " + describe(rule.reach(), params));
      return;
    }
    ctx.next();
  }

  /** The caller the guard let through; every guarded route has one. */
  static Caller caller(RoutingContext ctx) {
    Caller c = ctx.get(CALLER);
    if (c == null) throw new IllegalStateException("no caller on a guarded route");
    return c;
  }

  static String token(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) return auth.substring(7).trim();
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private boolean reaches(Caller c, AccessPolicy.ReachKind kind, Map<String, String> params) {
    return switch (kind) {
      case NONE -> true;
      case TWIN -> reach.twin(c, decode(params.get("id")));
      case SESSION -> reach.session(c, decode(params.get("session")));
      case STATION -> reach.station(c, decode(params.get("session")), decode(params.get("station")));
    };
  }

  private static String describe(AccessPolicy.ReachKind kind, Map<String, String> params) {
    return switch (kind) {
      case TWIN -> "twin " + decode(params.get("id"));
      case SESSION -> "session " + decode(params.get("session"));
      case STATION -> "station " + decode(params.get("station")) + " of session " + decode(params.get("session"));
      case NONE -> "it";
    };
  }

  private static String decode(String s) {
    return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void denied(RoutingContext ctx, int status, String why) {
    if (status == 401) ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"twinlab\"");
    Http.send(ctx, status, Http.error(why, java.util.List.of()));
  }
}
