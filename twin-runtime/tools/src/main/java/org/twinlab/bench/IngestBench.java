package org.twinlab.bench;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.SignalRef;
import org.twinlab.runtime.binding.Transform;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.TwinVerticle;

/**
 * The whole runtime under load: rigs in a process of their own (OPC UA signal-farm PLCs, or MQTT
 * sensor nodes on a broker), a twin per rig with a binding per signal, history on, and one
 * live-feed follower per twin over real HTTP. First the same rigs are taken by bare connectors with
 * no runtime (the floor); then the runtime runs. Reports the CPU per sample of both, what the
 * runtime adds to a value's way (from its connector handing it over to its event at the follower),
 * whether history keeps up, and the heap. Fails when a follower hears nothing, when nothing was
 * measured, or when history falls behind.
 */
public final class IngestBench {

  /**
   * What to run.
   *
   * @param mqttUri the broker for MQTT
   * @param quietRigs how many of the rigs never change (normally none); their followers hear nothing
   */
  public record Plan(String protocol, int rigs, int signals, int hz, int seconds, int warmup, String mqttUri, int quietRigs) {
    public Plan(String protocol, int rigs, int signals, int hz, int seconds, int warmup, String mqttUri) {
      this(protocol, rigs, signals, hz, seconds, warmup, mqttUri, 0);
    }

    long expectedPerSecond() {
      return (long) rigs * signals * hz;
    }
  }

  /**
   * What was measured.
   *
   * @param runtimeMicrosPerSample this process's CPU while the runtime ran, less the followers' threads, per sample handed over
   * @param addedP50Ms from the runtime's connector handing a value over to its event at the follower
   */
  public record Result(Plan plan, ConnectorFloor.Result floor, double handedOverPerSecond, double appliedPerSecond,
      double eventsPerSecond, double runtimeMicrosPerSample, double runtimeCores, double followerCores, double addedP50Ms,
      double addedP99Ms, double ageP50Ms, double ageP99Ms, double ageP999Ms, double rigCores, double machineBusy,
      long heapMaxUsedMb, long heapCommittedMb, double seconds, HistoryWatch.Result history, Map<String, Long> cpuByKind,
      GcPauses.Result gc) {

    /** The runtime's own CPU per sample: what it costs beyond the connectors it runs. */
    public double ownMicrosPerSample() {
      return runtimeMicrosPerSample - floor.cpuMicrosPerSample();
    }

    /** What went wrong though figures were taken; empty when the run is sound. */
    public List<String> failures() {
      List<String> out = new ArrayList<>();
      if (history.backlogGrows()) {
        out.add("history fell behind: its queue grew from at most " + history.maxQueued() + " points to " + history.lastQueued());
      }
      if (history.dropped() > 0) out.add("history fell behind: its queue was full and dropped " + history.dropped() + " points while measuring");
      return out;
    }

    public String report() {
      return String.format(Locale.ROOT, """
          protocol=%s rigs=%d signals/rig=%d hz=%d seconds=%.1f
          expected samples/s        %,d
          connectors alone          %,.0f samples/s, %.2f us CPU per sample, age p50 %.1f ms  p99 %.1f ms
          runtime                   %,.0f samples/s handed over, %,.0f applied (%.1f %%), %,.0f SSE events/s
          runtime CPU               %.2f us per sample (%.0f %% of one core; followers' %.0f %% not included)
          runtime's own CPU         %.2f us per sample (runtime less connectors alone)
          runtime-added latency     p50 %.1f ms  p99 %.1f ms (connector hands over -> event at the follower)
          source -> SSE             p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms
          history                   %,.0f points/s received, %,.0f written (%.1f %%), queue at most %,d, %,d at the end, %,d dropped%s
          heap                      max used %d MB of %d MB committed
          GC pauses                 %d, longest %d ms, %d ms in all (%.1f %% of the time)
          rigs' CPU                 %.0f %% of one core; machine busy %.0f %% of all cores""",
          plan.protocol, plan.rigs, plan.signals, plan.hz, seconds, plan.expectedPerSecond(),
          floor.perSecond(), floor.cpuMicrosPerSample(), floor.ageP50Ms(), floor.ageP99Ms(),
          handedOverPerSecond, appliedPerSecond, 100 * appliedPerSecond / plan.expectedPerSecond(), eventsPerSecond,
          runtimeMicrosPerSample, 100 * runtimeCores, 100 * followerCores, ownMicrosPerSample(), addedP50Ms, addedP99Ms,
          ageP50Ms, ageP99Ms, ageP999Ms, history.received() / seconds, history.written() / seconds,
          history.received() == 0 ? 0 : 100.0 * history.written() / history.received(), history.maxQueued(), history.lastQueued(),
          history.dropped(), history.keepsUp() ? " (keeping up)" : " (FALLING BEHIND)",
          heapMaxUsedMb, heapCommittedMb, gc.count(), gc.longestMs(), gc.totalMs(), gc.totalMs() / (10 * seconds), 100 * rigCores, 100 * machineBusy) + cpuReport();
    }

    /** The runtime's CPU by kind of thread, per sample handed over and as a share of one core. */
    private String cpuReport() {
      StringBuilder out = new StringBuilder("\nruntime CPU by thread     (connector threads are in the floor too)");
      double samples = handedOverPerSecond * seconds;
      cpuByKind.forEach((kind, nanos) -> out.append(String.format(Locale.ROOT, "%n  %-24s%6.2f us per sample (%3.0f %% of one core)", kind,
          nanos / 1e3 / samples, 100 * nanos / (seconds * 1e9))));
      return out.toString();
    }
  }

  private IngestBench() {}

  public static Result run(Plan plan) throws Exception {
    int firstPort = freePorts(plan.rigs());
    List<String> args = BenchRigs.generatorArgs(plan.protocol(), firstPort, plan.mqttUri(), plan.rigs(), plan.signals(), plan.hz(),
        plan.quietRigs());
    Path data = Files.createTempDirectory("twinlab-bench");
    try (GeneratorProcess generator = GeneratorProcess.start(args)) {
      String broker = plan.mqttUri();
      ConnectorFloor.Result floor = ConnectorFloor.measure(plan, firstPort, broker);
      Vertx vertx = Vertx.vertx();
      try {
        return measureRuntime(vertx, plan, firstPort, broker, data, generator, floor);
      } finally {
        vertx.close();
      }
    }
  }

  private static Result measureRuntime(Vertx vertx, Plan plan, int firstPort, String broker, Path data, GeneratorProcess generator,
      ConnectorFloor.Result floor) throws Exception {
    LatencyProbe probe = new LatencyProbe(vertx.eventBus());
    TwinRuntime runtime = TwinRuntime.start(vertx, config(plan, firstPort, broker, data)).toCompletionStage().toCompletableFuture()
        .get(120, TimeUnit.SECONDS);
    Followers followers = new Followers(runtime.port(), plan.rigs(), plan.expectedPerSecond() * (plan.seconds() + 2), probe);
    try {
      String password = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getInstanceStrong().generateSeed(16));
      // the followers watch as an examiner's screen would: logged in through the API, as an administrator made for the run
      runtime.accounts().add("bench-follower", org.twinlab.runtime.auth.Role.ADMIN, "Benchmark follower", password);
      followers.start("bench-follower", password);
      Thread.sleep(plan.warmup() * 1000L);
      long appliedBefore = applied(runtime);
      long handedBefore = probe.samples.sum();
      HeapWatch heap = new HeapWatch();
      HistoryWatch history = new HistoryWatch(runtime.history().writer());
      long followerCpuBefore = followers.cpuNanos();
      CpuClock before = CpuClock.read(generator.pid());
      ThreadCpu threadsBefore = ThreadCpu.read();
      GcPauses gc = new GcPauses();
      followers.measuring = true;
      for (int s = 0; s < plan.seconds(); s++) {
        Thread.sleep(1000);
        heap.sample();
        history.sample();
        probe.forgetBefore(System.currentTimeMillis() - 60_000);
      }
      followers.measuring = false;
      CpuClock after = CpuClock.read(generator.pid());
      Map<String, Long> cpuByKind = ThreadCpu.read().since(threadsBefore, followers.threadIds());
      gc.close();
      long followerCpu = followers.cpuNanos() - followerCpuBefore;
      double secs = (after.wallNanos() - before.wallNanos()) / 1e9;
      long handedOver = probe.samples.sum() - handedBefore;
      long applied = applied(runtime) - appliedBefore;
      // no figure is better than a wrong one: each of these would otherwise report nothing as something
      if (handedOver == 0 || applied == 0) {
        throw new BenchFailure("nothing was measured: the runtime's connectors handed over " + handedOver + " samples and its twins applied "
            + applied + " in " + plan.seconds() + " s");
      }
      if (followers.events() == 0) throw new BenchFailure("no live-feed follower received a property event while measuring");
      List<Integer> silent = followers.silent();
      if (!silent.isEmpty()) {
        throw new BenchFailure(silent.size() + " of " + plan.rigs() + " live-feed followers received no property event while measuring: "
            + silent.stream().map(r -> "rig-" + r).limit(10).collect(java.util.stream.Collectors.joining(", ")));
      }
      long[] added = followers.added.sorted();
      if (added.length == 0) throw new BenchFailure("nothing was measured: no event at a follower could be matched to its hand-over");
      long[] ages = followers.ages.sorted();
      long runtimeCpu = after.selfNanos() - before.selfNanos() - followerCpu;
      return new Result(plan, floor, handedOver / secs, applied / secs, followers.events() / secs, runtimeCpu / 1e3 / handedOver,
          runtimeCpu / (secs * 1e9), followerCpu / (secs * 1e9), Latencies.percentileMs(added, 0.5), Latencies.percentileMs(added, 0.99),
          Latencies.percentileMs(ages, 0.5), Latencies.percentileMs(ages, 0.99), Latencies.percentileMs(ages, 0.999),
          before.otherCores(after), before.machineBusy(after), heap.maxUsed >> 20,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20, secs, history.result(), cpuByKind, gc.result());
    } finally {
      followers.close();
      probe.close();
      try {
        runtime.stop().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException slow) {
        // what was measured stands; a machine too busy to stop in time is worth a line, not the figures
        System.err.println("bench ingest: the runtime did not stop within 120 s");
      }
    }
  }

  /** A twin per rig, bound signal by signal, as a technician would bind a real rig. */
  static LabConfig config(Plan plan, int firstPort, String broker, Path data) throws Exception {
    TwinModel model = farmModel(plan.signals(), 1000 / plan.hz());
    List<ConnectionConfig> connections = new ArrayList<>();
    List<TwinConfig> twins = new ArrayList<>();
    if (plan.protocol().equals("mqtt")) connections.add(ConnectionConfig.mqtt("broker", broker, MqttVersion.V5));
    for (int r = 0; r < plan.rigs(); r++) {
      String twin = "rig-" + r;
      String connection = plan.protocol().equals("opcua") ? "plc-" + r : "broker";
      if (plan.protocol().equals("opcua")) {
        connections.add(ConnectionConfig.opcua(connection, "opc.tcp://127.0.0.1:" + (firstPort + r) + "/plc"));
      }
      List<Binding> bindings = new ArrayList<>();
      for (int s = 0; s < plan.signals(); s++) {
        String address = plan.protocol().equals("opcua") ? BenchRigs.opcuaNode(s) : BenchRigs.mqttAddress(r, s, false);
        bindings.add(new Binding("farm.s" + s, new SignalRef(connection, address, 1000.0 / plan.hz()), Transform.IDENTITY, Optional.empty()));
      }
      twins.add(new TwinConfig(twin, model, new BindingSet(twin, model.id(), bindings)));
    }
    return new LabConfig("127.0.0.1", 0, data, 3, connections, twins);
  }

  static TwinModel farmModel(int signals, int periodMs) throws Exception {
    return ModelLoader.load("signal-farm (generated)", farmModelYaml(signals, periodMs));
  }

  /** The signal farm's model as a model file. */
  static String farmModelYaml(int signals, int periodMs) {
    StringBuilder yaml = new StringBuilder("""
        model: signal-farm
        version: 1
        name: {en: Signal farm, zh: 信号负载}
        kind: plc-station
        components:
          - id: farm
            name: {en: Signals, zh: 信号}
            properties:
        """);
    for (int s = 0; s < signals; s++) yaml.append("      - {id: s").append(s).append(", type: double, period_ms: ").append(periodMs).append(", description: {en: Load signal, zh: 负载信号}}\n");
    // one alarm for every ten signals, as the lab's models have them; a stamp is never negative, so none rises
    if (signals > 1) yaml.append("alarms:\n");
    for (int s = 0; s + 1 < signals; s += 10) {
      yaml.append("  - {id: low_").append(s).append(", condition: farm.s").append(s).append(" < 0 and farm.s").append(s + 1)
          .append(" < 0, severity: warning, message: {en: Signals below zero, zh: 信号低于零}}\n");
    }
    return yaml.toString();
  }

  private static long applied(TwinRuntime runtime) {
    return runtime.twins().all().stream().mapToLong(TwinVerticle::samplesApplied).sum();
  }

  /** The largest heap in use seen once a second. */
  private static final class HeapWatch {
    long maxUsed;

    void sample() {
      maxUsed = Math.max(maxUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
  }


  /** The first of n consecutive free loopback ports. */
  static int freePorts(int n) throws java.io.IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        first = s.getLocalPort();
      }
      if (first + n > 65000) continue;
      boolean free = true;
      for (int p = first; p < first + n && free; p++) {
        try (var s = new java.net.ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
          free = true;
        } catch (java.io.IOException busy) {
          free = false;
        }
      }
      if (free) return first;
    }
    throw new java.io.IOException("no " + n + " consecutive free ports");
  }



}
