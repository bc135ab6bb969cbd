package org.twinlab.connectors.mqtt;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.twinlab.testing.Ports;

/**
 * The same MQTT contract against Mosquitto 2 in a container, where a Docker engine runs. The host
 * port is fixed so that the broker keeps its address across the restart test.
 */
class MosquittoContainerIT extends MqttConnectorContract {
  private static final String NO_DOCKER =
      "no Docker engine here: skipping the Testcontainers Mosquitto run (MosquittoMqttIT covers the same contract)";
  private static GenericContainer<?> broker;
  private static int hostPort;
  private static boolean docker;

  @BeforeAll
  static void startBroker() {
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (!docker) {
      System.out.println("SKIPPED MosquittoContainerIT: " + NO_DOCKER);
      return;
    }
    hostPort = Ports.free();
    broker = new GenericContainer<>("eclipse-mosquitto:2")
        .withCopyToContainer(Transferable.of("listener 1883\nallow_anonymous true\nset_tcp_nodelay true\nmax_queued_messages 0\n"),
            "/mosquitto/config/mosquitto.conf")
        .withExposedPorts(1883)
        .waitingFor(Wait.forListeningPort());
    broker.setPortBindings(List.of(hostPort + ":1883"));
    broker.start();
  }

  // Docker is optional even in CI: the process-broker suite covers the same contract.
  @Override
  protected void assumeBrokerAvailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(docker, NO_DOCKER);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) broker.stop();
  }

  @Override
  protected String brokerUri() {
    return "tcp://127.0.0.1:" + hostPort;
  }

  @Override
  protected void restartBroker(Duration down) throws Exception {
    var docker = DockerClientFactory.instance().client();
    docker.stopContainerCmd(broker.getContainerId()).exec();
    Thread.sleep(down.toMillis());
    docker.startContainerCmd(broker.getContainerId()).exec();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Ports.accepts(hostPort) && System.nanoTime() < deadline) Thread.sleep(100);
  }
}
