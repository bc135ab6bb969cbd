package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery: a request that changes something and is authenticated by the login
 * cookie (which a browser attaches to any page's request) must come from this runtime's own pages,
 * shown by its Origin header, or lacking that its Referer. Requests with a bearer token are not
 * affected: a foreign page cannot make a browser send one.
 */
final class SameOrigin implements Handler<RoutingContext> {
  static final String RULE = "a request that changes something with the login cookie must come from this server's own pages"
      + " (its Origin or Referer must be ";
  private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    // a WebSocket handshake is a GET, but what follows it acts as the caller: checked the same way
    boolean checked = CHANGING.contains(req.method()) || "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
    if (!checked || Guard.bearer(ctx) || req.getCookie(Guard.COOKIE) == null) {
      ctx.next();
      return;
    }
    String own = ownOrigin(req);
    String origin = req.getHeader("Origin");
    String claimed = origin != null ? origin : req.getHeader("Referer");
    if (own != null && claimed != null && own.equals(origin(claimed))) {
      ctx.next();
      return;
    }
    Http.send(ctx, 403, Http.error(RULE + (own == null ? "this server's" : own) + ")", java.util.List.of(
        new io.vertx.core.json.JsonObject().put("field", origin != null || claimed == null ? "Origin" : "Referer")
            .put("message", claimed == null ? "missing" : "not this server's: " + claimed))));
  }

  /** scheme://host[:port] the request came to, as a browser writes an Origin. */
  static String ownOrigin(HttpServerRequest req) {
    HostAndPort authority = req.authority();
    if (authority == null) return null;
    String scheme = req.isSSL() ? "https" : "http";
    return normal(scheme, authority.host(), authority.port());
  }

  /** The origin of an Origin or Referer value, normalised; null when it is not a URL with a host. */
  static String origin(String url) {
    try {
      URI u = new URI(url.trim());
      if (u.getScheme() == null || u.getHost() == null) return null;
      return normal(u.getScheme(), u.getHost(), u.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String normal(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    int defaultPort = s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
    int p = port < 0 ? defaultPort : port;
    return s + "://" + host.toLowerCase(Locale.ROOT) + (p == defaultPort ? "" : ":" + p);
  }
}
