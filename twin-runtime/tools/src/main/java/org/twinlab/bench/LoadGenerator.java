package org.twinlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.twinlab.connectors.mqtt.NoDelaySocketFactory;
import org.twinlab.sim.SignalFarmSim;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.opcua.RigOpcUaServer;

/**
 * The rigs of a benchmark, in a process of their own so that the client's CPU is measured apart:
 * <pre>
 *   opcua PORT SIGNALS HZ               a signal-farm PLC on OPC UA
 *   opcua-rigs PORT RIGS SIGNALS HZ [QUIET]      RIGS signal-farm PLCs on ports PORT, PORT+1, ...
 *   mqtt  URI NODES FIELDS HZ json|topic [QUIET] sensor nodes: one JSON document per node, or one topic per signal
 * </pre>
 * The last QUIET rigs (default none) are served but never change, so a benchmark can show what it
 * does when a follower hears nothing. Prints READY when serving and stops when its standard input
 * closes. Values are wall-clock milliseconds of the moment they were produced.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    AutoCloseable load = switch (args[0]) {
      case "opcua" -> opcua(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), true);
      case "opcua-rigs" -> opcuaRigs(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), quiet(args, 5));
      case "mqtt" -> mqtt(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5],
          quiet(args, 6));
      default -> throw new IllegalArgumentException("opcua | opcua-rigs | mqtt");
    };
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // runs until the benchmark closes our stdin
    }
    load.close();
    System.exit(0);
  }

  private static int quiet(String[] args, int at) {
    return args.length > at ? Integer.parseInt(args[at]) : 0;
  }

  private static AutoCloseable opcua(int port, int signals, int hz, boolean changing) throws Exception {
    SignalFarmSim sim = new SignalFarmSim(signals);
    RigOpcUaServer server = new RigOpcUaServer(sim, RigOpcUaServer.Options.loopback(port));
    server.start();
    if (!changing) return server::close;
    SimRunner runner = new SimRunner(sim, 1000 / hz, server::afterStep);
    runner.start();
    return () -> {
      runner.close();
      server.close();
    };
  }

  private static AutoCloseable opcuaRigs(int firstPort, int rigs, int signals, int hz, int quiet) throws Exception {
    List<AutoCloseable> all = new ArrayList<>();
    for (int r = 0; r < rigs; r++) all.add(opcua(firstPort + r, signals, hz, r < rigs - quiet));
    return () -> {
      for (AutoCloseable c : all) c.close();
    };
  }

  private static AutoCloseable mqtt(String uri, int nodes, int fields, int hz, String layout, int quiet) throws Exception {
    List<Publisher> pubs = new ArrayList<>();
    for (int n = 0; n < nodes - quiet; n++) pubs.add(new Publisher(uri, "node-" + n, fields, layout.equals("topic")));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(() -> {
      long stamp = System.currentTimeMillis();
      pubs.forEach(p -> p.publish(stamp));
    }, 0, 1000 / hz, TimeUnit.MILLISECONDS);
    return () -> {
      timer.shutdownNow();
      for (Publisher p : pubs) p.close();
    };
  }

  /** One node's client, with a window: Paho's publish() queues without bound otherwise. */
  private static final class Publisher implements MqttCallback {
    private final MqttAsyncClient client;
    private final String node;
    private final int fields;
    private final boolean topicPerSignal;
    private final Semaphore window = new Semaphore(1000);

    Publisher(String uri, String node, int fields, boolean topicPerSignal) throws MqttException {
      this.node = node;
      this.fields = fields;
      this.topicPerSignal = topicPerSignal;
      this.client = new MqttAsyncClient(uri, "bench-" + node + "-" + System.nanoTime(), new MemoryPersistence());
      client.setCallback(this);
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setCleanStart(true);
      o.setSocketFactory(new NoDelaySocketFactory());
      client.connect(o).waitForCompletion(10_000);
    }

    void publish(long stamp) {
      try {
        if (topicPerSignal) {
          byte[] payload = Long.toString(stamp).getBytes(StandardCharsets.UTF_8);
          for (int f = 0; f < fields; f++) send("bench/" + node + "/f" + f, payload);
        } else {
          StringBuilder json = new StringBuilder(fields * 24).append("{\"ts\":").append(stamp);
          for (int f = 0; f < fields; f++) json.append(",\"f").append(f).append("\":").append(stamp);
          send("bench/" + node + "/data", json.append('}').toString().getBytes(StandardCharsets.UTF_8));
        }
      } catch (MqttException | InterruptedException e) {
        System.err.println(node + ": " + e);
      }
    }

    private void send(String topic, byte[] payload) throws MqttException, InterruptedException {
      if (!window.tryAcquire(1, TimeUnit.SECONDS)) return; // overloaded: drop, as a sensor would
      client.publish(topic, payload, 0, false);
    }

    void close() throws IOException {
      try {
        client.disconnect().waitForCompletion(2000);
        client.close();
      } catch (MqttException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      window.release();
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {}

    @Override
    public void mqttErrorOccurred(MqttException e) {}

    @Override
    public void messageArrived(String topic, MqttMessage m) {}

    @Override
    public void connectComplete(boolean reconnect, String uri) {}

    @Override
    public void authPacketArrived(int code, MqttProperties p) {}
  }
}
