package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Role;
import org.twinlab.sim.ConveyorSortingSim;
import org.twinlab.testing.Ports;
import org.twinlab.testing.SimulatedPlc;

/**
 * A clustered lab of three runtime processes on loopback, Hazelcast members on free ports, three
 * conveyor stations on their own OPC UA servers: each twin runs on exactly the node placement
 * names, every node serves every twin, and when one node is killed (SIGKILL: no goodbye to the
 * cluster) the others take its twin over and it is GOOD and moving again; the node started again
 * takes nothing back. The live feed of the twin on the node that is killed is followed on both
 * other nodes: each gets its changes while it runs there, and, on the same stream, its changes
 * again once the heir runs it (one of the followers is then on the heir itself, the other on a
 * third node, so both ways a followed twin can move are held).
 * The nodes share the lab secret and their event bus runs over TLS with client certificates from
 * one lab CA (made with openssl; plain TCP where there is none), as docs/cluster.md says to set up.
 * That a node which comes back takes nothing back is {@code PlacementTest}'s: starting a fourth JVM
 * here would double the test's time on a busy machine.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterIT {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterIT.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String PASSWORD = "cluster-exam-pass-1";
  private static final List<String> NODES = List.of("n1", "n2", "n3");
  private static final List<String> TWINS = List.of("conveyor-1", "conveyor-2", "conveyor-3");

  @TempDir
  Path dir;

  private final List<SimulatedPlc> plcs = new ArrayList<>();
  private final Map<String, Node> nodes = new HashMap<>();

  /** One runtime process, its HTTP port and its log. */
  private static final class Node {
    final String name;
    final int httpPort;
    Process process;
    Path log;
    String token;

    Node(String name, int httpPort) {
      this.name = name;
      this.httpPort = httpPort;
    }
  }

  @AfterEach
  void killEverything() throws Exception {
    // a failing assertion leaves nothing running: every node is killed, every simulated PLC closed
    for (Node n : nodes.values()) {
      if (n.process != null) {
        n.process.destroyForcibly();
        n.process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    for (SimulatedPlc p : plcs) p.close();
    // the nodes' logs are kept where the build's reports are, to read after a failure
    Path kept = Files.createDirectories(Path.of("target", "cluster-it"));
    try (var logs = Files.list(dir)) {
      for (Path home : logs.filter(Files::isDirectory).toList()) {
        try (var files = Files.list(home)) {
          for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
            Files.copy(log, kept.resolve(home.getFileName() + "-" + log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  @Test
  void eachTwinRunsOnOneNodeEveryNodeServesItAndADeadNodesTwinIsTakenOver() throws Exception {
    for (int i = 0; i < TWINS.size(); i++) plcs.add(SimulatedPlc.onFreePort(new ConveyorSortingSim(i + 1, true)));
    List<Integer> hazelcastPorts = List.of(Ports.free(), Ports.free(), Ports.free());
    String members = String.join(", ", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    for (int i = 0; i < NODES.size(); i++) {
      Node n = new Node(NODES.get(i), Ports.free());
      nodes.put(n.name, n);
      writeNode(n, hazelcastPorts.get(i), members);
    }
    for (String name : NODES) start(nodes.get(name));
    for (String name : NODES) awaitUp(nodes.get(name));

    // placement: conveyor-i on node i, and on no other
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      for (int i = 0; i < TWINS.size(); i++) assertThat(runners(TWINS.get(i))).containsExactly(NODES.get(i));
    });
    // every node serves every twin, GOOD and moving
    for (String name : NODES) {
      for (String twin : TWINS) awaitGoodAndMoving(nodes.get(name), twin, Duration.ofSeconds(60));
      JsonArray list = new JsonArray(call(nodes.get(name), "/api/v1/twins").body());
      assertThat(list.stream().map(t -> ((JsonObject) t).getString("id")).toList()).containsExactlyInAnyOrderElementsOf(TWINS);
    }
    // a node's health speaks of the rigs it connects to: those of the twins it runs
    for (String name : NODES) {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> status(nodes.get(name), "/api/v1/health") == 200);
    }
    // and each twin's access rules hold on every node: no token, no twin
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodes.get("n1").httpPort + "/api/v1/twins/conveyor-2"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);

    // conveyor-2's live feed from n1 and n3, which do not run it: its state, then its changes from n2
    Map<String, SseFollower> followers = new HashMap<>();
    for (String name : List.of("n1", "n3")) followers.put(name, SseFollower.open(nodes.get(name), "conveyor-2", token(nodes.get(name))));
    for (SseFollower f : followers.values()) f.awaitMoving(0, Duration.ofSeconds(30));

    // n2 dies as a crash would; its conveyor goes to n1 or n3 and is GOOD and moving again there
    Node dead = nodes.get("n2");
    Map<String, Integer> beforeKill = new HashMap<>();
    followers.forEach((name, f) -> beforeKill.put(name, f.positions.size()));
    long killed = System.nanoTime();
    dead.process.destroyForcibly();
    assertThat(dead.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(runners("conveyor-2")).hasSize(1).doesNotContain("n2"));
    String heir = runners("conveyor-2").get(0);
    awaitGoodAndMoving(nodes.get(heir), "conveyor-2", Duration.ofSeconds(45));
    long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
    LOG.info("conveyor-2 taken over by {} and GOOD again {} ms after n2 was killed", heir, takeoverMs);
    String other = heir.equals("n1") ? "n3" : "n1";
    awaitGoodAndMoving(nodes.get(other), "conveyor-2", Duration.ofSeconds(30));
    assertThat(runners("conveyor-1")).containsExactly("n1");
    assertThat(runners("conveyor-3")).containsExactly("n3");
    // the followers never reconnected: the same streams carry the heir's changes
    for (String name : List.of("n1", "n3")) {
      SseFollower f = followers.get(name);
      f.awaitMoving(beforeKill.get(name), Duration.ofSeconds(30));
      assertThat(f.connections).as(name + " follower").isEqualTo(1);
      LOG.info("the follower on {} ({} the heir) had conveyor-2's changes again {} ms after n2 was killed", name,
          name.equals(heir) ? "on" : "not on", (f.arrivals.get(beforeKill.get(name)) - killed) / 1_000_000);
      f.close();
    }
  }

  /** One Server-Sent Events follower of a twin's belt position, on one node; it does not reconnect. */
  private static final class SseFollower {
    final List<Long> positions = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile int connections;
    private volatile java.util.concurrent.CompletableFuture<?> response;

    static SseFollower open(Node n, String twin, String token) {
      SseFollower f = new SseFollower();
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + "/api/v1/twins/" + twin + "/stream"))
          .header("Authorization", "Bearer " + token).build();
      f.response = HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
        if (r.statusCode() != 200) throw new AssertionError(n.name + " stream: " + r.statusCode());
        f.connections++;
        r.body().forEach(f::line);
      });
      return f;
    }

    private void line(String line) {
      if (!line.startsWith("data: ")) return;
      JsonObject change = new JsonObject(line.substring("data: ".length()));
      if ("belt.encoder_position".equals(change.getString("property")) && change.getValue("value") instanceof Number v) {
        arrivals.add(System.nanoTime());
        positions.add(v.longValue());
      }
    }

    /** Positions after the first {@code from}: at least two that differ, so the twin moves on this stream. */
    void awaitMoving(int from, Duration within) {
      await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        if (response.isCompletedExceptionally()) response.join();
        List<Long> since = positions.subList(Math.min(from, positions.size()), positions.size());
        assertThat(since.stream().distinct().count()).as("distinct belt positions since " + from).isGreaterThanOrEqualTo(2);
      });
    }

    void close() {
      response.cancel(true);
    }
  }

  private void writeNode(Node n, int hazelcastPort, String members) throws Exception {
    Path home = Files.createDirectories(dir.resolve(n.name));
    StringBuilder lab = new StringBuilder("http: {bind: 127.0.0.1, port: " + n.httpPort + "}\ndata: data\nconnections:\n");
    for (int i = 0; i < TWINS.size(); i++) lab.append("  - {id: plc-").append(i + 1).append(", opcua: '").append(plcs.get(i).server.endpointUrl()).append("'}\n");
    lab.append("twins:\n");
    for (int i = 0; i < TWINS.size(); i++) {
      String twin = TWINS.get(i);
      lab.append("  - {id: ").append(twin).append(", model: conveyor-sorting, bindings: ").append(twin).append(".yaml}\n");
      Files.writeString(home.resolve(twin + ".yaml"), String.join("\n",
          "twin: " + twin,
          "model: conveyor-sorting",
          "bindings:",
          "  - {property: belt.encoder_position, connection: plc-" + (i + 1) + ", address: '" + plcs.get(i).address("belt.encoder_position") + "'}",
          "  - {property: belt.running, connection: plc-" + (i + 1) + ", address: '" + plcs.get(i).address("belt.running") + "'}",
          ""));
    }
    Files.writeString(home.resolve("twinlab.yaml"), lab.toString());
    LabNodes.writeClusterFile(home, n.name, hazelcastPort, members, LabNodes.labTls(dir));
    Path data = Files.createDirectories(home.resolve("data"));
    Accounts.open(data, Clock.systemUTC()).add("train1", Role.TRAINER, "Trainer One", PASSWORD);
  }

  private void start(Node n) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path home = dir.resolve(n.name);
    n.log = home.resolve("runtime-" + System.nanoTime() + ".log");
    n.token = null;
    n.process = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.twinlab.cli.TwinlabCli", "serve",
        "--config", home.resolve("twinlab.yaml").toString(), "--cluster", home.resolve("cluster.yaml").toString())
        .redirectErrorStream(true).redirectOutput(n.log.toFile()).start();
  }

  private void awaitUp(Node n) {
    // generous: three JVMs start Hazelcast, Vert.x and OPC UA clients at once on a machine that may be busy
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
      if (!n.process.isAlive()) throw new AssertionError(n.name + " exited: " + log(n));
      return status(n, "/api/v1/health") > 0;
    });
  }

  /** The living nodes whose logs say they run the twin now. */
  private List<String> runners(String twin) throws Exception {
    List<String> out = new ArrayList<>();
    for (String name : NODES) {
      Node n = nodes.get(name);
      if (n.process == null || !n.process.isAlive()) continue;
      String log = log(n);
      int on = log.lastIndexOf("running twin " + twin + " here");
      int off = log.lastIndexOf("twin " + twin + " runs elsewhere now");
      if (on >= 0 && on > off) out.add(name);
    }
    return out;
  }

  private void awaitGoodAndMoving(Node n, String twin, Duration within) {
    long[] first = {Long.MIN_VALUE};
    await().atMost(within).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      HttpResponse<String> r = call(n, "/api/v1/twins/" + twin);
      assertThat(r.statusCode()).as(n.name + " " + twin + ": " + r.body()).isEqualTo(200);
      JsonObject position = property(new JsonObject(r.body()), "belt.encoder_position").orElseThrow();
      assertThat(position.getString("quality")).as(n.name + " " + twin).isEqualTo("GOOD");
      long value = position.getLong("value");
      if (first[0] == Long.MIN_VALUE) first[0] = value;
      assertThat(value).as(n.name + " " + twin + " moving").isNotEqualTo(first[0]);
    });
  }

  private static Optional<JsonObject> property(JsonObject twin, String name) {
    return Optional.ofNullable(twin.getJsonObject("values").getJsonObject(name));
  }

  private static String log(Node n) throws Exception {
    return Files.exists(n.log) ? Files.readString(n.log) : "";
  }

  private HttpResponse<String> call(Node n, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token(n)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(Node n) throws Exception {
    if (n.token != null) return n.token;
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + "/api/v1/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", "train1").put("password", PASSWORD).encode()))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new AssertionError("login on " + n.name + ": " + r.statusCode() + " " + r.body());
    n.token = new JsonObject(r.body()).getString("token");
    return n.token;
  }

  private static int status(Node n, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
