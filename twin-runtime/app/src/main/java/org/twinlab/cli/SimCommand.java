package org.twinlab.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.twinlab.connectors.opcua.OpcUaPki;
import java.util.concurrent.CountDownLatch;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.SimSignal;
import org.twinlab.sim.Simulators;
import org.twinlab.sim.mqtt.SensorNodePublisher;
import org.twinlab.sim.opcua.RigOpcUaServer;
import org.twinlab.sim.opcua.SimSecurity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs one rig simulator standalone, so it can stand in for hardware, on this machine or another:
 * the PLC rigs on an OPC UA server, the sensor node as JSON over MQTT.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = "Run a rig simulator on real OPC UA or MQTT until interrupted (Ctrl-C).")
final class SimCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rig", required = true, description = "conveyor-sorting, tank-process or motor-vibration")
  String rig;

  @Option(names = "--opcua-port", defaultValue = "4840", description = "OPC UA port for PLC rigs (default: ${DEFAULT-VALUE})")
  int opcuaPort;

  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--hostname", description = "host name announced in endpoint URLs (default: this machine's name)")
  String hostname;

  @Mixin
  MqttBrokerOption broker;

  @Option(names = "--node-id", defaultValue = "motor-1", description = "sensor node id in its topics (default: ${DEFAULT-VALUE})")
  String nodeId;

  @Option(names = "--topic-prefix", defaultValue = "twinlab", description = "first topic level (default: ${DEFAULT-VALUE})")
  String topicPrefix;

  @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same run (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--step-ms", defaultValue = "20", description = "physics step in milliseconds (default: ${DEFAULT-VALUE})")
  long stepMs;

  @Option(names = "--idle", description = "start a station idle (as at the start of an exam) instead of running")
  boolean idle;

  @Option(names = "--security", description = "serve only secured OPC UA endpoints (Basic256Sha256, Aes128_Sha256_RsaOaep, "
      + "Aes256_Sha256_RsaPss; Sign and SignAndEncrypt) with a username login")
  boolean security;

  @Option(names = "--user", defaultValue = "operator", description = "the user name a secured server accepts (default: ${DEFAULT-VALUE})")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR", description = "the environment variable holding that user's password "
      + "(needed with --security; a password never goes on the command line)")
  String passwordEnv;

  @Override
  public Integer call() throws Exception {
    if (!Simulators.MODELS.contains(rig)) {
      throw new ParameterException(spec.commandLine(), "unknown rig '" + rig + "' (choose one of " + String.join(", ", Simulators.MODELS) + ")");
    }
    if (stepMs < 1 || stepMs > 1000) throw new ParameterException(spec.commandLine(), "--step-ms is 1..1000");
    if (security && passwordEnv == null) {
      throw new ParameterException(spec.commandLine(), "--security needs --password-env VAR naming the variable that holds the password");
    }
    if (security && rig.equals("motor-vibration")) {
      throw new ParameterException(spec.commandLine(), "--security is for the OPC UA rigs; the sensor node speaks MQTT");
    }
    RigSimulator sim = Simulators.create(rig, seed, !idle);
    CountDownLatch stopped = new CountDownLatch(1);
    AutoCloseable service;
    SimRunner runner;
    if (rig.equals("motor-vibration")) {
      String mqtt = broker.required("the sensor node publishes over MQTT: give --mqtt tcp://HOST:PORT");
      SensorNodePublisher node = new SensorNodePublisher(sim, mqtt, topicPrefix, nodeId);
      runner = new SimRunner(sim, stepMs, node::afterStep);
      service = node;
      System.out.printf("%s publishing to %s on %s (config: %s)%n", rig, mqtt, node.telemetryTopic(), node.configTopic());
    } else {
      String host = hostname != null ? hostname : localHostName();
      RigOpcUaServer.Options options = new RigOpcUaServer.Options(bind, host, opcuaPort, "/plc", 0, 0, Optional.empty());
      if (security) options = options.withSecurity(SimSecurity.users(Map.of(user, password())));
      RigOpcUaServer server = new RigOpcUaServer(sim, options);
      server.start();
      runner = new SimRunner(sim, stepMs, server::afterStep);
      service = server;
      System.out.printf("%s serving OPC UA at %s (namespace %s)%n", rig, server.endpointUrl(), RigOpcUaServer.namespaceUri());
      server.certificate().ifPresent(c -> System.out.printf("secured endpoints only, login as %s; server certificate %s%n", user,
          OpcUaPki.thumbprint(c)));
      for (SimSignal s : sim.signals()) {
        System.out.printf("  %-28s nsu=%s;s=%s%s%n", s.path(), RigOpcUaServer.namespaceUri(), s.symbol(), s.writable() ? "  (writable)" : "");
      }
    }
    runner.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runner.close();
      try {
        service.close();
      } catch (Exception e) {
        System.err.println("stopping: " + e.getMessage());
      }
      stopped.countDown();
    }, "sim-shutdown"));
    System.out.println("running; Ctrl-C stops");
    stopped.await();
    return 0;
  }

  private String password() {
    String p = System.getenv(passwordEnv);
    if (p == null || p.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "the environment variable " + passwordEnv + " (--password-env) is not set");
    }
    return p;
  }

  private static String localHostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
