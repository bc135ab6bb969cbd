package org.twinlab.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.twinlab.runtime.auth.Role;

/**
 * Users of a runtime under test: each is made on first use with a known password and logged in
 * through the API's own login route, so the tests call every route as a real user does.
 */
public final class ApiUsers {
  public static final String PASSWORD = "test-password-1";
  private final Vertx vertx;
  private final TwinRuntime runtime;
  private final WebClient anonymous;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public ApiUsers(Vertx vertx, TwinRuntime runtime) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.anonymous = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(runtime.port()));
  }

  /** A client with no token. */
  public WebClient anonymous() {
    return anonymous;
  }

  /** A token of the user (made with this role when missing). */
  public String token(String name, Role role) {
    return tokens.computeIfAbsent(name, n -> {
      if (runtime.accounts().find(n).isEmpty()) runtime.accounts().add(n, role, n, PASSWORD);
      try {
        var res = get(anonymous.post("/api/v1/login").sendJsonObject(new JsonObject().put("user", n).put("password", PASSWORD)));
        if (res.statusCode() != 200) throw new IllegalStateException("login of " + n + " answered " + res.statusCode() + " " + res.bodyAsString());
        return res.bodyAsJsonObject().getString("token");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A client that sends the user's token with every request. */
  public WebClient client(String name, Role role) {
    return WebClientSession.create(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(runtime.port()))).addHeader("Authorization", "Bearer " + token(name, role));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
