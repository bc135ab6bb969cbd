package org.twinlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Connector;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.opcua.OpcUaConnector;
import org.twinlab.connectors.opcua.OpcUaConnectorConfig;

/**
 * Measures how many samples per second one connector takes from real rigs (a load generator in
 * its own process), their age on arrival, and the CPU it costs.
 */
public final class ConnectorBench {

  /** What to run. */
  public record Plan(String protocol, int signals, int hz, int seconds, int warmup, String mqttUri, int nodes, String layout) {}

  /** What was measured. */
  public record Result(Plan plan, long expectedPerSecond, double samplesPerSecond, double p50Ms, double p99Ms, double p999Ms,
      double clientCores, double generatorCores, double machineBusy, double clientMicrosPerSample) {

    public String report() {
      return String.format(Locale.ROOT, """
          protocol=%s layout=%s signals=%d hz=%d seconds=%d
          expected samples/s   %,d
          received samples/s   %,.0f (%.1f %%)
          age on arrival ms    p50 %.1f  p99 %.1f  p99.9 %.1f
          client CPU           %.1f %% of one core (%.2f us per sample)
          rigs' CPU            %.1f %% of one core
          machine busy         %.1f %% of all cores""",
          plan.protocol, plan.protocol.equals("mqtt") ? plan.layout : "-", plan.signals, plan.hz, plan.seconds,
          expectedPerSecond, samplesPerSecond, 100 * samplesPerSecond / expectedPerSecond, p50Ms, p99Ms, p999Ms,
          100 * clientCores, clientMicrosPerSample, 100 * generatorCores, 100 * machineBusy);
    }
  }

  private ConnectorBench() {}

  public static Result run(Plan plan) throws Exception {
    int port = IngestBench.freePorts(1);
    List<String> args = plan.protocol().equals("opcua")
        ? List.of("opcua", String.valueOf(port), String.valueOf(plan.signals()), String.valueOf(plan.hz()))
        : List.of("mqtt", plan.mqttUri(), String.valueOf(plan.nodes()), String.valueOf(plan.signals() / plan.nodes()),
            String.valueOf(plan.hz()), plan.layout());
    try (GeneratorProcess generator = GeneratorProcess.start(args)) {
      ArrivalRecorder rec = new ArrivalRecorder((long) plan.signals() * plan.hz() * (plan.seconds() + 2));
      try (Connector c = connector(plan, port, rec)) {
        c.start();
        c.subscribe(requests(plan)).get(120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (c.state() != ConnectionState.CONNECTED && System.nanoTime() < deadline) Thread.sleep(50);
        Thread.sleep(plan.warmup() * 1000L);
        CpuClock before = CpuClock.read(generator.pid());
        rec.measuring = true;
        Thread.sleep(plan.seconds() * 1000L);
        rec.measuring = false;
        CpuClock after = CpuClock.read(generator.pid());
        double secs = (after.wallNanos() - before.wallNanos()) / 1e9;
        long n = rec.count.sum();
        if (n == 0) throw new BenchFailure("nothing was measured: the connector received no sample in " + plan.seconds() + " s");
        long[] lat = rec.ages.sorted();
        double clientCores = before.selfCores(after);
        return new Result(plan, (long) plan.signals() * plan.hz(), n / secs, Latencies.percentileMs(lat, 0.5),
            Latencies.percentileMs(lat, 0.99), Latencies.percentileMs(lat, 0.999),
            clientCores, before.otherCores(after), before.machineBusy(after), clientCores * secs * 1e6 / n);
      }
    }
  }

  private static Connector connector(Plan plan, int port, ConnectorListener listener) {
    if (plan.protocol().equals("opcua")) {
      return new OpcUaConnector(OpcUaConnectorConfig.of("bench", "opc.tcp://127.0.0.1:" + port + "/plc"), listener, java.time.Clock.systemUTC());
    }
    return new MqttConnector(MqttConnectorConfig.of("bench", plan.mqttUri()).withQos(0), listener, java.time.Clock.systemUTC());
  }

  private static List<SignalRequest> requests(Plan plan) {
    List<SignalRequest> out = new ArrayList<>(plan.signals());
    if (plan.protocol().equals("opcua")) {
      for (int s = 0; s < plan.signals(); s++) out.add(new SignalRequest("farm.s" + s, BenchRigs.opcuaNode(s), 1000.0 / plan.hz(), 0));
      return out;
    }
    int fields = plan.signals() / plan.nodes();
    for (int n = 0; n < plan.nodes(); n++) {
      for (int f = 0; f < fields; f++) out.add(SignalRequest.of("n" + n + ".f" + f, BenchRigs.mqttAddress(n, f, plan.layout().equals("topic"))));
    }
    return out;
  }
}
