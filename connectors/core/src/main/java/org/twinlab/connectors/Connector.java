package org.twinlab.connectors;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A link to one rig or broker, independent of protocol. It connects in the background, keeps
 * reconnecting, and restores every requested signal after each reconnect. No method blocks.
 */
public interface Connector extends AutoCloseable {

  String id();

  /** Starts connecting; progress is reported to the listener as {@link ConnectionEvent}s. */
  void start();

  ConnectionState state();

  /** Adds signals; they survive reconnects. Completes when the rig has accepted them (or at once if offline). */
  CompletableFuture<Void> subscribe(List<SignalRequest> signals);

  CompletableFuture<Void> unsubscribe(Collection<String> signalIds);

  /** Writes a value to an address, converted to what the rig expects, and reports its answer. */
  CompletableFuture<WriteResult> write(String address, Object value);

  /** Lists what can be subscribed under an address (root when empty). */
  CompletableFuture<List<DiscoveredSignal>> discover(String address);

  /** Stops for good and releases the connection. */
  @Override
  void close();
}
