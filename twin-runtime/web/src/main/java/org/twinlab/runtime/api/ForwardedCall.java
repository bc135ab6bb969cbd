package org.twinlab.runtime.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;

/**
 * An API call handed from the node that took it to the node that runs its twin or station, and the
 * answer handed back: plain JSON (strings and base64 bodies), which crosses nodes by Vert.x's own
 * wire codec. The caller travels as name and role: the node that answers checks them against its
 * own rules again, it does not take the first node's word that the call is allowed.
 */
public final class ForwardedCall {
  /** Marks a call that was handed on once already: it is answered where it lands, never handed on again. */
  public static final String HEADER = "X-Twinlab-Forwarded";
  /** The request headers that travel with a call (never the caller's token or cookie). */
  static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Accept-Language");
  /** The answer headers that come back with it. */
  static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Content-Disposition", "Location", "Retry-After");

  private ForwardedCall() {}

  static JsonObject call(String method, String uri, JsonObject headers, Buffer body, String caller, String role) {
    return new JsonObject().put("method", method).put("uri", uri).put("headers", headers)
        .put("body", body == null ? null : Base64.getEncoder().encodeToString(body.getBytes()))
        .put("caller", caller).put("role", role);
  }

  static JsonObject answer(int status, JsonObject headers, Buffer body) {
    return new JsonObject().put("status", status).put("headers", headers)
        .put("body", Base64.getEncoder().encodeToString(body.getBytes()));
  }

  static Buffer body(JsonObject message) {
    String b = message.getString("body");
    return b == null ? null : Buffer.buffer(Base64.getDecoder().decode(b));
  }
}
