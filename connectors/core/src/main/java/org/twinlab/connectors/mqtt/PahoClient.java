package org.twinlab.connectors.mqtt;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One Paho client's calls, bound by {@link PahoV5Client} or {@link PahoV3Client}: the only part
 * of a link that differs between Paho's two clients (their types are unrelated but their calls
 * alike). {@link PahoLink} makes every call through it.
 *
 * @param <L> the client's action listener type
 * @param listener makes the client's listener that reports to an {@link Outcome}
 * @param disconnect disconnects, waiting at most about 1.5 s
 * @param release frees the client's threads and sockets
 */
record PahoClient<L>(Connect<L> connect, Subscribe<L> subscribe, Unsubscribe<L> unsubscribe, Publish<L> publish,
    Function<Outcome, L> listener, BooleanSupplier connected, Close disconnect, Close release) {

  /** How one action ended: with the broker's reason codes (granted QoS in 3.1.1), or failed. */
  interface Outcome {
    void done(int[] reasonCodes);

    void failed(Throwable cause);
  }

  interface Connect<L> {
    void start(L listener) throws Exception;
  }

  interface Subscribe<L> {
    void start(String filter, int qos, Object context, L listener) throws Exception;
  }

  interface Unsubscribe<L> {
    void start(String filter, Object context, L listener) throws Exception;
  }

  interface Publish<L> {
    void start(String topic, byte[] payload, int qos, boolean retained, Object context, L listener) throws Exception;
  }

  interface Close {
    void run() throws Exception;
  }
}
