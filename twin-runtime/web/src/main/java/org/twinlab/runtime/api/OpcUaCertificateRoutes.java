package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import org.twinlab.connectors.opcua.OpcUaPki;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.config.OpcUaSecurityConfig;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * The OPC UA trust list, an administrator's alone: which server certificates are trusted, which
 * were refused, trusting one and taking one out. The connectors read the same folders at every connect, so a
 * certificate trusted here counts at the next reconnect. File work runs off the event loop.
 */
final class OpcUaCertificateRoutes {
  private final Vertx vertx;
  private final Path pki;
  private final AuditLog audit;

  OpcUaCertificateRoutes(Vertx vertx, Path dataDir, AuditLog audit) {
    this.vertx = vertx;
    this.pki = OpcUaSecurityConfig.pkiDir(dataDir);
    this.audit = audit;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/opcua/certificates").handler(this::list);
    r.post("/api/v1/opcua/certificates/:thumbprint/trust").handler(this::trust);
    r.delete("/api/v1/opcua/certificates/:thumbprint").handler(this::remove);
  }

  private void remove(RoutingContext ctx) {
    String thumbprint = ctx.pathParam("thumbprint");
    String who = Http.caller(ctx);
    Http.respond(ctx, vertx.executeBlocking(() -> {
      if (!OpcUaPki.at(pki).remove(thumbprint)) {
        throw TwinRequestException.notFound("thumbprint", "no OPC UA server certificate " + thumbprint);
      }
      audit.record(who, "remove OPC UA server certificate", thumbprint, "");
      return null;
    }, false), 204, v -> null);
  }

  private void list(RoutingContext ctx) {
    Http.respond(ctx, vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      OpcUaPki.at(pki).list().forEach(e -> out.add(view(e)));
      return out;
    }, false), 200, v -> v);
  }

  private void trust(RoutingContext ctx) {
    String thumbprint = ctx.pathParam("thumbprint");
    String who = Http.caller(ctx);
    Http.respond(ctx, vertx.executeBlocking(() -> {
      OpcUaPki store = OpcUaPki.at(pki);
      if (!store.trust(thumbprint)) {
        throw TwinRequestException.notFound("thumbprint", "no refused OPC UA server certificate " + thumbprint);
      }
      OpcUaPki.Entry trusted = store.list().stream().filter(e -> e.trusted() && e.thumbprint().equalsIgnoreCase(thumbprint.replace(":", "")))
          .findFirst().orElseThrow(() -> TwinRequestException.notFound("thumbprint", "no OPC UA server certificate " + thumbprint));
      audit.record(who, "trust OPC UA server certificate", trusted.thumbprint(), trusted.subject());
      return view(trusted);
    }, false), 200, v -> v);
  }

  private static JsonObject view(OpcUaPki.Entry e) {
    return new JsonObject().put("thumbprint", e.thumbprint()).put("status", e.trusted() ? "trusted" : "rejected")
        .put("subject", e.subject()).put("application_uri", e.applicationUri())
        .put("not_before", e.notBefore().toString()).put("not_after", e.notAfter().toString());
  }
}
