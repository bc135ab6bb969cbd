package org.twinlab.connectors.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * The few MQTT operations twinlab needs, over Paho (MQTT 5 or 3.1.1): one connection's life, with its
 * own reconnect left to the owner (a link that was lost is closed and a new one opened).
 */
public interface MqttLink extends AutoCloseable {

  /** Opens (does not yet connect) a link of the configured protocol version. */
  static MqttLink open(MqttConnectorConfig config, Events events) throws Exception {
    return PahoLink.open(config, events);
  }

  /** What a link reports back; called on Paho's threads. */
  interface Events {
    void message(String topic, byte[] payload);

    void lost(Throwable cause);
  }

  CompletableFuture<Void> connect();

  CompletableFuture<Void> subscribe(String filter, int qos);

  CompletableFuture<Void> unsubscribe(String filter);

  CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

  @Override
  void close();
}
