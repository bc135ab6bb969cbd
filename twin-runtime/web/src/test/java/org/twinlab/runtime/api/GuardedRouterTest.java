package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.auth.Tokens;

/**
 * Routes are mounted only with their operation's rule: one the document does not know stops the
 * server from starting, an operation no route serves is reported, the rule goes with the route
 * whatever path variant the router dispatches, and a request with no answer is given up.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuardedRouterTest {
  private static final String DOC = new JsonObject().put("paths", new JsonObject()
      .put("/api/v1/users", new JsonObject().put("get", new JsonObject().put("x-roles", new io.vertx.core.json.JsonArray().add("admin"))))
      .put("/api/v1/twins/{id}", new JsonObject().put("get", new JsonObject()
          .put("x-roles", new io.vertx.core.json.JsonArray().add("candidate")).put("x-reach", "twin")))
      .put("/api/v1/slow", new JsonObject().put("get", new JsonObject().put("x-roles", new io.vertx.core.json.JsonArray().add("public"))))
      .put("/api/v1/feed", new JsonObject().put("get", new JsonObject().put("x-roles", new io.vertx.core.json.JsonArray().add("public")))))
      .encode();
  private static final Reach ONLY_MOTOR_1 = new Reach() {
    @Override
    public boolean twin(Caller caller, String twin) {
      return "motor-1".equals(twin);
    }

    @Override
    public boolean session(Caller caller, String session) {
      return false;
    }

    @Override
    public boolean station(Caller caller, String session, String station) {
      return false;
    }
  };
  private final Tokens tokens = new Tokens(Duration.ofHours(1), java.time.Clock.systemUTC());

  private GuardedRouter guarded(Router router, Duration limit) {
    return new GuardedRouter(router, AccessPolicy.of(DOC), new Guard(tokens, ONLY_MOTOR_1), new RequestTimeLimit(limit));
  }

  @Test
  void aRouteTheDocumentHasNoRuleForCannotBeMounted(Vertx vertx) {
    GuardedRouter r = guarded(Router.router(vertx), Duration.ofSeconds(30));
    assertThatThrownBy(() -> r.post("/api/v1/users")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POST /api/v1/users is mounted but the OpenAPI document has no rule for it");
    assertThatThrownBy(() -> r.get("/api/v1/twins/:twin")).hasMessageContaining("GET /api/v1/twins/{twin}");
  }

  @Test
  void anOperationNoRouteServesIsReported(Vertx vertx) {
    GuardedRouter r = guarded(Router.router(vertx), Duration.ofSeconds(30));
    r.get("/api/v1/users").handler(ctx -> ctx.end());
    assertThat(r.unrouted()).containsExactly("GET /api/v1/twins/{id}", "GET /api/v1/slow", "GET /api/v1/feed");
    assertThatThrownBy(r::requireEveryRuleRouted).hasMessageContaining("GET /api/v1/twins/{id}");
  }

  @Test
  void aRouteMountedTwiceIsRefused(Vertx vertx) {
    GuardedRouter r = guarded(Router.router(vertx), Duration.ofSeconds(30));
    r.get("/api/v1/users").handler(ctx -> ctx.end());
    assertThatThrownBy(() -> r.get("/api/v1/users")).hasMessageContaining("mounted twice");
  }

  @Test
  void theRuleOfTheDispatchedRouteDecidesWhateverThePathLooksLike(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    Guard guard = new Guard(tokens, ONLY_MOTOR_1);
    router.route("/api/*").handler(guard.identify());
    GuardedRouter r = guarded(router, Duration.ofSeconds(30));
    r.get("/api/v1/users").handler(ctx -> Http.send(ctx, 200, new JsonObject().put("secret", true)));
    r.get("/api/v1/twins/:id").handler(ctx -> Http.send(ctx, 200, new JsonObject().put("twin", ctx.pathParam("id"))));
    router.route("/api/*").handler(Guard::unrouted);
    String cand = tokens.issue(new Caller("cand1", Role.CANDIDATE)).token();
    try (Served s = Served.on(vertx, router)) {
      for (String variant : java.util.List.of("/api/v1/users", "/api/v1/users/", "/api/v1//users", "/api/v1/x/../users",
          "/api/v1/./users", "/api/v1/%75sers", "/api/v1/users/.")) {
        assertThat(s.get(variant, cand).statusCode()).as(variant + " as a candidate").isEqualTo(403);
        assertThat(s.get(variant, null).statusCode()).as(variant + " anonymously").isEqualTo(401);
      }
      assertThat(s.get("/api/v1/twins/motor-1/", cand).statusCode()).isEqualTo(200);
      // the reach is checked on the value the handler gets, decoded once by the router
      assertThat(s.get("/api/v1/twins/%6Dotor-2", cand).statusCode()).isEqualTo(403);
      assertThat(s.get("/api/v1/twins/motor-2%2F..%2Fmotor-1", cand).statusCode()).isEqualTo(403);
      assertThat(s.get("/api/v1/twins/%6Dotor-1", cand).bodyAsJsonObject().getString("twin")).isEqualTo("motor-1");
      assertThat(s.get("/api/v1/Users", cand).statusCode()).isEqualTo(404);
      assertThat(s.get("/api/v1/nothing", null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aRequestWithNoAnswerIsGivenUpButAStreamIsNot(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    GuardedRouter r = guarded(router, Duration.ofMillis(300));
    r.get("/api/v1/slow").handler(ctx -> {
      // never answers
    });
    // a stream answers long after the limit: it is not cut off
    r.stream("/api/v1/feed").handler(ctx -> vertx.setTimer(1500, t -> ctx.end("still here")));
    router.route("/api/*").failureHandler(Http::failure);
    try (Served s = Served.on(vertx, router)) {
      HttpResponse<io.vertx.core.buffer.Buffer> slow = s.get("/api/v1/slow", null);
      assertThat(slow.statusCode()).isEqualTo(503);
      assertThat(slow.bodyAsJsonObject().getString("error")).contains("request time limit of 300 ms");
      HttpResponse<io.vertx.core.buffer.Buffer> feed = s.get("/api/v1/feed", null);
      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(feed.bodyAsString()).isEqualTo("still here");
    }
  }

  /** A router served on a free loopback port with a client for it. */
  private record Served(Vertx vertx, io.vertx.core.http.HttpServer server, WebClient client) implements AutoCloseable {
    static Served on(Vertx vertx, Router router) throws Exception {
      var server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
      return new Served(vertx, server, WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.actualPort())));
    }

    HttpResponse<io.vertx.core.buffer.Buffer> get(String path, String token) throws Exception {
      var req = client.get(path);
      if (token != null) req.bearerTokenAuthentication(token);
      return await(req.send());
    }

    @Override
    public void close() throws Exception {
      client.close();
      await(server.close());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
