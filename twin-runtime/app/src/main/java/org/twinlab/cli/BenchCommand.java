package org.twinlab.cli;

import java.util.concurrent.Callable;
import org.twinlab.bench.BenchFailure;
import org.twinlab.bench.ConnectorBench;
import org.twinlab.bench.HistoryBench;
import org.twinlab.bench.IngestBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Benchmarks: figures for docs and notes; a run that measured nothing, or saw the runtime fall behind, exits 1 saying why. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput and latency on this machine.",
    subcommands = {BenchCommand.Ingest.class, BenchCommand.Connector.class, BenchCommand.History.class,
        BenchCommand.Evidence.class, BenchCommand.Cluster.class})
final class BenchCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Checks {@code --protocol}; the broker for mqtt (required then), else null. */
  private static String mqttFor(picocli.CommandLine.Model.CommandSpec spec, String protocol, MqttBrokerOption broker) {
    if (!protocol.equals("opcua") && !protocol.equals("mqtt")) throw new ParameterException(spec.commandLine(), "--protocol is opcua or mqtt");
    return protocol.equals("mqtt") ? broker.required("--protocol mqtt needs --mqtt tcp://HOST:PORT") : broker.uri;
  }

  @Command(name = "connector", mixinStandardHelpOptions = true,
      description = "Samples/s one connector takes from simulated rigs in another process, with sample age and CPU.")
  static final class Connector implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--protocol", required = true, description = "opcua or mqtt")
    String protocol;

    @Option(names = "--signals", defaultValue = "6000", description = "signals in all (default: ${DEFAULT-VALUE})")
    int signals;

    @Mixin
    BenchPace pace = new BenchPace(20, 8);

    @Mixin
    MqttBrokerOption broker;

    @Option(names = "--nodes", defaultValue = "30", description = "MQTT sensor nodes sharing the signals (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--layout", defaultValue = "json", description = "json (a document per node) or topic (a topic per signal)")
    String layout;

    @Override
    public Integer call() throws Exception {
      String mqtt = mqttFor(spec, protocol, broker);
      int hz = pace.hz, seconds = pace.seconds;
      if (!layout.equals("json") && !layout.equals("topic")) throw new ParameterException(spec.commandLine(), "--layout is json or topic");
      if (signals < 1 || hz < 1 || hz > 1000 || seconds < 1 || nodes < 1 || signals % nodes != 0) {
        throw new ParameterException(spec.commandLine(), "need signals >= 1, 1 <= hz <= 1000, seconds >= 1, and nodes dividing signals");
      }
      try {
        var result = ConnectorBench.run(new ConnectorBench.Plan(protocol, signals, hz, seconds, pace.warmup, mqtt, nodes, layout));
        spec.commandLine().getOut().println(result.report());
        return 0;
      } catch (BenchFailure e) {
        spec.commandLine().getErr().println("bench connector: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "The whole runtime under load: rigs in another process, a twin per rig, a live-feed follower per twin.")
  static final class Ingest implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--protocol", defaultValue = "opcua", description = "opcua or mqtt (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--rigs", defaultValue = "30", description = "rigs, one twin each (default: ${DEFAULT-VALUE})")
    int rigs;

    @Option(names = "--signals", defaultValue = "200", description = "signals per rig (default: ${DEFAULT-VALUE})")
    int signals;

    @Mixin
    BenchPace pace = new BenchPace(30, 10);

    @Mixin
    MqttBrokerOption broker;

    @Option(names = "--quiet-rigs", defaultValue = "0", hidden = true, description = "rigs that never change, to see the bench fail")
    int quietRigs;

    @Override
    public Integer call() throws Exception {
      String mqtt = mqttFor(spec, protocol, broker);
      int hz = pace.hz, seconds = pace.seconds, warmup = pace.warmup;
      if (rigs < 1 || rigs > 500 || signals < 1 || hz < 1 || hz > 100 || seconds < 1 || warmup < 0 || quietRigs < 0 || quietRigs > rigs) {
        throw new ParameterException(spec.commandLine(), "need 1 <= rigs <= 500, signals >= 1, 1 <= hz <= 100, seconds >= 1, warmup >= 0");
      }
      IngestBench.Result result;
      try {
        result = IngestBench.run(new IngestBench.Plan(protocol, rigs, signals, hz, seconds, warmup, mqtt, quietRigs));
      } catch (BenchFailure e) {
        spec.commandLine().getErr().println("bench ingest: " + e.getMessage());
        return 1;
      }
      spec.commandLine().getOut().println(result.report());
      result.failures().forEach(f -> spec.commandLine().getErr().println("bench ingest: " + f));
      return result.failures().isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "cluster", mixinStandardHelpOptions = true,
      description = "What a clustered hop costs: two nodes on loopback, followers on the twins' node and on the other, GET /twins/{id} on each.")
  static final class Cluster implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rigs", defaultValue = "10", description = "rigs, one twin each, all run by n1 (default: ${DEFAULT-VALUE})")
    int rigs;

    @Option(names = "--signals", defaultValue = "200", description = "signals per rig (default: ${DEFAULT-VALUE})")
    int signals;

    @Mixin
    BenchPace pace = new BenchPace(20, 10);

    @Option(names = "--call-seconds", defaultValue = "10", description = "seconds of GET /twins/{id} on each node (default: ${DEFAULT-VALUE})")
    int callSeconds;

    @Option(names = "--clients", defaultValue = "4", description = "callers at once (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--quiet-rigs", defaultValue = "0", hidden = true, description = "rigs that never change, to see the bench fail")
    int quietRigs;

    @Override
    public Integer call() throws Exception {
      int hz = pace.hz, seconds = pace.seconds, warmup = pace.warmup;
      if (rigs < 1 || rigs > 200 || signals < 1 || hz < 1 || hz > 100 || seconds < 1 || warmup < 0 || callSeconds < 1 || clients < 1 || clients > 64
          || quietRigs < 0 || quietRigs > rigs) {
        throw new ParameterException(spec.commandLine(),
            "need 1 <= rigs <= 200, signals >= 1, 1 <= hz <= 100, seconds >= 1, warmup >= 0, call-seconds >= 1, 1 <= clients <= 64");
      }
      try {
        var result = org.twinlab.bench.ClusterBench.run(new org.twinlab.bench.ClusterBench.Plan(rigs, signals, hz, seconds, warmup, callSeconds, clients, quietRigs));
        spec.commandLine().getOut().println(result.report());
        return 0;
      } catch (BenchFailure e) {
        spec.commandLine().getErr().println("bench cluster: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "History ingest (points/s, batch latency) and chart queries against a store.")
  static final class History implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", defaultValue = "embedded",
        description = "embedded, influxdb (with --influx-*), or spool (InfluxDB out of reach) (default: ${DEFAULT-VALUE})")
    String store;

    @Option(names = "--points", defaultValue = "2000000", description = "points to write (default: ${DEFAULT-VALUE})")
    long points;

    @Option(names = "--batch", defaultValue = "10000", description = "points per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--series", defaultValue = "200", description = "series written round-robin (default: ${DEFAULT-VALUE})")
    int series;

    @Option(names = "--paced-rate", defaultValue = "60000",
        description = "points/s offered in real time to the writer after the other figures, embedded store only; 0 skips it (default: ${DEFAULT-VALUE})")
    int pacedRate;

    @Option(names = "--paced-series", defaultValue = "6000",
        description = "series of the paced run (default: ${DEFAULT-VALUE}, 30 rigs x 200 signals)")
    int pacedSeries;

    @Option(names = "--paced-seconds", defaultValue = "20", description = "length of the paced run (default: ${DEFAULT-VALUE})")
    int pacedSeconds;

    @Option(names = "--writer-batch", defaultValue = "0", hidden = true,
        description = "the writer's most points per batch (default: the runtime's)")
    int writerBatch;

    @Option(names = "--writer-delay-ms", defaultValue = "0", hidden = true,
        description = "the longest a point waits in the writer for its batch (default: the runtime's)")
    long writerDelayMs;

    @Option(names = "--influx-url", description = "InfluxDB 2 URL for --store influxdb") String influxUrl;
    @Option(names = "--influx-org", defaultValue = "twinlab") String influxOrg;
    @Option(names = "--influx-bucket", defaultValue = "bench") String influxBucket;
    @Option(names = "--influx-token-env", defaultValue = "TWINLAB_INFLUX_TOKEN",
        description = "environment variable holding the token (default: ${DEFAULT-VALUE})") String influxTokenEnv;

    @Override
    public Integer call() throws Exception {
      if (!store.equals("embedded") && !store.equals("influxdb") && !store.equals("spool")) {
        throw new ParameterException(spec.commandLine(), "--store is embedded, influxdb or spool");
      }
      if (points < 1 || batch < 1 || series < 20 || series % 20 != 0) {
        throw new ParameterException(spec.commandLine(), "need points >= 1, batch >= 1, and series a multiple of 20");
      }
      if (pacedRate < 0 || pacedRate % 10 != 0 || pacedSeries < 1 || pacedSeconds < 1) {
        throw new ParameterException(spec.commandLine(), "need --paced-rate >= 0 and a multiple of 10, --paced-series >= 1, --paced-seconds >= 1");
      }
      String token = null;
      if (store.equals("influxdb")) {
        token = System.getenv(influxTokenEnv);
        if (influxUrl == null || token == null) {
          throw new ParameterException(spec.commandLine(), "--store influxdb needs --influx-url and the token in $" + influxTokenEnv);
        }
      }
      HistoryBench.Result result;
      try {
        result = HistoryBench.run(new HistoryBench.Plan(store, points, batch, series, influxUrl, influxOrg, influxBucket, token,
            pacedRate, pacedSeries, pacedSeconds, writerBatch, writerDelayMs > 0 ? java.time.Duration.ofMillis(writerDelayMs) : null));
      } catch (BenchFailure e) {
        spec.commandLine().getErr().println("bench history: " + e.getMessage());
        return 1;
      }
      System.out.println(result.report());
      return 0;
    }
  }

  @Command(name = "evidence", mixinStandardHelpOptions = true,
      description = "Evidence records (hashed, chained, forced to disk) against forced line appends, and verifying the log.")
  static final class Evidence implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "2000", description = "records to append (default: ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--dir", description = "where to write (default: a temporary directory, removed after)")
    java.nio.file.Path dir;

    @Override
    public Integer call() throws Exception {
      if (records < 100) throw new ParameterException(spec.commandLine(), "--records is at least 100");
      java.nio.file.Path where = dir != null ? dir : java.nio.file.Files.createTempDirectory("twinlab-bench-evidence");
      try {
        org.twinlab.bench.EvidenceBench.run(where, records, spec.commandLine().getOut());
      } finally {
        if (dir == null) {
          try (var files = java.nio.file.Files.list(where)) {
            for (var f : files.toList()) java.nio.file.Files.delete(f);
          }
          java.nio.file.Files.delete(where);
        }
      }
      return 0;
    }
  }
}
