package org.twinlab.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.runtime.api.ApiServer;
import org.twinlab.runtime.api.Twins;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.HistoryStores;
import org.twinlab.runtime.history.HistoryVerticle;
import org.twinlab.runtime.history.HistoryWriter;
import org.twinlab.runtime.twin.TwinVerticle;

/**
 * The runtime put together: connections, one verticle per twin, and the HTTP API. What
 * {@code twinlab serve} and {@code twinlab demo} run, and what the API tests start.
 */
public final class TwinRuntime {
  private final Vertx vertx;
  private final Connections connections;
  private final Twins twins;
  private final ApiServer api;
  private final History history;
  private final HistoryVerticle historyVerticle;
  private final List<String> deployments = new ArrayList<>();

  private TwinRuntime(Vertx vertx, LabConfig config) {
    this.vertx = vertx;
    this.connections = new Connections(vertx, config.connections());
    List<TwinVerticle> verticles = new ArrayList<>();
    for (TwinConfig t : config.twins()) {
      verticles.add(new TwinVerticle(t, connections, new BindingJournal(config.dataDir().resolve("bindings"), t.id()),
          config.staleFactor(), true));
    }
    this.twins = new Twins(verticles);
    HistoryStore store = HistoryStores.open(config.history(), config.dataDir());
    this.history = new History(HistoryWriter.withDefaults(store), config.history().retention());
    this.historyVerticle = new HistoryVerticle(config.twins(), history.writer(), history.sessions(),
        history.retention().orElse(null));
    this.api = new ApiServer(config.bind(), config.port(), twins, connections, history, config.dataDir());
  }

  /** Starts everything; fails (and stops what started) when the port or a twin cannot start. */
  public static Future<TwinRuntime> start(Vertx vertx, LabConfig config) {
    Bus.registerCodecs(vertx.eventBus());
    TwinRuntime rt = new TwinRuntime(vertx, config);
    rt.connections.start();
    // history listens before the twins start, so their first changes are kept
    Future<Void> chain = vertx.deployVerticle(rt.historyVerticle).map(rt::deployed);
    for (TwinVerticle t : rt.twins.all()) {
      chain = chain.compose(v -> vertx.deployVerticle(t).map(rt::deployed));
    }
    return chain.compose(v -> vertx.deployVerticle(rt.api).map(rt::deployed))
        .map(v -> rt)
        .recover(e -> rt.stop().transform(x -> Future.failedFuture(e)));
  }

  public int port() {
    return api.port();
  }

  public ApiServer api() {
    return api;
  }

  public Twins twins() {
    return twins;
  }

  public Connections connections() {
    return connections;
  }

  public History history() {
    return history;
  }

  /** Undeploys everything and closes the connections (on a worker: closing waits for the peers). */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    List<String> newestFirst = new ArrayList<>(deployments);
    java.util.Collections.reverse(newestFirst);
    for (String id : newestFirst) {
      chain = chain.compose(v -> vertx.undeploy(id)).recover(e -> Future.succeededFuture());
    }
    return chain.compose(v -> vertx.executeBlocking(() -> {
      connections.close();
      history.close();
      return null;
    }));
  }

  private Void deployed(String id) {
    deployments.add(id);
    return null;
  }
}
