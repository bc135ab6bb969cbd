package org.twinlab.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.sim.MotorVibrationSim;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.mqtt.SensorNodePublisher;
import org.twinlab.testing.Ports;
import org.twinlab.testing.RecordingListener;

class EmbeddedBrokerIT {

  /** Moquette 0.17 speaks MQTT 3.1.1 only; the demo's nodes and connections use 3.1.1. */
  @Test
  void carriesSensorNodeTelemetryAndConfigWrites() throws Exception {
    MqttVersion version = MqttVersion.V3_1_1;
    try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", Ports.free())) {
      MotorVibrationSim sim = new MotorVibrationSim(3);
      RecordingListener events = new RecordingListener();
      try (SensorNodePublisher node = new SensorNodePublisher(sim, broker.uri(), "twinlab", "motor-9", version);
           SimRunner runner = new SimRunner(sim, 20, node::afterStep);
           MqttConnector connector = new MqttConnector(MqttConnectorConfig.of("broker", broker.uri()).withVersion(version), events,
               java.time.Clock.systemUTC())) {
        runner.start();
        connector.start();
        connector.subscribe(List.of(SignalRequest.of("x", "twinlab/motor-9/telemetry#/vibration/x"))).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> events.count("x") >= 2);
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connector.write("twinlab/motor-9/config#/node/interval_ms", 250).get().ok()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) sim.groundTruth().get("node.interval_ms")).longValue() == 250);
      }
    }
  }
}
