package org.twinlab.connectors.mqtt;

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
final class PahoV3Client {
  private PahoV3Client() {}

  static PahoClient<IMqttActionListener> open(MqttConnectorConfig config, MqttLink.Events events) throws Exception {
    javax.net.SocketFactory sockets = config.linkTls().isPresent() ? TlsSocketFactory.of(config.linkTls().get()) : new NoDelaySocketFactory();
    MqttAsyncClient c = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    c.setCallback(new MqttCallback() {
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
    return new PahoClient<>(l -> c.connect(options(config, sockets), null, l), c::subscribe, c::unsubscribe, c::publish,
        PahoV3Client::listener, c::isConnected, () -> c.disconnect(1000).waitForCompletion(1500), () -> c.close(true));
  }

  private static MqttConnectOptions options(MqttConnectorConfig config, javax.net.SocketFactory sockets) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(false); // MqttConnector reconnects, with its own backoff
    o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    o.setConnectionTimeout(5);
    o.setMaxInflight(1000);
    o.setSocketFactory(sockets);
    o.setHttpsHostnameVerificationEnabled(config.linkTls().map(MqttTls::verifyHostname).orElse(true));
    config.username().ifPresent(o::setUserName);
    config.password().ifPresent(p -> o.setPassword(p.toCharArray()));
    config.will().ifPresent(w -> o.setWill(w.topic(), w.payload(), w.qos(), w.retained()));
    return o;
  }

  private static IMqttActionListener listener(PahoClient.Outcome outcome) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        outcome.done(token.getGrantedQos());
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        outcome.failed(e);
      }
    };
  }
}
