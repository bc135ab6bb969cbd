package org.twinlab.connectors.mqtt;

import java.util.concurrent.CompletableFuture;

/** The few MQTT operations the connector needs, over either Paho client. */
interface MqttLink extends AutoCloseable {

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
