package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.twinlab.runtime.sheets.SheetHtml;

/**
 * The headers that keep a browser from doing what the pages never do: run scripts or styles from
 * elsewhere or inline, frame the pages, guess content types, leak addresses in Referer, and (over
 * TLS) fall back to plain HTTP.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  /**
   * The 3D pages' import map (it names where the WebJar's three.js is, for the modules that import
   * it by name): inline by necessity, as browsers read no import map from a file, so allowed by its hash.
   * The pages carry exactly this text.
   */
  static final String IMPORT_MAP = "{\"imports\": {\"three\": \"/webjars/three/0.181.1/build/three.module.min.js\"}}";
  /** Scripts and styles from files of this server only; the score sheet's own stylesheet and the import map by their hashes. */
  static final String CSP = "default-src 'self'; script-src 'self' '" + sha256(IMPORT_MAP) + "'; style-src 'self' '" + sha256(SheetHtml.stylesheet()) + "';"
      + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static String sha256(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse res = ctx.response();
    res.putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" even to the
        // page's own server, and SameOrigin could not tell the pages' requests from forged ones
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("X-Frame-Options", "DENY");
    if (ctx.request().isSSL()) res.putHeader("Strict-Transport-Security", "max-age=31536000");
    ctx.next();
  }
}
