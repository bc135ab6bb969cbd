package org.twinlab.connectors.mqtt;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.twinlab.testing.MosquittoProcess;

/** The MQTT contract against Debian's mosquitto, started by the test on a free loopback port. */
class MosquittoMqttIT extends MqttConnectorContract {
  private static MosquittoProcess broker;

  @BeforeAll
  static void startBroker() throws Exception {
    MosquittoProcess.requireInstalled();
    broker = MosquittoProcess.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) broker.close();
  }

  @Override
  protected String brokerUri() {
    return broker.uri();
  }

  @Override
  protected void restartBroker(Duration down) throws Exception {
    broker.stop();
    Thread.sleep(down.toMillis());
    broker.startProcess();
  }
}
