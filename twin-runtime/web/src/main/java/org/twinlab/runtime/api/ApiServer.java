package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.twinlab.runtime.packages.UpgradeLog;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.auth.Tokens;
import org.twinlab.runtime.config.HttpConfig;
import org.twinlab.runtime.config.TlsConfig;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.session.LabSessions;
import org.twinlab.runtime.twin.Twins;
import org.twinlab.runtime.session.SessionAccess;

/** The HTTP side: the JSON API under /api/v1, its OpenAPI document, the live feed and the web page. */
public final class ApiServer extends VerticleBase {
  private static final long MAX_BODY_BYTES = 256 * 1024;
  private final String bind;
  private final int port;
  private final HttpConfig http;
  private final Twins twins;
  private final Connections connections;
  private final History history;
  private final java.nio.file.Path dataDir;
  private final Deployments deployments;
  private final LabSessions sessions;
  private final SessionAccess access;
  private final Tokens tokens;
  private final AuditLog audit;
  private final java.time.Clock clock;
  private final String openApi = openApiDocument();
  private volatile int actualPort;
  private volatile Router router;
  private volatile RemoteTwins remote = RemoteTwins.NONE;
  private volatile LiveFeed liveFeed;

  public ApiServer(String bind, int port, HttpConfig http, Twins twins, Connections connections, History history, java.nio.file.Path dataDir,
      Deployments deployments, LabSessions sessions, SessionAccess access, Tokens tokens, AuditLog audit, java.time.Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.access = access;
    this.tokens = tokens;
    this.audit = audit;
    this.bind = bind;
    this.port = port;
    this.http = http;
    this.twins = twins;
    this.connections = connections;
    this.history = history;
    this.dataDir = dataDir;
    this.deployments = deployments;
  }

  /** The twins other nodes of a clustered lab run, which this node answers for too; set before it is deployed. */
  public void serveRemote(RemoteTwins remote) {
    this.remote = remote;
  }

  /** The live feed of the twins this node runs, for other nodes' followers; once the server is deployed. */
  public FeedExport feedExport() {
    return new FeedExport() {
      @Override
      public Runnable follow(String twin, java.util.function.Consumer<io.vertx.core.buffer.Buffer> batches) {
        return started().follow(twin, batches);
      }

      @Override
      public Future<io.vertx.core.buffer.Buffer> state(String twin) {
        return started().state(twin);
      }

      private LiveFeed started() {
        LiveFeed f = liveFeed;
        if (f == null) throw new IllegalStateException("the API server has not started");
        return f;
      }
    };
  }

  /** The port listened on (the one chosen when 0 was asked for). */
  public int port() {
    return actualPort;
  }

  @Override
  public Future<?> start() {
    try {
      router = router();
    } catch (RuntimeException e) {
      // a route without a rule, or a rule without a route: the server does not serve a policy with holes
      return Future.failedFuture(e);
    }
    return vertx.createHttpServer(serverOptions())
        .requestHandler(router)
        .listen(port, bind)
        .onSuccess(s -> actualPort = s.actualPort())
        .map(HttpServer::actualPort);
  }

  private Router router() {
    Router built = Router.router(vertx);
    built.route().handler(new SecurityHeaders());
    // bodies only where an operation takes one: a GET (the WebSocket's handshake above all) is left unread
    built.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
        .method(HttpMethod.DELETE).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    Guard guard = new Guard(tokens, access);
    built.route("/api/*").handler(new PlainPaths());
    built.route("/api/*").handler(new SameOrigin());
    built.route("/api/*").handler(guard.identify());
    // every API route is mounted through the guarded router: its operation's rule goes with it
    GuardedRouter api = new GuardedRouter(built, AccessPolicy.of(openApi), guard, new RequestTimeLimit(http.requestTimeLimit()),
        new Forwarding(twins, sessions, () -> remote));
    new AuthRoutes(vertx, sessions.accounts(), tokens, audit, clock).mount(api);
    new SessionRoutes(vertx, sessions, access).mount(api);
    new HallRoutes(vertx, sessions, twins, () -> remote).mount(api);
    new PlanningRoutes(sessions).mount(api);
    new ScenarioRoutes(vertx, sessions.catalog()).mount(api);
    new ExamRoutes(sessions.catalog()).mount(api);
    new KeyRoutes(vertx, sessions).mount(api);
    new DiscoveryRoutes(connections, new EndpointProbe(vertx, clock), history, sessions::evidenceProblems).mount(api);
    new TwinRoutes(twins, access, remote).mount(api);
    new ModelRoutes(this::models, twins).mount(api);
    new FileCheckRoutes(vertx, this::models, connections.protocols()).mount(api);
    StationScopes scopes = new StationScopes(twins, connections.protocols());
    new PackageRoutes(deployments, access, scopes).mount(api);
    new BindingRoutes(twins, connections, scopes, access).mount(api);
    liveFeed = new LiveFeed(vertx, twins, access, remote);
    liveFeed.mount(api);
    new HistoryRoutes(twins, history, access, clock).mount(api);
    StorageRoutes storage = new StorageRoutes(vertx, twins, history, new ChartBook(dataDir), access);
    storage.mount(api);
    new ActionRoutes(vertx, twins, new StationBackups(vertx, history, access, BackupRoutes.backupsDir(dataDir),
        new UpgradeLog(dataDir)), history, access, deployments, scopes, storage).mount(api);
    new BackupRoutes(vertx, dataDir, audit, clock).mount(api);
    new OpcUaCertificateRoutes(vertx, dataDir, audit).mount(api);
    api.get("/api/v1/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(openApi));
    api.requireEveryRuleRouted();
    // deny by default: an API request no guarded route took reaches no handler
    built.route("/api/*").handler(Guard::unrouted);
    built.route("/api/*").failureHandler(Http::failure);
    // the charting library ships as a WebJar, so the pages need no build step and no network
    built.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    built.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return built;
  }

  private HttpServerOptions serverOptions() {
    HttpServerOptions options = new HttpServerOptions();
    http.tls().ifPresent(tls -> {
      options.setSsl(true);
      if (tls instanceof TlsConfig.Pem pem) {
        options.setKeyCertOptions(new PemKeyCertOptions().setCertPath(pem.cert().toString()).setKeyPath(pem.key().toString()));
      } else if (tls instanceof TlsConfig.Keystore ks) {
        options.setKeyCertOptions(new PfxOptions().setPath(ks.path().toString()).setPassword(ks.password()));
      }
    });
    return options;
  }

  /** The lab's models, then any a twin runs that is not among them, each once, by id. */
  private java.util.Collection<org.twinlab.models.TwinModel> models() {
    java.util.Map<String, org.twinlab.models.TwinModel> byId = new java.util.LinkedHashMap<>();
    deployments.models().forEach(m -> byId.putIfAbsent(m.id(), m));
    twins.all().forEach(t -> byId.putIfAbsent(t.twinConfig().model().id(), t.twinConfig().model()));
    return byId.values();
  }

  /**
   * Answers an API call another node handed on ({@link ForwardedCall}): made to this node's own API
   * over loopback as the caller, with a token of theirs that lives for this one call, so the rules,
   * the guard and the action gate here decide it as they decide any call. The answer is as this API gave it.
   */
  public Future<JsonObject> answerForwarded(JsonObject call) {
    org.twinlab.runtime.auth.Role role;
    try {
      role = org.twinlab.runtime.auth.Role.of(call.getString("role"));
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("a forwarded call names no known role"));
    }
    Tokens.Issued token = tokens.issue(new org.twinlab.runtime.auth.Caller(call.getString("caller"), role));
    String host = bind == null || bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    io.vertx.core.http.RequestOptions options = new io.vertx.core.http.RequestOptions()
        .setMethod(HttpMethod.valueOf(call.getString("method"))).setHost(host).setPort(actualPort).setURI(call.getString("uri"))
        .putHeader("Authorization", "Bearer " + token.token()).putHeader(ForwardedCall.HEADER, "1");
    call.getJsonObject("headers", new JsonObject()).forEach(h -> {
      if (ForwardedCall.REQUEST_HEADERS.contains(h.getKey())) options.putHeader(h.getKey(), String.valueOf(h.getValue()));
    });
    io.vertx.core.buffer.Buffer body = ForwardedCall.body(call);
    return loopback().request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(res -> res.body().map(b -> {
          JsonObject headers = new JsonObject();
          ForwardedCall.ANSWER_HEADERS.forEach(h -> {
            String v = res.getHeader(h);
            if (v != null) headers.put(h, v);
          });
          return ForwardedCall.answer(res.statusCode(), headers, b);
        }))
        .eventually(() -> {
          tokens.revoke(token.token());
          return Future.succeededFuture();
        });
  }

  private volatile io.vertx.core.http.HttpClient loopback;

  private io.vertx.core.http.HttpClient loopback() {
    if (loopback == null) {
      io.vertx.core.http.HttpClientOptions o = new io.vertx.core.http.HttpClientOptions();
      // this node's own server, on loopback: its certificate is for the lab's name, not for 127.0.0.1
      if (tls()) o.setSsl(true).setTrustAll(true).setVerifyHost(false);
      loopback = vertx.createHttpClient(o);
    }
    return loopback;
  }

  /** Whether the server speaks HTTPS. */
  public boolean tls() {
    return http.tls().isPresent();
  }

  /** Every API route as "METHOD /path/{param}", the way the OpenAPI document names them. */
  public java.util.List<String> routes() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (var route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || !path.startsWith("/api/v1/") || route.methods() == null) continue;
      String templated = path.replaceAll(":([A-Za-z]+)", "{$1}");
      route.methods().forEach(m -> out.add(m.name() + " " + templated));
    }
    return out;
  }

  static String openApiDocument() {
    try (var in = ApiServer.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) throw new IllegalStateException("the OpenAPI document is missing from the build");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
