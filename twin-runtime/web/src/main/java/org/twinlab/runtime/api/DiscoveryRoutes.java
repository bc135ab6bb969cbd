package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Connector;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.connect.LiveBindingCheck;
import org.twinlab.runtime.evidence.EvidenceProblem;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.history.HistoryStatus;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Health and discovery: the state of every connection, browsing what a connection offers (OPC UA
 * nodes, MQTT topics seen), and browsing an OPC UA endpoint that is not configured yet.
 */
final class DiscoveryRoutes {
  private final Connections connections;
  private final EndpointProbe probe;
  private final History history;
  private final java.util.function.Supplier<List<EvidenceProblem>> evidence;

  DiscoveryRoutes(Connections connections, EndpointProbe probe, History history,
      java.util.function.Supplier<List<EvidenceProblem>> evidence) {
    this.connections = connections;
    this.probe = probe;
    this.history = history;
    this.evidence = evidence;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/health").handler(this::health);
    r.get("/api/v1/connections").handler(ctx -> Http.send(ctx, 200, connectionList()));
    r.get("/api/v1/connections/:id/browse").handler(this::browse);
    r.get("/api/v1/discovery/opcua").handler(this::browseEndpoint);
  }

  /**
   * 200 when every connection is up, history is being written, every session's evidence can be
   * written and no binding in force was found not to fit its rig; 503 otherwise: what load
   * balancers and compose health checks expect.
   */
  private void health(RoutingContext ctx) {
    List<ConnectionEvent> states = connections.states();
    HistoryStatus h = history.status();
    List<EvidenceProblem> problems = evidence.get();
    List<LiveBindingCheck.Finding> misfits = connections.findings().all();
    boolean up = states.stream().allMatch(e -> e.state() == ConnectionState.CONNECTED) && h.healthy() && problems.isEmpty()
        && misfits.isEmpty();
    JsonArray ev = new JsonArray();
    // which sessions and why is for those logged in; anyone may learn that something is wrong
    boolean detailed = Guard.loggedIn(ctx);
    problems.forEach(p -> ev.add(detailed ? new JsonObject().put("session", p.session()).put("state", p.state()).put("problem", p.problem())
        : new JsonObject().put("state", p.state())));
    JsonArray bindings = new JsonArray();
    misfits.forEach(f -> bindings.add(detailed ? new JsonObject().put("twin", f.twin()).put("entry", f.entry()).put("connection", f.connection())
        .put("field", f.field()).put("problem", f.problem()) : new JsonObject().put("connection", f.connection())));
    Http.send(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DEGRADED").put("connections", connectionList())
        .put("history", HistoryRoutes.statusJson(h)).put("evidence", ev).put("bindings", bindings));
  }

  private JsonArray connectionList() {
    JsonArray out = new JsonArray();
    connections.states().forEach(e -> out.add(Views.connection(e, connections.protocols().get(e.connector()))));
    return out;
  }

  private void browse(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Connector c = connections.get(id).orElseThrow(() -> TwinRequestException.notFound("id", "no connection '" + id + "'"));
    String address = ctx.request().getParam("address", "");
    Http.respond(ctx, Future.fromCompletionStage(c.discover(address), ctx.vertx().getOrCreateContext()), 200, found -> {
      JsonArray out = new JsonArray();
      found.forEach(d -> out.add(Views.discovered(d)));
      return new JsonObject().put("connection", id).put("address", address).put("signals", out);
    });
  }

  private void browseEndpoint(RoutingContext ctx) {
    String endpoint = ctx.request().getParam("endpoint");
    if (endpoint == null || !endpoint.startsWith("opc.tcp://")) {
      throw TwinRequestException.invalid("endpoint", "give an OPC UA endpoint URL: ?endpoint=opc.tcp://host:4840/path");
    }
    String address = ctx.request().getParam("address", "");
    Http.respond(ctx, probe.browse(endpoint, address), 200, found -> {
      JsonArray out = new JsonArray();
      found.forEach(d -> out.add(Views.discovered(d)));
      return new JsonObject().put("endpoint", endpoint).put("address", address).put("signals", out);
    });
  }
}
