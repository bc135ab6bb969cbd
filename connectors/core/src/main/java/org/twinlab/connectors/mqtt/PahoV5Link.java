package org.twinlab.connectors.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** MQTT 5 over Paho's v5 client, with our own reconnect (Paho's own is off). */
final class PahoV5Link implements MqttLink {
  private final MqttConnectorConfig config;
  private final Events events;
  private final MqttAsyncClient client;

  PahoV5Link(MqttConnectorConfig config, Events events) throws MqttException {
    this.config = config;
    this.events = events;
    this.client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void disconnected(MqttDisconnectResponse response) {
        events.lost(response.getException() != null ? response.getException()
            : new IllegalStateException("broker closed the connection: " + response.getReasonString()));
      }

      @Override
      public void mqttErrorOccurred(MqttException exception) {
        // surfaces through disconnected() when it ends the connection
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        events.message(topic, message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttToken token) {}

      @Override
      public void connectComplete(boolean reconnect, String serverUri) {}

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    });
  }

  @Override
  public CompletableFuture<Void> connect() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    o.setConnectionTimeout(5);
    o.setSocketFactory(new NoDelaySocketFactory());
    config.username().ifPresent(o::setUserName);
    config.password().ifPresent(p -> o.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    return call(l -> client.connect(o, null, l));
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, int qos) {
    return call(l -> client.subscribe(filter, qos, null, l));
  }

  @Override
  public CompletableFuture<Void> unsubscribe(String filter) {
    return call(l -> client.unsubscribe(filter, null, l));
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    return call(l -> client.publish(topic, payload, qos, retained, null, l));
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) client.disconnect(1000).waitForCompletion(1500);
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing left to release
    }
  }

  private interface Call {
    void start(MqttActionListener listener) throws MqttException;
  }

  private static CompletableFuture<Void> call(Call c) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      c.start(new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] codes = token.getReasonCodes();
          if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            f.completeExceptionally(new IllegalStateException("broker refused with reason code 0x" + Integer.toHexString(codes[0])));
          } else {
            f.complete(null);
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          f.completeExceptionally(e);
        }
      });
    } catch (MqttException | RuntimeException e) {
      f.completeExceptionally(e);
    }
    return f;
  }
}
