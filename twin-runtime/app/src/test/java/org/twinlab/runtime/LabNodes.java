package org.twinlab.runtime;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runtime nodes of a clustered lab as separate processes on loopback, for the tests that run one:
 * each node's home holds its twinlab.yaml and cluster.yaml, its log is read to see which twins it
 * runs, and calls go to its HTTP API as one of the lab's accounts. Closing kills every node and
 * keeps their logs under target/ to read after a failure.
 */
final class LabNodes implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path dir;
  private final String logsTo;
  private final Map<String, Node> nodes = new LinkedHashMap<>();

  /** One runtime process, its HTTP port, its log and the tokens of those who logged in there. */
  static final class Node {
    final String name;
    final int httpPort;
    final Path home;
    Process process;
    Path log;
    final Map<String, String> tokens = new ConcurrentHashMap<>();

    Node(String name, int httpPort, Path home) {
      this.name = name;
      this.httpPort = httpPort;
      this.home = home;
    }

    boolean alive() {
      return process != null && process.isAlive();
    }
  }

  LabNodes(Path dir, String logsTo) {
    this.dir = dir;
    this.logsTo = logsTo;
  }

  Node add(String name, int httpPort) throws Exception {
    Node n = new Node(name, httpPort, Files.createDirectories(dir.resolve(name)));
    nodes.put(name, n);
    return n;
  }

  /** The lab secret every node of the tests' clusters shares. */
  static final String SECRET = "test-lab-secret-0123456789abcdef0123456789abcdef";

  /**
   * Writes the lab secret into a node's home, readable by its owner only, and returns the line of
   * cluster.yaml that names it.
   */
  static String labSecret(Path home) throws java.io.IOException {
    Path f = home.resolve("lab-secret");
    Files.deleteIfExists(f);
    Files.createFile(f, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(f, SECRET + "\n");
    return "secret_file: lab-secret";
  }

  /**
   * The cluster.yaml of a test node: the three-node cluster on loopback, one conveyor placed on each
   * node, the lab secret in its home; {@code more} lines (TLS, say) after it.
   */
  static void writeClusterFile(Path home, String node, int hazelcastPort, String members, String... more) throws java.io.IOException {
    java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(
        "node: " + node,
        "bind: {host: 127.0.0.1, port: " + hazelcastPort + "}",
        "members: [" + members + "]",
        "failure_detection: {heartbeat_seconds: 1, max_no_heartbeat_seconds: 5}",
        "placement:",
        "  n1: [conveyor-1]",
        "  n2: [conveyor-2]",
        "  n3: [conveyor-3]",
        "placement_wait_seconds: 60",
        labSecret(home)));
    lines.addAll(java.util.List.of(more));
    lines.add("");
    Files.writeString(home.resolve("cluster.yaml"), String.join("\n", lines));
  }

  /** Whether openssl is there to make the tests' certificates. */
  static boolean canMakeCertificates() {
    try {
      return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * A lab CA and one node certificate it signed (for 127.0.0.1), made with openssl in {@code dir}
   * once, as docs/cluster.md says to; returns the line of cluster.yaml that names them. Without
   * openssl the line is empty (the event bus is then plain TCP) unless TWINLAB_REQUIRE_PEERS=1.
   */
  static String labTls(Path dir) throws Exception {
    Path ca = dir.resolve("lab-ca.pem");
    if (!Files.exists(ca)) {
      if (!canMakeCertificates()) {
        if ("1".equals(System.getenv("TWINLAB_REQUIRE_PEERS"))) throw new AssertionError("openssl is needed to make the cluster's certificates");
        return "";
      }
      Files.writeString(dir.resolve("node.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n");
      openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "lab-ca-key.pem",
          "-out", "lab-ca.pem.tmp", "-days", "2", "-subj", "/CN=twinlab test lab CA");
      openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "node-key.pem",
          "-out", "node.csr", "-subj", "/CN=twinlab test node");
      openssl(dir, "x509", "-req", "-in", "node.csr", "-CA", "lab-ca.pem.tmp", "-CAkey", "lab-ca-key.pem", "-CAcreateserial",
          "-out", "node.pem", "-days", "2", "-extfile", "node.ext");
      java.nio.file.Files.setPosixFilePermissions(dir.resolve("node-key.pem"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      Files.move(dir.resolve("lab-ca.pem.tmp"), ca);
    }
    return "tls: {cert: '" + dir.resolve("node.pem") + "', key: '" + dir.resolve("node-key.pem") + "', ca: '" + ca + "'}";
  }

  static void openssl(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("openssl " + String.join(" ", args) + ": " + out);
  }

  Node get(String name) {
    return nodes.get(name);
  }

  List<String> names() {
    return List.copyOf(nodes.keySet());
  }

  /** Starts {@code twinlab serve --config twinlab.yaml --cluster cluster.yaml} in the node's home, from twinlab.jar once it is built. */
  void start(Node n) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    n.log = n.home.resolve("runtime-" + System.nanoTime() + ".log");
    n.tokens.clear();
    Path jar = Path.of("target", "twinlab.jar");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    if (Files.exists(jar)) cmd.addAll(List.of("-jar", jar.toString()));
    else cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.twinlab.cli.TwinlabCli"));
    cmd.addAll(List.of("serve", "--config", n.home.resolve("twinlab.yaml").toString(), "--cluster", n.home.resolve("cluster.yaml").toString()));
    n.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(n.log.toFile()).start();
  }

  void awaitUp(Node n) {
    // generous: three JVMs start Hazelcast, Vert.x and OPC UA clients at once on a machine that may be busy
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
      if (!n.process.isAlive()) throw new AssertionError(n.name + " exited: " + log(n));
      return status(n, "/api/v1/health") > 0;
    });
  }

  /** Kills a node as a crash would (SIGKILL: no goodbye to the cluster). */
  void kill(Node n) throws Exception {
    n.process.destroyForcibly();
    if (!n.process.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError(n.name + " did not die");
  }

  /** The living nodes whose logs say they run the twin now. */
  List<String> runners(String twin) throws Exception {
    List<String> out = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (!n.alive()) continue;
      String log = log(n);
      int on = log.lastIndexOf("running twin " + twin + " here");
      int off = log.lastIndexOf("twin " + twin + " runs elsewhere now");
      if (on >= 0 && on > off) out.add(n.name);
    }
    return out;
  }

  static String log(Node n) throws Exception {
    return n.log != null && Files.exists(n.log) ? Files.readString(n.log) : "";
  }

  /** A call to a node's API as a user, logged in there first. */
  HttpResponse<String> call(Node n, String user, String password, String method, String path, JsonObject body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token(n, user, password));
    if (body != null) b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(Node n, String user, String password) throws Exception {
    String known = n.tokens.get(user);
    if (known != null) return known;
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + "/api/v1/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user).put("password", password).encode()))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new AssertionError("login of " + user + " on " + n.name + ": " + r.statusCode() + " " + r.body());
    String token = new JsonObject(r.body()).getString("token");
    n.tokens.put(user, token);
    return token;
  }

  static int status(Node n, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public void close() throws Exception {
    // a failing assertion leaves nothing running: every node is killed
    for (Node n : nodes.values()) {
      if (n.process != null) {
        n.process.destroyForcibly();
        n.process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    Path kept = Files.createDirectories(Path.of("target", logsTo));
    for (Node n : nodes.values()) {
      try (var files = Files.list(n.home)) {
        for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
          Files.copy(log, kept.resolve(n.name + "-" + log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
