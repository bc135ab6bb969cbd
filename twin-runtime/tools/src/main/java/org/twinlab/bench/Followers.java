package org.twinlab.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One Server-Sent Events follower per twin, as an examiner's screen would follow it, on a Vert.x of
 * its own so that its threads (and their CPU, which is the benchmark's and not the runtime's) can
 * be told apart. Reads each property event's value, the rig's wall-clock stamp: its age since the
 * rig made it, and the time since the runtime's connector handed it over.
 */
final class Followers implements AutoCloseable {
  /** Wall-clock milliseconds before 2001: no rig of this run made it. */
  private static final double NOT_A_STAMP = 1e12;
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
  private final int port;
  private final int rigs;
  private final LatencyProbe probe;
  private final HttpClient client;
  private final LongAdder[] eventsPerRig;
  private final Set<Long> threads = ConcurrentHashMap.newKeySet();
  final Latencies ages;
  final Latencies added;
  volatile boolean measuring;
  /** Characters of the stream received while measuring (the feed's text is ASCII but for non-ASCII names and values). */
  final LongAdder bytes = new LongAdder();

  /** @param probe the runtime's hand-overs when it runs in this process; null when it runs in another */
  Followers(int port, int rigs, long expectedEvents, LatencyProbe probe) {
    this.port = port;
    this.rigs = rigs;
    this.probe = probe;
    this.client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(rigs + 4));
    this.eventsPerRig = new LongAdder[rigs];
    for (int r = 0; r < rigs; r++) eventsPerRig[r] = new LongAdder();
    this.ages = new Latencies(expectedEvents);
    this.added = new Latencies(expectedEvents);
  }

  /** Logs in as the given user and opens every twin's stream. */
  void start(String user, String password) throws Exception {
    String token = login(user, password);
    for (int r = 0; r < rigs; r++) {
      int rig = r;
      StringBuilder partial = new StringBuilder();
      String path = "/api/v1/twins/rig-" + r + "/stream";
      var res = client.request(HttpMethod.GET, port, "127.0.0.1", path)
          .compose(req -> req.putHeader("Authorization", "Bearer " + token).send())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (res.statusCode() != 200) throw new BenchFailure("GET " + path + " answered " + res.statusCode());
      res.handler(buf -> onChunk(rig, partial, buf.toString(StandardCharsets.UTF_8)));
    }
  }

  private String login(String user, String password) throws Exception {
    String body = new JsonObject().put("user", user).put("password", password).encode();
    var login = client.request(HttpMethod.POST, port, "127.0.0.1", "/api/v1/login")
        .compose(req -> req.putHeader("Content-Type", "application/json").send(body)
            .compose(res -> res.body().map(b -> Map.entry(res.statusCode(), b.toString(StandardCharsets.UTF_8)))))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (login.getKey() != 200) throw new BenchFailure("the followers' login answered " + login.getKey() + " " + login.getValue());
    return new JsonObject(login.getValue()).getString("token");
  }

  private void onChunk(int rig, StringBuilder partial, String chunk) {
    threads.add(Thread.currentThread().getId());
    if (measuring) bytes.add(chunk.length());
    partial.append(chunk);
    long nowNanos = System.nanoTime();
    long nowMillis = System.currentTimeMillis();
    int start = 0;
    int end;
    while ((end = partial.indexOf("\n\n", start)) >= 0) {
      if (measuring) record(rig, partial, start, end, nowNanos, nowMillis);
      start = end + 2;
    }
    partial.delete(0, start);
  }

  private void record(int rig, StringBuilder partial, int from, int to, long nowNanos, long nowMillis) {
    int v = partial.indexOf("\"value\":", from);
    if (v < 0 || v > to || partial.indexOf("event: property", from) != from) return;
    int s = v + 8;
    int e = s;
    while (e < to && "0123456789.-E".indexOf(partial.charAt(e)) >= 0) e++;
    if (e == s) return;
    double stamp = Double.parseDouble(partial.substring(s, e));
    if (stamp < NOT_A_STAMP) return; // a value no running rig stamped, such as a quiet rig's first zeros, is not load
    eventsPerRig[rig].increment();
    ages.add((long) ((nowMillis - stamp) * 1000));
    Long handedOver = probe == null ? null : probe.handedOver(rig, (long) stamp);
    if (handedOver != null) added.add((nowNanos - handedOver) / 1000);
  }

  long events() {
    long sum = 0;
    for (LongAdder a : eventsPerRig) sum += a.sum();
    return sum;
  }

  /** The rigs whose follower received no property event while measuring. */
  java.util.List<Integer> silent() {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int r = 0; r < rigs; r++) if (eventsPerRig[r].sum() == 0) out.add(r);
    return out;
  }

  /** The followers' threads seen so far. */
  Set<Long> threadIds() {
    return Set.copyOf(threads);
  }

  /** CPU time the followers' threads have used so far. */
  long cpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : threads) sum += Math.max(0, mx.getThreadCpuTime(id));
    return sum;
  }

  @Override
  public void close() throws Exception {
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
