package org.twinlab.runtime.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.session.LabSessions;
import org.twinlab.runtime.twin.Twins;

/**
 * One mechanism for every call about a twin or a station another node of a clustered lab runs:
 * mounted on each such route after the guard has let the call through here, it hands the call to
 * the node that runs the twin (or the station's twins) and answers with what that node answered.
 * In a lab of one node, and for what runs here, it only lets the call on to the route's handler.
 */
final class Forwarding {
  private final Twins twins;
  private final LabSessions sessions;
  private final Supplier<RemoteTwins> remote;

  Forwarding(Twins twins, LabSessions sessions, Supplier<RemoteTwins> remote) {
    this.twins = twins;
    this.sessions = sessions;
    this.remote = remote;
  }

  Handler<RoutingContext> handler(AccessPolicy.ReachKind reach) {
    return ctx -> {
      Optional<String> node = ctx.request().getHeader(ForwardedCall.HEADER) != null ? Optional.empty() : nodeFor(reach, ctx);
      if (node.isEmpty()) {
        ctx.next();
        return;
      }
      forward(ctx, node.get());
    };
  }

  /** Where a session-wide call keeps what the other nodes answered, for this node's answer. */
  private static final String ELSEWHERE = "twinlab.elsewhere";

  /**
   * For a session-wide call (start, pause, resume, extend every station): made first, as it is, on
   * every other node that runs some of the session's stations, each acting on its own stations
   * (handed on once: they do not hand it on again); then this node acts on its own. What the other
   * nodes could not do is kept for this node's answer ({@link #elsewhereProblems}).
   */
  Handler<RoutingContext> everyNode() {
    return ctx -> {
      if (ctx.request().getHeader(ForwardedCall.HEADER) != null) {
        ctx.next();
        return;
      }
      RemoteTwins r = remote.get();
      java.util.Set<String> others = new java.util.TreeSet<>();
      sessions.find(ctx.pathParam("session")).ifPresent(s -> s.plan().stations().forEach(p -> p.twins().forEach(t -> {
        if (!twins.has(t)) r.owner(t).filter(n -> !n.equals(r.node())).ifPresent(others::add);
      })));
      if (others.isEmpty()) {
        ctx.next();
        return;
      }
      Caller c = Guard.caller(ctx);
      JsonObject call = ForwardedCall.call(ctx.request().method().name(), ctx.request().uri(), headers(ctx),
          ctx.body() == null ? null : ctx.body().buffer(), c.name(), c.role().key());
      List<String> nodes = List.copyOf(others);
      List<io.vertx.core.Future<JsonObject>> answers = nodes.stream().map(n -> r.forward(n, call)).toList();
      io.vertx.core.Future.join(answers).onComplete(done -> {
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
          io.vertx.core.Future<JsonObject> a = answers.get(i);
          if (a.failed()) {
            problems.add("node " + nodes.get(i) + " does not answer now (" + a.cause().getMessage() + "): its stations are as they were");
            continue;
          }
          JsonObject body;
          try {
            body = new JsonObject(ForwardedCall.body(a.result()));
          } catch (RuntimeException e) {
            body = new JsonObject();
          }
          if (a.result().getInteger("status", 500) != 200) problems.add("node " + nodes.get(i) + ": " + body.getString("error", "refused"));
          else body.getJsonArray("problems", new io.vertx.core.json.JsonArray()).forEach(p -> problems.add(String.valueOf(p)));
        }
        ctx.put(ELSEWHERE, problems);
        ctx.next();
      });
    };
  }

  /** What the other nodes could not do of a session-wide call, in words; empty in a lab of one node. */
  static List<String> elsewhereProblems(RoutingContext ctx) {
    List<String> p = ctx.get(ELSEWHERE);
    return p == null ? List.of() : p;
  }

  private static JsonObject headers(RoutingContext ctx) {
    JsonObject headers = new JsonObject();
    ForwardedCall.REQUEST_HEADERS.forEach(h -> {
      String v = ctx.request().getHeader(h);
      if (v != null) headers.put(h, v);
    });
    return headers;
  }

  /** The other node that runs what the call is about, if another does. */
  private Optional<String> nodeFor(AccessPolicy.ReachKind reach, RoutingContext ctx) {
    List<String> about = switch (reach) {
      case TWIN -> List.of(ctx.pathParam("id"));
      case STATION -> sessions.find(ctx.pathParam("session"))
          .flatMap(s -> s.plan().stations().stream().filter(p -> p.id().equals(ctx.pathParam("station"))).findFirst())
          .map(p -> p.twins()).orElse(List.of());
      default -> List.of();
    };
    RemoteTwins r = remote.get();
    for (String twin : about) {
      if (twin == null || twins.has(twin)) continue;
      Optional<String> owner = r.owner(twin);
      if (owner.isPresent()) return owner;
    }
    return Optional.empty();
  }

  private void forward(RoutingContext ctx, String node) {
    Caller c = Guard.caller(ctx);
    JsonObject call = ForwardedCall.call(ctx.request().method().name(), ctx.request().uri(), headers(ctx),
        ctx.body() == null ? null : ctx.body().buffer(), c.name(), c.role().key());
    remote.get().forward(node, call).onComplete(r -> {
      if (ctx.response().ended()) return;
      if (r.failed()) {
        Http.send(ctx, 503, Http.error("node " + node + " runs this and does not answer now (" + r.cause().getMessage()
            + "); try again in a few seconds", List.of()));
        return;
      }
      JsonObject answer = r.result();
      ctx.response().setStatusCode(answer.getInteger("status", 502));
      answer.getJsonObject("headers", new JsonObject()).forEach(h -> ctx.response().putHeader(h.getKey(), String.valueOf(h.getValue())));
      ctx.response().end(ForwardedCall.body(answer));
    });
  }
}
