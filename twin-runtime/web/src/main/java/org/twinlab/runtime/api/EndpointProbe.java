package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.opcua.OpcUaConnector;
import org.twinlab.connectors.opcua.OpcUaConnectorConfig;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Browses an OPC UA endpoint that is not configured yet, as a technician does before binding a new
 * PLC: connect, browse one level, disconnect. A few at a time, each bounded in time.
 */
public final class EndpointProbe {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private final Vertx vertx;
  private final java.time.Clock clock;
  private final Semaphore slots = new Semaphore(2);

  public EndpointProbe(Vertx vertx, java.time.Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
  }

  public Future<List<DiscoveredSignal>> browse(String endpoint, String address) {
    if (!slots.tryAcquire()) {
      return Future.failedFuture(TwinRequestException.conflict("endpoint", "two endpoint probes are running already; try again shortly"));
    }
    CompletableFuture<Void> connected = new CompletableFuture<>();
    OpcUaConnector probe = new OpcUaConnector(OpcUaConnectorConfig.of("probe", endpoint), new ConnectorListener() {
      @Override
      public void onSamples(List<Sample> samples) {}

      @Override
      public void onStateChanged(ConnectionEvent e) {
        if (e.state() == ConnectionState.CONNECTED) connected.complete(null);
        if (e.state() == ConnectionState.RECONNECTING || e.state() == ConnectionState.FAILED) {
          connected.completeExceptionally(TwinRequestException.unreachable("endpoint",
              "cannot reach " + endpoint + ": " + e.lastError().orElse(e.state().name())));
        }
      }
    }, clock);
    probe.start();
    CompletableFuture<List<DiscoveredSignal>> found = connected
        .orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(v -> probe.discover(address));
    Promise<List<DiscoveredSignal>> result = Promise.promise();
    found.whenComplete((list, e) -> vertx.executeBlocking(() -> {
      probe.close(); // blocks while it disconnects
      return null;
    }).onComplete(x -> {
      slots.release();
      if (e == null) result.complete(list);
      else result.fail(why(endpoint, e));
    }));
    return result.future();
  }

  private static Throwable why(String endpoint, Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return TwinRequestException.unreachable("endpoint", "no answer from " + endpoint + " within " + CONNECT_TIMEOUT.toSeconds() + " s");
    }
    if (cause instanceof TwinRequestException) return cause;
    return TwinRequestException.unreachable("address", "browsing " + endpoint + " failed: " + org.twinlab.connectors.ConnectorSupport.describe(cause));
  }
}
