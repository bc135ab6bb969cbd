package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.LoginThrottle;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.auth.Tokens;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Logging in and out, and the administrators' account management with its audit trail. Password
 * hashing is deliberately slow, so it runs on worker threads.
 */
final class AuthRoutes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthRoutes.class);
  private final Vertx vertx;
  private final Accounts accounts;
  private final Tokens tokens;
  private final AuditLog audit;
  private final java.time.Clock clock;
  private final LoginThrottle throttle;
  private final LoginThrottle byAddress;

  AuthRoutes(Vertx vertx, Accounts accounts, Tokens tokens, AuditLog audit, java.time.Clock clock) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
    this.byAddress = LoginThrottle.byAddress(clock);
  }

  void mount(GuardedRouter router) {
    router.post("/api/v1/login").handler(this::login);
    router.post("/api/v1/logout").handler(this::logout);
    router.get("/api/v1/me").handler(ctx -> Http.send(ctx, 200, me(Guard.caller(ctx))));
    router.get("/api/v1/users").handler(ctx -> {
      JsonArray out = new JsonArray();
      accounts.all().forEach(a -> out.add(view(a)));
      Http.send(ctx, 200, out);
    });
    router.post("/api/v1/users").handler(this::addUser);
    router.delete("/api/v1/users/:name").handler(this::removeUser);
    router.put("/api/v1/users/:name/password").handler(this::setPassword);
    router.put("/api/v1/users/:name/lock").handler(this::setLocked);
    router.get("/api/v1/audit").handler(ctx -> {
      int limit = limit(ctx);
      var keep = AuditLog.filter(blankless(ctx, "user"), blankless(ctx, "action"), instant(ctx, "from"), instant(ctx, "to"));
      Http.respond(ctx, vertx.executeBlocking(() -> audit.tail(limit, keep)), 200, a -> a);
    });
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    String name = Http.requiredString(body, "user");
    String password = Http.requiredString(body, "password");
    // the connection's own address: a client can write any X-Forwarded-For it likes
    String from = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    // each attempt counts as wrong until its password proves right: guesses sent at once are counted too
    Duration waitHere = byAddress.reserve(from);
    Duration wait = waitHere.isZero() ? throttle.reserve(name) : Duration.ZERO;
    if (!wait.isZero() || !waitHere.isZero()) {
      if (!wait.isZero()) byAddress.withdrawn(from);
      String whose = !wait.isZero() ? "for " + name : "from " + from;
      Duration longest = wait.compareTo(waitHere) >= 0 ? wait : waitHere;
      Http.send(ctx, 429, Http.error("too many wrong passwords " + whose + "; try again in " + (longest.toSeconds() + 1) + " s",
          java.util.List.of()));
      return;
    }
    vertx.executeBlocking(() -> {
      var account = accounts.authenticate(name, password);
      try {
        audit.record(name, account.isPresent() ? "login" : "login refused", name, from);
      } catch (java.io.UncheckedIOException e) {
        // a full or broken disk must not lock examiners out of a running exam; it is reported loudly
        LOG.error("the audit trail cannot be written; {} of {} is not on record: {}", account.isPresent() ? "login" : "refused login",
            name, e.getMessage());
      }
      return account;
    }).onFailure(ctx::fail).onSuccess(account -> {
      if (account.isEmpty()) {
        Http.send(ctx, 401, Http.error("wrong user name or password", java.util.List.of()));
        return;
      }
      throttle.withdrawn(name);
      byAddress.withdrawn(from);
      Tokens.Issued t = tokens.issue(account.get());
      ctx.response().addCookie(Cookie.cookie(Guard.COOKIE, t.token()).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
          .setSecure(ctx.request().isSSL())
          .setPath("/").setMaxAge(Duration.between(clock.instant(), t.expires()).toSeconds()));
      Http.send(ctx, 200, me(account.get().caller()).put("display", account.get().displayName()).put("token", t.token())
          .put("expires", t.expires().toString()));
    });
  }

  private void logout(RoutingContext ctx) {
    tokens.revoke(Guard.token(ctx));
    ctx.response().addCookie(Cookie.cookie(Guard.COOKIE, "").setPath("/").setMaxAge(0).setSecure(ctx.request().isSSL()));
    Http.send(ctx, 204, null);
  }

  private void addUser(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    String name = Http.requiredString(body, "name");
    Role role = Http.parse("role", () -> Role.of(Http.requiredString(body, "role")));
    String password = Http.requiredString(body, "password");
    String display = body.getString("display", name);
    String by = Guard.caller(ctx).name();
    Http.respond(ctx, vertx.executeBlocking(() -> {
      Account a = Http.parse("name", () -> accounts.add(name, role, display, password));
      audit.record(by, "add user", name, role.key());
      return a;
    }), 201, AuthRoutes::view);
  }

  private void removeUser(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    Caller by = Guard.caller(ctx);
    if (by.name().equals(name)) throw TwinRequestException.conflict("name", "an administrator cannot remove their own account");
    Http.respond(ctx, vertx.executeBlocking(() -> {
      Http.parse("name", () -> {
        accounts.remove(name);
        return null;
      });
      tokens.revokeAll(name);
      audit.record(by.name(), "remove user", name, "");
      return null;
    }), 204, v -> null);
  }

  private void setPassword(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    String password = Http.requiredString(Http.jsonBody(ctx), "password");
    String by = Guard.caller(ctx).name();
    Http.respond(ctx, vertx.executeBlocking(() -> {
      Http.parse("password", () -> {
        accounts.setPassword(name, password);
        return null;
      });
      tokens.revokeAll(name);
      audit.record(by, "set password", name, "");
      return null;
    }), 204, v -> null);
  }

  private void setLocked(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    Object value = Http.jsonBody(ctx).getValue("locked");
    if (!(value instanceof Boolean locked)) throw TwinRequestException.invalid("locked", "true or false");
    Caller by = Guard.caller(ctx);
    if (locked && by.name().equals(name)) throw TwinRequestException.conflict("name", "an administrator cannot lock their own account");
    Http.respond(ctx, vertx.executeBlocking(() -> {
      Http.parse("name", () -> {
        accounts.setLocked(name, locked);
        return null;
      });
      if (locked) tokens.revokeAll(name);
      audit.record(by.name(), locked ? "lock user" : "unlock user", name, "");
      return accounts.find(name).orElseThrow();
    }), 200, AuthRoutes::view);
  }

  /** A query parameter, or null when it is absent or blank. */
  private static String blankless(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static java.time.Instant instant(RoutingContext ctx, String name) {
    String v = blankless(ctx, name);
    if (v == null) return null;
    try {
      return java.time.Instant.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw TwinRequestException.invalid(name, "an ISO-8601 instant such as 2026-12-04T08:00:00Z");
    }
  }

  private static int limit(RoutingContext ctx) {
    String s = ctx.request().getParam("limit", "200");
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 10_000) return n;
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw TwinRequestException.invalid("limit", "a number from 1 to 10000");
  }

  private static JsonObject me(Caller c) {
    return new JsonObject().put("user", c.name()).put("role", c.role().key());
  }

  private static JsonObject view(Account a) {
    return new JsonObject().put("name", a.name()).put("role", a.role().key()).put("display", a.displayName())
        .put("created", a.created().toString()).put("locked", a.locked());
  }
}
