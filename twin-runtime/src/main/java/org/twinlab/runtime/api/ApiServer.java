package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.connect.EndpointProbe;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.auth.Tokens;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.session.LabSessions;

/** The HTTP side: the JSON API under /api/v1, its OpenAPI document, the live feed and the web page. */
public final class ApiServer extends VerticleBase {
  private static final long MAX_BODY_BYTES = 256 * 1024;
  private final String bind;
  private final int port;
  private final Twins twins;
  private final Connections connections;
  private final History history;
  private final java.nio.file.Path dataDir;
  private final Deployments deployments;
  private final LabSessions sessions;
  private final Tokens tokens;
  private final AuditLog audit;
  private final String openApi = openApiDocument();
  private volatile int actualPort;
  private volatile Router router;

  public ApiServer(String bind, int port, Twins twins, Connections connections, History history, java.nio.file.Path dataDir,
      Deployments deployments, LabSessions sessions, Tokens tokens, AuditLog audit) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.audit = audit;
    this.bind = bind;
    this.port = port;
    this.twins = twins;
    this.connections = connections;
    this.history = history;
    this.dataDir = dataDir;
    this.deployments = deployments;
  }

  /** The port listened on (the one chosen when 0 was asked for). */
  public int port() {
    return actualPort;
  }

  @Override
  public Future<?> start() {
    router = Router.router(vertx);
    // bodies only where an operation takes one: a GET (the WebSocket's handshake above all) is left unread
    router.route("/api/*").method(io.vertx.core.http.HttpMethod.POST).method(io.vertx.core.http.HttpMethod.PUT)
        .method(io.vertx.core.http.HttpMethod.DELETE).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.route("/api/*").handler(new Guard(AccessPolicy.of(openApi), tokens, sessions));
    new AuthRoutes(vertx, sessions.accounts(), tokens, audit).mount(router);
    new SessionRoutes(vertx, sessions).mount(router);
    new ScenarioRoutes(vertx, sessions.catalog()).mount(router);
    new KeyRoutes(vertx, sessions).mount(router);
    new DiscoveryRoutes(connections, new EndpointProbe(vertx), history, sessions::evidenceProblems).mount(router);
    new TwinRoutes(twins, sessions).mount(router);
    StationScopes scopes = new StationScopes(twins, connections.protocols());
    new PackageRoutes(deployments, sessions, scopes).mount(router);
    new BindingRoutes(twins, connections.protocols(), scopes).mount(router);
    new LiveFeed(vertx, twins, sessions).mount(router);
    new HistoryRoutes(twins, history).mount(router);
    new ActionRoutes(vertx, twins, new StationBackups(vertx, history, sessions, BackupRoutes.backupsDir(dataDir))).mount(router);
    new BackupRoutes(vertx, dataDir, audit).mount(router);
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(openApi));
    router.route("/api/*").handler(ctx -> ctx.fail(404));
    router.route("/api/*").failureHandler(Http::failure);
    // the charting library ships as a WebJar, so the pages need no build step and no network
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(port, bind)
        .onSuccess(s -> actualPort = s.actualPort())
        .map(HttpServer::actualPort);
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
