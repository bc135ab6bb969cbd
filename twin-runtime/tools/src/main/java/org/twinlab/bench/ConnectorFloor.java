package org.twinlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Connector;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.connectors.opcua.OpcUaConnector;
import org.twinlab.connectors.opcua.OpcUaConnectorConfig;

/**
 * The same rigs and signals as the runtime gets, taken by bare connectors in this process with no
 * runtime behind them: what the protocol alone costs per sample, so that what the runtime adds on
 * top can be told apart. One connection per PLC, one to the broker for all sensor nodes, as the
 * runtime's configuration has them.
 */
final class ConnectorFloor {
  private ConnectorFloor() {}

  /** What the bare connectors took and what it cost this process. */
  record Result(long samples, double seconds, long cpuNanos, double ageP50Ms, double ageP99Ms) {
    double perSecond() {
      return samples / seconds;
    }

    double cpuMicrosPerSample() {
      return cpuNanos / 1e3 / samples;
    }
  }

  static Result measure(IngestBench.Plan plan, int firstPort, String broker) throws Exception {
    ArrivalRecorder rec = new ArrivalRecorder((long) plan.rigs() * plan.signals() * plan.hz() * (plan.seconds() + 2));
    List<Connector> connectors = new ArrayList<>();
    try {
      if (plan.protocol().equals("opcua")) {
        for (int r = 0; r < plan.rigs(); r++) {
          Connector c = new OpcUaConnector(OpcUaConnectorConfig.of("floor-" + r, "opc.tcp://127.0.0.1:" + (firstPort + r) + "/plc"), rec, java.time.Clock.systemUTC());
          connectors.add(c);
          List<SignalRequest> requests = new ArrayList<>();
          for (int s = 0; s < plan.signals(); s++) {
            requests.add(new SignalRequest("rig-" + r + "/farm.s" + s, BenchRigs.opcuaNode(s), 1000.0 / plan.hz(), 0));
          }
          c.start();
          c.subscribe(requests).get(120, TimeUnit.SECONDS);
        }
      } else {
        Connector c = new MqttConnector(MqttConnectorConfig.of("floor", broker).withVersion(MqttVersion.V5).withQos(1), rec, java.time.Clock.systemUTC());
        connectors.add(c);
        List<SignalRequest> requests = new ArrayList<>();
        for (int r = 0; r < plan.rigs(); r++) {
          for (int s = 0; s < plan.signals(); s++) requests.add(SignalRequest.of("rig-" + r + "/farm.s" + s, BenchRigs.mqttAddress(r, s, false)));
        }
        c.start();
        c.subscribe(requests).get(120, TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (connectors.stream().anyMatch(c -> c.state() != ConnectionState.CONNECTED) && System.nanoTime() < deadline) Thread.sleep(50);
      Thread.sleep(plan.warmup() * 1000L);
      CpuClock before = CpuClock.read(0);
      rec.measuring = true;
      Thread.sleep(plan.seconds() * 1000L);
      rec.measuring = false;
      CpuClock after = CpuClock.read(0);
      long n = rec.count.sum();
      if (n == 0) {
        throw new BenchFailure("nothing was measured: the bare connectors received no sample from the rigs in " + plan.seconds() + " s");
      }
      long[] ages = rec.ages.sorted();
      return new Result(n, (after.wallNanos() - before.wallNanos()) / 1e9, after.selfNanos() - before.selfNanos(),
          Latencies.percentileMs(ages, 0.5), Latencies.percentileMs(ages, 0.99));
    } finally {
      for (Connector c : connectors) c.close();
    }
  }
}
