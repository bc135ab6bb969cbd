package org.twinlab.connectors.mqtt;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one {@link MqttLink}: futures, refusals and closing, over either Paho client. */
final class PahoLink<L> implements MqttLink {
  private static final Logger LOG = LoggerFactory.getLogger(PahoLink.class);
  /** Reason codes from 0x80 on are refusals, in MQTT 5 and (0x80 as granted QoS) in 3.1.1. */
  private static final int FIRST_FAILURE_CODE = 0x80;

  private final PahoClient<L> client;

  PahoLink(PahoClient<L> client) {
    this.client = client;
  }

  static MqttLink open(MqttConnectorConfig config, Events events) throws Exception {
    return config.version() == MqttVersion.V5 ? new PahoLink<>(PahoV5Client.open(config, events))
        : new PahoLink<>(PahoV3Client.open(config, events));
  }

  @Override
  public CompletableFuture<Void> connect() {
    return call(l -> client.connect().start(l));
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, int qos) {
    return call(l -> client.subscribe().start(filter, qos, null, l));
  }

  @Override
  public CompletableFuture<Void> unsubscribe(String filter) {
    return call(l -> client.unsubscribe().start(filter, null, l));
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    return call(l -> client.publish().start(topic, payload, qos, retained, null, l));
  }

  @Override
  public void close() {
    try {
      if (client.connected().getAsBoolean()) client.disconnect().run();
    } catch (Exception e) {
      LOG.debug("disconnecting: {}", e.toString()); // closing anyway
    }
    try {
      client.release().run();
    } catch (Exception e) {
      LOG.debug("releasing the MQTT client: {}", e.toString()); // nothing more to free
    }
  }

  private interface Action<L> {
    void start(L listener) throws Exception;
  }

  private CompletableFuture<Void> call(Action<L> action) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      action.start(client.listener().apply(new PahoClient.Outcome() {
        @Override
        public void done(int[] codes) {
          if (codes != null && codes.length > 0 && codes[0] >= FIRST_FAILURE_CODE) {
            f.completeExceptionally(new IllegalStateException("broker refused with reason code 0x" + Integer.toHexString(codes[0])));
          } else {
            f.complete(null);
          }
        }

        @Override
        public void failed(Throwable cause) {
          f.completeExceptionally(cause);
        }
      }));
    } catch (Exception e) {
      f.completeExceptionally(e);
    }
    return f;
  }
}
