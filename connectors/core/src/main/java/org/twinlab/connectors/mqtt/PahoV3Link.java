package org.twinlab.connectors.mqtt;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** MQTT 3.1.1 over Paho's v3 client, for brokers that do not speak MQTT 5. */
final class PahoV3Link implements MqttLink {
  private final MqttConnectorConfig config;
  private final MqttAsyncClient client;

  PahoV3Link(MqttConnectorConfig config, Events events) throws MqttException {
    this.config = config;
    this.client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        events.lost(cause);
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        events.message(topic, message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
  }

  @Override
  public CompletableFuture<Void> connect() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    o.setConnectionTimeout(5);
    o.setMaxInflight(1000);
    o.setSocketFactory(new NoDelaySocketFactory());
    config.username().ifPresent(o::setUserName);
    config.password().ifPresent(p -> o.setPassword(p.toCharArray()));
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
    void start(IMqttActionListener listener) throws MqttException;
  }

  private static CompletableFuture<Void> call(Call c) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      c.start(new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] granted = token.getGrantedQos();
          if (granted != null && granted.length > 0 && granted[0] == 0x80) {
            f.completeExceptionally(new IllegalStateException("broker refused the subscription"));
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
