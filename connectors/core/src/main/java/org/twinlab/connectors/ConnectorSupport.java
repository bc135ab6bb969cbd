package org.twinlab.connectors;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What every connector shares: a serial lane for its lifecycle (on threads all connectors share),
 * the state it reports, the BAD samples that show a dead link, and the clock it stamps them with.
 */
public abstract class ConnectorSupport implements Connector {
  protected final String id;
  protected final ConnectorListener listener;
  protected final SerialLane worker;
  /** Stamps what the connector itself dates: state changes, BAD samples, samples the peer sent undated. */
  protected final Clock clock;
  protected volatile ConnectionState state = ConnectionState.CONNECTING;
  protected volatile boolean closed;

  protected ConnectorSupport(String protocol, String id, ConnectorListener listener, Clock clock) {
    this.id = id;
    this.listener = listener;
    this.clock = clock;
    this.worker = new SerialLane(protocol + "-" + id);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ConnectionState state() {
    return state;
  }

  /** Reports a state; repeats are dropped unless they carry a (new) error. */
  protected final void emit(ConnectionState s, String error) {
    if (s == state && error == null && s != ConnectionState.CONNECTING) return;
    state = s;
    listener.onStateChanged(new ConnectionEvent(id, s, Optional.ofNullable(error), clock.instant()));
  }

  /** Runs a callback's follow-up on the worker; after close() there is nothing left to do. */
  protected final void later(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      if (!closed) throw e;
    }
  }

  /** Every requested signal BAD with the reason, so a dead link shows instead of freezing values. */
  protected final void markAllBad(Collection<SignalRequest> requested, String why) {
    if (requested.isEmpty()) return;
    Instant now = clock.instant();
    listener.onSamples(requested.stream().map(r -> new Sample(r.signal(), r.address(), null, now, Quality.bad(why))).toList());
  }

  /** Runs the protocol's own teardown on the worker after what is queued, stops it, and reports the end. */
  protected final void shutDown(Runnable teardown) {
    closed = true;
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    try {
      worker.execute(() -> {
        try {
          teardown.run();
        } finally {
          done.complete(null);
        }
      });
    } catch (RejectedExecutionException twice) {
      done.complete(null);
    }
    worker.close();
    try {
      done.get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // a teardown that hangs is given up on: the connector is closed for its users all the same
    }
    emit(ConnectionState.FAILED, "closed");
  }

  /** The innermost message of an exception chain, which is the one a person can act on. */
  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = root.getMessage();
    return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
  }
}
