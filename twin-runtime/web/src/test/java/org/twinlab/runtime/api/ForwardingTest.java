package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.auth.Tokens;
import org.twinlab.runtime.twin.Twins;

/**
 * A call about a twin another node runs is decided here first, then handed to that node with the
 * caller's name and role (never their token) and answered as that node answered; a call refused
 * here never leaves; a call handed on once is answered where it lands.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForwardingTest {
  private static final String DOC = new JsonObject().put("paths", new JsonObject()
      .put("/api/v1/twins/{id}/properties/{property}", new JsonObject().put("put", new JsonObject()
          .put("x-roles", new JsonArray().add("candidate")).put("x-reach", "twin"))))
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
  private final List<JsonObject> handed = new CopyOnWriteArrayList<>();

  /** Another node runs every twin: it answers 202 with what it was handed. */
  private final RemoteTwins elsewhere = new RemoteTwins() {
    @Override
    public List<String> ids() {
      return List.of("motor-1", "motor-2");
    }

    @Override
    public Future<JsonObject> twin(String id) {
      return Future.failedFuture("not asked");
    }

    @Override
    public Future<JsonObject> summary(String id) {
      return Future.failedFuture("not asked");
    }

    @Override
    public Optional<String> owner(String twin) {
      return Optional.of("n2");
    }

    @Override
    public Future<JsonObject> forward(String node, JsonObject call) {
      handed.add(call.copy().put("node", node));
      return Future.succeededFuture(ForwardedCall.answer(202, new JsonObject().put("Content-Type", "application/json"),
          Buffer.buffer(new JsonObject().put("answeredBy", node).encode())));
    }
  };

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aCallForATwinRunElsewhereIsHandedToItsNodeAfterTheGuardAndAnsweredAsThatNodeAnswered(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    Guard guard = new Guard(tokens, ONLY_MOTOR_1);
    router.route("/api/*").handler(io.vertx.ext.web.handler.BodyHandler.create());
    router.route("/api/*").handler(guard.identify());
    GuardedRouter r = new GuardedRouter(router, AccessPolicy.of(DOC), guard, new RequestTimeLimit(Duration.ofSeconds(30)),
        new Forwarding(new Twins(List.of()), null, () -> elsewhere));
    r.put("/api/v1/twins/:id/properties/:property").handler(ctx -> Http.send(ctx, 200, new JsonObject().put("answeredBy", "here")));
    router.route("/api/*").failureHandler(Http::failure);
    String cand = tokens.issue(new Caller("cand1", Role.CANDIDATE)).token();
    var server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
    try {
      HttpResponse<Buffer> handedOn = await(client.put("/api/v1/twins/motor-1/properties/belt.speed?x=1").bearerTokenAuthentication(cand)
          .sendJsonObject(new JsonObject().put("value", 2.5)));
      assertThat(handedOn.statusCode()).isEqualTo(202);
      assertThat(handedOn.bodyAsJsonObject().getString("answeredBy")).isEqualTo("n2");
      assertThat(handed).singleElement().satisfies(c -> {
        assertThat(c.getString("node")).isEqualTo("n2");
        assertThat(c.getString("method")).isEqualTo("PUT");
        assertThat(c.getString("uri")).isEqualTo("/api/v1/twins/motor-1/properties/belt.speed?x=1");
        assertThat(c.getString("caller")).isEqualTo("cand1");
        assertThat(c.getString("role")).isEqualTo("candidate");
        assertThat(new JsonObject(ForwardedCall.body(c)).getDouble("value")).isEqualTo(2.5);
        // the token stays with the node that took the call
        assertThat(c.encode()).doesNotContain(cand);
      });

      // refused here: the call never leaves this node
      HttpResponse<Buffer> refused = await(client.put("/api/v1/twins/motor-2/properties/belt.speed").bearerTokenAuthentication(cand)
          .sendJsonObject(new JsonObject().put("value", 3.5)));
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(handed).hasSize(1);

      // handed on once already: answered where it lands, never handed on again
      HttpResponse<Buffer> landed = await(client.put("/api/v1/twins/motor-1/properties/belt.speed").bearerTokenAuthentication(cand)
          .putHeader(ForwardedCall.HEADER, "1").sendJsonObject(new JsonObject().put("value", 4.5)));
      assertThat(landed.bodyAsJsonObject().getString("answeredBy")).isEqualTo("here");
      assertThat(handed).hasSize(1);
    } finally {
      client.close();
      await(server.close());
    }
  }
}
