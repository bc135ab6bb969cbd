package org.twinlab.connectors.mqtt;

import java.nio.charset.StandardCharsets;
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

/** MQTT 5 over Paho's v5 client. */
final class PahoV5Client {
  private PahoV5Client() {}

  static PahoClient<MqttActionListener> open(MqttConnectorConfig config, MqttLink.Events events) throws Exception {
    javax.net.SocketFactory sockets = config.linkTls().isPresent() ? TlsSocketFactory.of(config.linkTls().get()) : new NoDelaySocketFactory();
    MqttAsyncClient c = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    c.setCallback(new MqttCallback() {
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
    return new PahoClient<>(l -> c.connect(options(config, sockets), null, l), c::subscribe, c::unsubscribe, c::publish,
        PahoV5Client::listener, c::isConnected, () -> c.disconnect(1000).waitForCompletion(1500), () -> c.close(true));
  }

  private static MqttConnectionOptions options(MqttConnectorConfig config, javax.net.SocketFactory sockets) {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(false); // MqttConnector reconnects, with its own backoff
    o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    o.setConnectionTimeout(5);
    o.setSocketFactory(sockets);
    o.setHttpsHostnameVerificationEnabled(config.linkTls().map(MqttTls::verifyHostname).orElse(true));
    config.username().ifPresent(o::setUserName);
    config.password().ifPresent(p -> o.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    config.will().ifPresent(w -> o.setWill(w.topic(), new MqttMessage(w.payload(), w.qos(), w.retained(), null)));
    return o;
  }

  private static MqttActionListener listener(PahoClient.Outcome outcome) {
    return new MqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        outcome.done(token.getReasonCodes());
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        outcome.failed(e);
      }
    };
  }
}
