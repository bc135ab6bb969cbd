package org.twinlab.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Role;

/**
 * What a clustered hop costs. Two nodes of one lab on loopback, each a {@code twinlab serve
 * --cluster} JVM of its own (so each one's CPU is read apart), every twin placed on n1, OPC UA
 * signal-farm rigs in a third process. First a live-feed follower per twin on n1 alone; then one
 * more per twin on n2, which n2 serves through its one link per twin to n1. Reports each node's CPU
 * per sample in both, the sample's age at each follower and what the hop adds, then {@code GET
 * /api/v1/twins/{id}} answered by n1 itself and by n2 asking n1. Fails when a follower heard
 * nothing or a call was refused: a figure of nothing is not printed.
 */
public final class ClusterBench {
  private static final String SECRET = java.util.HexFormat.of().formatHex(randomBytes());

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  private static final String CLI = "org.twinlab.cli.TwinlabCli";
  private static final String USER = "bench-follower";

  /**
   * What to run: rigs of signals at hz; seconds per phase; calls: seconds of API calls per node;
   * clients: callers at once; quietRigs: how many rigs never change (normally none), to see the run fail.
   */
  public record Plan(int rigs, int signals, int hz, int seconds, int warmup, int callSeconds, int clients, int quietRigs) {
    long expectedPerSecond() {
      return (long) rigs * signals * hz;
    }
  }

  /** One node's CPU in one phase. */
  public record NodeCpu(double microsPerSample, double cores) {}

  /** One node's answers to GET /api/v1/twins/{id}. */
  public record Calls(long calls, double perSecond, double p50Ms, double p99Ms) {}

  public record Result(Plan plan, double samplesPerSecond, NodeCpu ownerAlone, NodeCpu otherAlone, NodeCpu owner, NodeCpu other,
      double localP50Ms, double localP99Ms, double remoteP50Ms, double remoteP99Ms, double bytesPerEvent, Calls localCalls, Calls remoteCalls,
      double machineBusy) {

    public String report() {
      return String.format(Locale.ROOT, """
          nodes=2 (n1 runs every twin) rigs=%d signals/rig=%d hz=%d seconds=%d per phase, on loopback
          samples/s                 %,.0f (property events at the follower on n1; %,d expected)
          followers on n1 only      n1 %.2f us CPU per sample (%.0f %% of one core), n2 %.2f us (%.0f %%, a member with nothing to do); before and after the next
          followers on n1 and n2    n1 %.2f us CPU per sample (%.0f %%), n2 %.2f us (%.0f %%)
          what the hop costs        n1 %+.2f us per sample (encoding once and sending to n2), n2 %+.2f us per sample (receiving, writing its followers)
          source -> SSE on n1       p50 %.1f ms  p99 %.1f ms
          source -> SSE on n2       p50 %.1f ms  p99 %.1f ms
          added by the hop          p50 %+.1f ms  p99 %+.1f ms
          feed text per sample      %.0f bytes at the follower on n2 (what crosses to n2 per sample, plus about 40 bytes of frame index)
          GET /twins/{id} on n1     %,d calls, %,.0f calls/s, p50 %.2f ms  p99 %.2f ms (answered by n1 itself; %d callers)
          GET /twins/{id} on n2     %,d calls, %,.0f calls/s, p50 %.2f ms  p99 %.2f ms (n2 asks n1 over the clustered event bus)
          machine busy              %.0f %% of all cores while both nodes' followers ran""",
          plan.rigs, plan.signals, plan.hz, plan.seconds, samplesPerSecond, plan.expectedPerSecond(),
          ownerAlone.microsPerSample, 100 * ownerAlone.cores, otherAlone.microsPerSample, 100 * otherAlone.cores,
          owner.microsPerSample, 100 * owner.cores, other.microsPerSample, 100 * other.cores,
          owner.microsPerSample - ownerAlone.microsPerSample, other.microsPerSample - otherAlone.microsPerSample,
          localP50Ms, localP99Ms, remoteP50Ms, remoteP99Ms, remoteP50Ms - localP50Ms, remoteP99Ms - localP99Ms, bytesPerEvent,
          localCalls.calls, localCalls.perSecond, localCalls.p50Ms, localCalls.p99Ms, plan.clients,
          remoteCalls.calls, remoteCalls.perSecond, remoteCalls.p50Ms, remoteCalls.p99Ms, 100 * machineBusy);
    }
  }

  private ClusterBench() {}

  public static Result run(Plan plan) throws Exception {
    int firstPort = IngestBench.freePorts(plan.rigs());
    Path dir = Files.createTempDirectory("twinlab-bench-cluster");
    String password = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getInstanceStrong().generateSeed(16));
    List<Node> nodes = new ArrayList<>();
    try (GeneratorProcess rigs = GeneratorProcess.start(BenchRigs.generatorArgs("opcua", firstPort, null, plan.rigs(), plan.signals(), plan.hz(), plan.quietRigs()))) {
      int[] hazelcast = {freePort(), freePort()};
      for (int i = 0; i < 2; i++) nodes.add(Node.write(dir, "n" + (i + 1), freePort(), hazelcast[i], hazelcast, plan, firstPort, password));
      for (Node n : nodes) n.start();
      try {
        Result result = measure(plan, nodes.get(0), nodes.get(1), password);
        for (Node n : nodes) n.stop();
        deleteTree(dir); // kept when the run failed, for its logs
        return result;
      } catch (BenchFailure e) {
        throw new BenchFailure(e.getMessage() + " (the nodes' logs: " + dir + "/n1/node.log, " + dir + "/n2/node.log)");
      } finally {
        for (Node n : nodes) n.stop();
      }
    }
  }

  private static Result measure(Plan plan, Node owner, Node other, String password) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String ownerToken = owner.awaitLogin(http, password);
    String otherToken = other.awaitLogin(http, password);
    // every twin answers on n2 once n1 runs it and its rig's values have come
    for (int r = 0; r < plan.rigs(); r++) other.awaitTwin(http, otherToken, "rig-" + r, owner);
    long expected = plan.expectedPerSecond() * (plan.seconds() + 2);

    // n1's followers alone before and after both nodes' followers, so that the JIT settling and the machine's load drifting weigh on both sides
    Phase before = alone(plan, owner, other, password, expected);
    Followers local = new Followers(owner.http, plan.rigs(), expected, null);
    Followers remote = new Followers(other.http, plan.rigs(), expected, null);
    Phase b;
    try {
      local.start(USER, password);
      remote.start(USER, password);
      Thread.sleep(plan.warmup() * 1000L);
      b = Phase.run(plan, owner, other, local, remote);
    } finally {
      local.close();
      remote.close();
    }
    Phase after = alone(plan, owner, other, password, expected);
    Phase a = before.and(after);
    Calls localCalls = calls(http, owner, ownerToken, plan);
    Calls remoteCalls = calls(http, other, otherToken, plan);
    long[] l = local.ages.sorted();
    long[] r = remote.ages.sorted();
    return new Result(plan, a.samples / a.seconds, a.cpu(a.ownerNanos), a.cpu(a.otherNanos), b.cpu(b.ownerNanos), b.cpu(b.otherNanos),
        Latencies.percentileMs(l, 0.5), Latencies.percentileMs(l, 0.99), Latencies.percentileMs(r, 0.5), Latencies.percentileMs(r, 0.99),
        (double) remote.bytes.sum() / remote.events(), localCalls, remoteCalls, b.machineBusy);
  }

  /** A follower per twin on n1 only, measured after the warm-up. */
  private static Phase alone(Plan plan, Node owner, Node other, String password, long expected) throws Exception {
    Followers alone = new Followers(owner.http, plan.rigs(), expected, null);
    try {
      alone.start(USER, password);
      Thread.sleep(plan.warmup() * 1000L);
      return Phase.run(plan, owner, other, alone, null);
    } finally {
      alone.close();
    }
  }

  /** One measured stretch: the samples the follower on n1 heard, and each node's CPU meanwhile. */
  private record Phase(long samples, double seconds, long ownerNanos, long otherNanos, double machineBusy) {
    /** Two stretches as one. */
    Phase and(Phase o) {
      return new Phase(samples + o.samples, seconds + o.seconds, ownerNanos + o.ownerNanos, otherNanos + o.otherNanos,
          (machineBusy * seconds + o.machineBusy * o.seconds) / (seconds + o.seconds));
    }

    static Phase run(Plan plan, Node owner, Node other, Followers onOwner, Followers onOther) throws Exception {
      long eventsBefore = onOwner.events();
      long ownerBefore = processNanos(owner.pid());
      long otherBefore = processNanos(other.pid());
      CpuClock before = CpuClock.read(0);
      onOwner.measuring = true;
      if (onOther != null) onOther.measuring = true;
      Thread.sleep(plan.seconds() * 1000L);
      onOwner.measuring = false;
      if (onOther != null) onOther.measuring = false;
      CpuClock after = CpuClock.read(0);
      long samples = onOwner.events() - eventsBefore;
      for (Followers f : onOther == null ? List.of(onOwner) : List.of(onOwner, onOther)) {
        if (f.events() == 0) throw new BenchFailure("nothing was measured: no live-feed follower on " + (f == onOwner ? "n1" : "n2") + " received a property event");
        List<Integer> silent = f.silent();
        if (!silent.isEmpty()) {
          throw new BenchFailure(silent.size() + " of " + plan.rigs() + " followers on " + (f == onOwner ? "n1" : "n2")
              + " received no property event while measuring, first rig-" + silent.get(0));
        }
      }
      return new Phase(samples, (after.wallNanos() - before.wallNanos()) / 1e9, processNanos(owner.pid()) - ownerBefore,
          processNanos(other.pid()) - otherBefore, before.machineBusy(after));
    }

    NodeCpu cpu(long nanos) {
      return new NodeCpu(nanos / 1e3 / samples, nanos / (seconds * 1e9));
    }
  }

  /** GET /api/v1/twins/{id} from several callers at once for the plan's seconds, round the twins. */
  private static Calls calls(HttpClient http, Node n, String token, Plan plan) throws Exception {
    Latencies latencies = new Latencies(5_000_000);
    AtomicLong calls = new AtomicLong();
    AtomicReference<String> refused = new AtomicReference<>();
    long until = System.nanoTime() + plan.callSeconds() * 1_000_000_000L;
    long started = System.nanoTime();
    ExecutorService callers = Executors.newFixedThreadPool(plan.clients());
    try {
      for (int c = 0; c < plan.clients(); c++) {
        int first = c;
        callers.submit(() -> {
          for (long i = first; System.nanoTime() < until && refused.get() == null; i++) {
            String twin = "rig-" + (i % plan.rigs());
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.http + "/api/v1/twins/" + twin))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
              if (res.statusCode() != 200) {
                refused.compareAndSet(null, "GET /api/v1/twins/" + twin + " on " + n.name + " answered " + res.statusCode() + " " + res.body());
                return;
              }
            } catch (Exception e) {
              refused.compareAndSet(null, "GET /api/v1/twins/" + twin + " on " + n.name + ": " + e);
              return;
            }
            latencies.add((System.nanoTime() - t0) / 1000);
            calls.incrementAndGet();
          }
        });
      }
    } finally {
      callers.shutdown();
      callers.awaitTermination(plan.callSeconds() + 60L, TimeUnit.SECONDS);
    }
    if (refused.get() != null) throw new BenchFailure(refused.get());
    if (calls.get() == 0) throw new BenchFailure("nothing was measured: no GET /api/v1/twins/{id} on " + n.name + " was answered");
    long[] sorted = latencies.sorted();
    double secs = (System.nanoTime() - started) / 1e9;
    return new Calls(calls.get(), calls.get() / secs, Latencies.percentileMs(sorted, 0.5), Latencies.percentileMs(sorted, 0.99));
  }

  /** CPU time a process has used, from /proc (Linux): the nodes' figures are theirs alone. */
  static long processNanos(long pid) {
    try {
      String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // jiffies of 10 ms
    } catch (Exception e) {
      throw new BenchFailure("cannot read the CPU time of process " + pid + " (/proc: Linux only): " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** One node: its home (lab, model, bindings, cluster.yaml, an account), its process and its log. */
  private static final class Node {
    final String name;
    final int http;
    final Path home;
    Process process;

    private Node(String name, int http, Path home) {
      this.name = name;
      this.http = http;
      this.home = home;
    }

    static Node write(Path dir, String name, int http, int hazelcast, int[] all, Plan plan, int firstPort, String password) throws Exception {
      Path home = Files.createDirectories(dir.resolve(name));
      Files.writeString(home.resolve("farm.yaml"), IngestBench.farmModelYaml(plan.signals(), 1000 / plan.hz()));
      StringBuilder lab = new StringBuilder("http: {bind: 127.0.0.1, port: " + http + "}\ndata: data\nconnections:\n");
      StringBuilder twins = new StringBuilder("twins:\n");
      List<String> ids = new ArrayList<>();
      for (int r = 0; r < plan.rigs(); r++) {
        String twin = "rig-" + r;
        ids.add(twin);
        lab.append("  - {id: plc-").append(r).append(", opcua: 'opc.tcp://127.0.0.1:").append(firstPort + r).append("/plc'}\n");
        twins.append("  - {id: ").append(twin).append(", model_file: farm.yaml, bindings: ").append(twin).append(".yaml}\n");
        StringBuilder b = new StringBuilder("twin: " + twin + "\nmodel: signal-farm\nbindings:\n");
        for (int s = 0; s < plan.signals(); s++) {
          b.append("  - {property: farm.s").append(s).append(", connection: plc-").append(r).append(", address: '")
              .append(BenchRigs.opcuaNode(s)).append("', sampling_ms: ").append(1000 / plan.hz()).append("}\n");
        }
        Files.writeString(home.resolve(twin + ".yaml"), b);
      }
      Files.writeString(home.resolve("twinlab.yaml"), lab.append(twins));
      Files.writeString(home.resolve("cluster.yaml"), String.join("\n",
          "node: " + name,
          "bind: {host: 127.0.0.1, port: " + hazelcast + "}",
          "members: [127.0.0.1:" + all[0] + ", 127.0.0.1:" + all[1] + "]",
          "placement:",
          "  n1: [" + String.join(", ", ids) + "]",
          "placement_wait_seconds: 60",
          "secret_file: lab-secret",
          ""));
      // the nodes' lab secret, the same for both (one per run), readable by its owner only
      Path secret = home.resolve("lab-secret");
      Files.createFile(secret, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      Files.writeString(secret, SECRET);
      Path data = Files.createDirectories(home.resolve("data"));
      Accounts.open(data, Clock.systemUTC()).add(USER, Role.ADMIN, "Benchmark follower", password);
      return new Node(name, http, home);
    }

    void start() throws Exception {
      String javaBinary = ProcessHandle.current().info().command().orElse("java");
      String cp = Path.of(ClusterBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + java.io.File.pathSeparator
          + System.getProperty("java.class.path");
      process = new ProcessBuilder(javaBinary, "-Xmx1g", "-cp", cp, CLI, "serve", "--config", home.resolve("twinlab.yaml").toString(),
          "--cluster", home.resolve("cluster.yaml").toString()).redirectErrorStream(true).redirectOutput(home.resolve("node.log").toFile()).start();
    }

    long pid() {
      return process.pid();
    }

    String awaitLogin(HttpClient http, String password) throws Exception {
      String body = new JsonObject().put("user", USER).put("password", password).encode();
      long until = System.nanoTime() + 180_000_000_000L;
      String last = "no answer";
      while (System.nanoTime() < until) {
        if (!process.isAlive()) throw new BenchFailure("node " + name + " exited: see " + home.resolve("node.log"));
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.http + "/api/v1/login"))
              .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) return new JsonObject(r.body()).getString("token");
          last = r.statusCode() + " " + r.body();
        } catch (java.io.IOException notYet) {
          last = notYet.toString();
        }
        Thread.sleep(300);
      }
      throw new BenchFailure("node " + name + " did not let the bench log in within 180 s: " + last);
    }

    void awaitTwin(HttpClient http, String token, String twin, Node owner) throws Exception {
      long until = System.nanoTime() + 120_000_000_000L;
      String last = "no answer";
      while (System.nanoTime() < until) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.http + "/api/v1/twins/" + twin))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"GOOD\"")) return;
        last = r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
        Thread.sleep(500);
      }
      throw new BenchFailure("twin " + twin + " was not GOOD through " + name + " (run by " + owner.name + ") within 120 s: " + last);
    }

    void stop() throws Exception {
      if (process == null || !process.isAlive()) return;
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
