package org.twinlab.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.scenario.StandardBindings;
import org.twinlab.runtime.scenario.StationNames;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.Simulators;
import org.twinlab.sim.mqtt.SensorNodePublisher;
import org.twinlab.sim.opcua.RigOpcUaServer;

/**
 * The demo lab in one process: an embedded MQTT broker, two conveyor sorting stations and a tank
 * rig each behind its own OPC UA server, two motor sensor nodes publishing to the broker, and the
 * runtime configuration that binds a twin to each. Everything listens on loopback only.
 */
public final class DemoLab implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLab.class);
  private static final String HOST = "127.0.0.1";
  private static final long STEP_MS = 20;

  /** One simulated rig of the lab and how it is reached. */
  public record Rig(String twin, RigSimulator sim, String connection, String endpoint) {}

  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<Rig> rigs = new ArrayList<>();
  private final EmbeddedBroker broker;
  private final LabConfig config;

  private DemoLab(int mqttPort, int firstOpcUaPort, String bind, int httpPort, Path dataDir) throws Exception {
    broker = EmbeddedBroker.start(HOST, portOrFree(mqttPort));
    running.add(broker);
    List<ConnectionConfig> connections = new ArrayList<>();
    connections.add(ConnectionConfig.mqtt("broker", broker.uri(), MqttVersion.V3_1_1).withDiscoverTopics("twinlab/#"));
    List<TwinConfig> twins = new ArrayList<>();
    int port = firstOpcUaPort;
    for (String[] plc : new String[][] {{"conveyor-1", "conveyor-sorting", "1", "station-1"},
        {"conveyor-2", "conveyor-sorting", "2", "station-2"}, {"tank-1", "tank-process", "3", "station-3"}}) {
      RigSimulator sim = Simulators.create(plc[1], Long.parseLong(plc[2]), true);
      RigOpcUaServer server = new RigOpcUaServer(sim, RigOpcUaServer.Options.loopback(portOrFree(firstOpcUaPort == 0 ? 0 : port++)));
      server.start();
      running.add(server);
      start(sim, server::afterStep);
      String connection = "plc-" + plc[0];
      connections.add(ConnectionConfig.opcua(connection, server.endpointUrl()));
      rigs.add(new Rig(plc[0], sim, connection, server.endpointUrl()));
      twins.add(twin(plc[0], plc[1], plc[3]));
    }
    for (String[] node : new String[][] {{"motor-1", "4", "station-1"}, {"motor-2", "5", "station-2"}}) {
      RigSimulator sim = Simulators.create("motor-vibration", Long.parseLong(node[1]), true);
      SensorNodePublisher publisher = new SensorNodePublisher(sim, broker.uri(), "twinlab", node[0], MqttVersion.V3_1_1);
      running.add(publisher);
      start(sim, publisher::afterStep);
      rigs.add(new Rig(node[0], sim, "broker", publisher.telemetryTopic()));
      twins.add(twin(node[0], "motor-vibration", node[2]));
    }
    config = new LabConfig(bind, httpPort, dataDir, 3, connections, twins);
  }

  /**
   * Starts the simulated lab.
   *
   * @param mqttPort the broker's port; another is taken (and said) when it is in use
   * @param firstOpcUaPort the first PLC's OPC UA port, the next ones follow
   */
  public static DemoLab start(int mqttPort, int firstOpcUaPort, String bind, int httpPort, Path dataDir) throws Exception {
    return new DemoLab(mqttPort, firstOpcUaPort, bind, httpPort, dataDir);
  }

  /** The runtime configuration that runs twins of this lab. */
  public LabConfig config() {
    return config;
  }

  public List<Rig> rigs() {
    return List.copyOf(rigs);
  }

  public Rig rig(String twin) {
    return rigs.stream().filter(r -> r.twin().equals(twin)).findFirst().orElseThrow();
  }

  /** The simulator behind a twin's rig, or null when the twin is not one of the demo's rigs. */
  public org.twinlab.sim.RigSimulator simulator(String twin) {
    return rigs.stream().filter(r -> r.twin().equals(twin)).map(Rig::sim).findFirst().orElse(null);
  }

  public String brokerUri() {
    return broker.uri();
  }

  private void start(RigSimulator sim, java.util.function.Consumer<RigSimulator> afterStep) {
    SimRunner runner = new SimRunner(sim, STEP_MS, afterStep);
    runner.start();
    running.add(0, runner); // runners stop before the servers they feed
  }

  /** A twin on the standard bindings of its rig model, named as every demo station is. */
  private static TwinConfig twin(String id, String model, String station) throws InvalidInputException, IOException {
    TwinModel m = ModelLibrary.loadBuiltIn(model);
    return new TwinConfig(id, m, StandardBindings.load(m, StationNames.of(id)), station);
  }

  /** The port asked for when it is free on loopback, otherwise any free one. */
  static int portOrFree(int wanted) throws IOException {
    if (wanted > 0) {
      try (ServerSocket s = new ServerSocket(wanted, 1, InetAddress.getByName(HOST))) {
        return wanted;
      } catch (IOException busy) {
        LOG.warn("port {} is in use; taking a free one instead", wanted);
      }
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("stopping {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
