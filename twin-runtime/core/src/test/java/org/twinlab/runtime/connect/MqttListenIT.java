package org.twinlab.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.connectors.mqtt.PayloadDecoder;
import org.twinlab.testing.MosquittoProcess;

/** Listening on the runtime's own MQTT connection: bounded, ended early once it can tell, and deaf to other topics. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttListenIT {
  static MosquittoProcess broker;
  static MqttConnector connector;
  static volatile ConnectionState state = ConnectionState.CONNECTING;

  @BeforeAll
  static void start() throws Exception {
    MosquittoProcess.requireInstalled();
    broker = MosquittoProcess.start();
    try (MqttLink sensor = MqttLink.open(MqttConnectorConfig.of("sensor", broker.uri()), new MqttLink.Events() {
      @Override
      public void message(String topic, byte[] payload) {}

      @Override
      public void lost(Throwable cause) {}
    })) {
      sensor.connect().get(20, TimeUnit.SECONDS);
      sensor.publish("lab/a/telemetry", "{\"t\":1.5}".getBytes(StandardCharsets.UTF_8), 1, true).get(20, TimeUnit.SECONDS);
      sensor.publish("lab/b/telemetry", "{\"secret\":7}".getBytes(StandardCharsets.UTF_8), 1, true).get(20, TimeUnit.SECONDS);
    }
    connector = new MqttConnector(MqttConnectorConfig.of("broker", broker.uri()), new ConnectorListener() {
      @Override
      public void onSamples(List<Sample> samples) {}

      @Override
      public void onStateChanged(ConnectionEvent event) {
        state = event.state();
      }
    }, Clock.systemUTC());
    connector.subscribe(List.of(SignalRequest.of("a", "lab/a/telemetry#/t"), SignalRequest.of("b", "lab/b/telemetry#/secret"),
        SignalRequest.of("c", "lab/c/telemetry#/t"))).get(20, TimeUnit.SECONDS);
    connector.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> state == ConnectionState.CONNECTED);
  }

  @AfterAll
  static void stop() throws Exception {
    if (connector != null) connector.close();
    if (broker != null) broker.close();
  }

  @Test
  void endsAsSoonAsThePointerFindsAValueAndKeepsOnlyTheAddressesTopics() throws Exception {
    long started = System.nanoTime();
    Map<String, PayloadDecoder.Parsed> seen = MqttListen.listen(connector, List.of(MqttAddress.parse("lab/a/telemetry#/t")),
        Duration.ofSeconds(30)).get(20, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(seen).containsOnlyKeys("lab/a/telemetry");
  }

  @Test
  void waitsTheWholeWindowForAPointerThatFindsNothing() throws Exception {
    long started = System.nanoTime();
    Map<String, PayloadDecoder.Parsed> seen = MqttListen.listen(connector, List.of(MqttAddress.parse("lab/a/telemetry#/nope")),
        Duration.ofSeconds(2)).get(20, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(seen).containsOnlyKeys("lab/a/telemetry");
  }

  @Test
  void aSilentTopicGivesNothingAfterTheWindow() throws Exception {
    Map<String, PayloadDecoder.Parsed> seen = MqttListen.listen(connector, List.of(MqttAddress.parse("lab/c/telemetry#/t")),
        Duration.ofSeconds(1)).get(20, TimeUnit.SECONDS);
    assertThat(seen).isEmpty();
  }
}
