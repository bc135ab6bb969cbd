package org.twinlab.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * sensor nodes on a broker), a twin per rig with a binding per signal, and one live-feed follower
 * per twin over real HTTP. Reports samples applied per second, the age of each value when its
 * Server-Sent Event arrives (the rig stamps each value with the wall-clock time it was made), the
 * CPU and the heap of the runtime's process.
 */
public final class IngestBench {

  /** What to run. */
  public record Plan(String protocol, int rigs, int signals, int hz, int seconds, int warmup, String mqttUri) {}

  /** What was measured. */
  public record Result(Plan plan, long expected, double appliedPerSecond, double eventsPerSecond, double p50Ms, double p99Ms,
      double p999Ms, double runtimeCores, double rigCores, double machineBusy, long heapMaxUsedMb, long heapCommittedMb,
      double historyPerSecond, long historyQueued, long historyDropped, double historyBatchMs) {

    public String report() {
      return String.format(Locale.ROOT, """
          protocol=%s rigs=%d signals/rig=%d hz=%d seconds=%d
          expected samples/s      %,d
          applied samples/s       %,.0f (%.1f %%)
          SSE events/s            %,.0f
          source -> SSE ms        p50 %.1f  p99 %.1f  p99.9 %.1f
          runtime CPU             %.0f %% of one core (runtime, HTTP and SSE followers in one process)
          rigs' CPU               %.0f %% of one core
          machine busy            %.0f %% of all cores
          heap                    max used %d MB of %d MB committed
          history                 %,.0f points/s acknowledged, %,d queued at the end, %,d dropped, last batch %.1f ms""",
          plan.protocol, plan.rigs, plan.signals, plan.hz, plan.seconds, expected, appliedPerSecond,
          100 * appliedPerSecond / expected, eventsPerSecond, p50Ms, p99Ms, p999Ms, 100 * runtimeCores, 100 * rigCores,
          100 * machineBusy, heapMaxUsedMb, heapCommittedMb, historyPerSecond, historyQueued, historyDropped, historyBatchMs);
    }
  }

  private IngestBench() {}

  public static Result run(Plan plan) throws Exception {
    int firstPort = freePorts(plan.rigs());
    List<String> args = plan.protocol().equals("opcua")
        ? List.of("opcua-rigs", str(firstPort), str(plan.rigs()), str(plan.signals()), str(plan.hz()))
        : List.of("mqtt", plan.mqttUri(), str(plan.rigs()), str(plan.signals()), str(plan.hz()), "json");
    Path data = Files.createTempDirectory("twinlab-bench");
    Vertx vertx = Vertx.vertx();
    try (GeneratorProcess generator = GeneratorProcess.start(args)) {
      TwinRuntime runtime = TwinRuntime.start(vertx, config(plan, firstPort, data)).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
      Followers followers = new Followers(vertx, runtime.port(), plan, followerToken(vertx, runtime));
      try {
        followers.start();
        Thread.sleep(plan.warmup() * 1000L);
        long appliedBefore = applied(runtime);
        long historyBefore = runtime.history().status().acknowledged();
        HeapWatch heap = new HeapWatch();
        CpuClock before = CpuClock.read(generator.pid());
        followers.measuring = true;
        for (int s = 0; s < plan.seconds(); s++) {
          Thread.sleep(1000);
          heap.sample();
        }
        followers.measuring = false;
        CpuClock after = CpuClock.read(generator.pid());
        double secs = (after.wallNanos() - before.wallNanos()) / 1e9;
        long[] lat = followers.latencies();
        if (followers.events.sum() == 0 || lat.length == 0) {
          // a feed that answered nothing measured nothing: no figure is better than a wrong one
          throw new IllegalStateException("the live-feed followers received no property event while measuring");
        }
        var history = runtime.history().status();
        return new Result(plan, (long) plan.rigs() * plan.signals() * plan.hz(), (applied(runtime) - appliedBefore) / secs,
            followers.events.sum() / secs, GeneratorProcess.percentileMs(lat, 0.5), GeneratorProcess.percentileMs(lat, 0.99), GeneratorProcess.percentileMs(lat, 0.999), before.selfCores(after),
            before.otherCores(after), before.machineBusy(after), heap.maxUsed >> 20,
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20,
            (history.acknowledged() - historyBefore) / secs, history.queued(), history.dropped(), history.lastBatchMillis());
      } finally {
        followers.close();
        runtime.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close();
    }
  }

  /** A twin per rig, bound signal by signal, as a technician would bind a real rig. */
  static LabConfig config(Plan plan, int firstPort, Path data) throws Exception {
    TwinModel model = farmModel(plan.signals(), 1000 / plan.hz());
    List<ConnectionConfig> connections = new ArrayList<>();
    List<TwinConfig> twins = new ArrayList<>();
    if (plan.protocol().equals("mqtt")) connections.add(ConnectionConfig.mqtt("broker", plan.mqttUri(), MqttVersion.V5));
    for (int r = 0; r < plan.rigs(); r++) {
      String twin = "rig-" + r;
      String connection = plan.protocol().equals("opcua") ? "plc-" + r : "broker";
      if (plan.protocol().equals("opcua")) {
        connections.add(ConnectionConfig.opcua(connection, "opc.tcp://127.0.0.1:" + (firstPort + r) + "/plc"));
      }
      List<Binding> bindings = new ArrayList<>();
      for (int s = 0; s < plan.signals(); s++) {
        String address = plan.protocol().equals("opcua")
            ? "nsu=urn:twinlab:plc;s=\"DB_Bench\".\"G" + (s / 200) + "\".\"S" + s + "\""
            : "bench/node-" + r + "/data#/f" + s;
        bindings.add(new Binding("farm.s" + s, new SignalRef(connection, address, 1000.0 / plan.hz()), Transform.IDENTITY, Optional.empty()));
      }
      twins.add(new TwinConfig(twin, model, new BindingSet(twin, model.id(), bindings)));
    }
    return new LabConfig("127.0.0.1", 0, data, 3, connections, twins);
  }

  static TwinModel farmModel(int signals, int periodMs) throws Exception {
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
    return ModelLoader.load("signal-farm (generated)", yaml.toString());
  }

  /** The followers watch as an examiner's screen would: logged in through the API, as an administrator made for the run. */
  private static String followerToken(Vertx vertx, TwinRuntime runtime) throws Exception {
    String password = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getInstanceStrong().generateSeed(16));
    runtime.accounts().add("bench-follower", org.twinlab.runtime.auth.Role.ADMIN, "Benchmark follower", password);
    HttpClient client = vertx.createHttpClient();
    try {
      String body = new io.vertx.core.json.JsonObject().put("user", "bench-follower").put("password", password).encode();
      var login = client.request(HttpMethod.POST, runtime.port(), "127.0.0.1", "/api/v1/login")
          .compose(req -> req.putHeader("Content-Type", "application/json").send(body)
              .compose(res -> res.body().map(b -> Map.entry(res.statusCode(), b.toString(StandardCharsets.UTF_8)))))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (login.getKey() != 200) throw new IllegalStateException("the followers' login answered " + login.getKey() + " " + login.getValue());
      return new io.vertx.core.json.JsonObject(login.getValue()).getString("token");
    } finally {
      client.close();
    }
  }

  private static long applied(TwinRuntime runtime) {
    return runtime.twins().all().stream().mapToLong(TwinVerticle::samplesApplied).sum();
  }

  /** One Server-Sent Events follower per twin; reads each event's value, the rig's wall-clock stamp. */
  private static final class Followers {
    private final int port;
    private final Plan plan;
    private final HttpClient client;
    final LongAdder events = new LongAdder();
    private final long[] lat;
    private int n;
    volatile boolean measuring;

    private final String token;

    Followers(Vertx vertx, int port, Plan plan, String token) {
      this.port = port;
      this.plan = plan;
      this.token = token;
      this.client = vertx.createHttpClient(new HttpClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(plan.rigs() + 4));
      this.lat = new long[(int) Math.min(20_000_000L, (long) plan.rigs() * plan.signals() * plan.hz() * (plan.seconds() + 2))];
    }

    void start() throws Exception {
      for (int r = 0; r < plan.rigs(); r++) {
        StringBuilder partial = new StringBuilder();
        String path = "/api/v1/twins/rig-" + r + "/stream";
        var res = client.request(HttpMethod.GET, port, "127.0.0.1", path)
            .compose(req -> req.putHeader("Authorization", "Bearer " + token).send())
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (res.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + res.statusCode());
        res.handler(buf -> onChunk(partial, buf.toString(StandardCharsets.UTF_8)));
      }
    }

    private void onChunk(StringBuilder partial, String chunk) {
      partial.append(chunk);
      long now = System.currentTimeMillis();
      int start = 0;
      int end;
      while ((end = partial.indexOf("\n\n", start)) >= 0) {
        if (measuring) record(partial, start, end, now);
        start = end + 2;
      }
      partial.delete(0, start);
    }

    private void record(StringBuilder partial, int from, int to, long now) {
      int v = partial.indexOf("\"value\":", from);
      if (v < 0 || v > to || partial.indexOf("event: property", from) != from) return;
      int s = v + 8;
      int e = s;
      while (e < to && "0123456789.-E".indexOf(partial.charAt(e)) >= 0) e++;
      if (e == s) return;
      events.increment();
      double stamp = Double.parseDouble(partial.substring(s, e));
      synchronized (this) {
        if (n < lat.length) lat[n++] = (long) ((now - stamp) * 1000);
      }
    }

    synchronized long[] latencies() {
      long[] copy = Arrays.copyOf(lat, n);
      Arrays.sort(copy);
      return copy;
    }

    void close() {
      client.close();
    }
  }

  /** The largest heap in use seen once a second. */
  private static final class HeapWatch {
    long maxUsed;

    void sample() {
      maxUsed = Math.max(maxUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
  }


  private static String str(int i) {
    return Integer.toString(i);
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
