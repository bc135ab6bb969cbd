package org.twinlab.runtime;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.twinlab.testing.Ports;

/**
 * {@code twinlab demo} in a process of its own on a data directory, so a test can kill it as a
 * crash would (SIGKILL: no shutdown hook runs) and start it again on the same data. It speaks to the
 * API as the demo's own accounts, whose passwords the demo keeps in its data directory.
 */
public final class DemoProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path data;
  private final Process process;
  private final int port;
  private final Map<String, String> tokens = new HashMap<>();

  private DemoProcess(Path data, Process process, int port) {
    this.data = data;
    this.process = process;
    this.port = port;
  }

  /** Starts the demo and waits until its health answers UP. */
  public static DemoProcess start(Path data) throws Exception {
    return start(data, 200);
  }

  /** Starts the demo and waits until its health answers, UP or not (a runtime that starts degraded, and says why). */
  public static DemoProcess startDegraded(Path data) throws Exception {
    return start(data, -1);
  }

  private static DemoProcess start(Path data, int health) throws Exception {
    int port = Ports.free();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.twinlab.cli.TwinlabCli", "demo",
        "--port", String.valueOf(port), "--data", data.toString(), "--mqtt-port", String.valueOf(Ports.free()),
        "--opcua-port", String.valueOf(Ports.free()))
        .redirectErrorStream(true).redirectOutput(new File(data.getParent().toFile(), "runtime-" + port + ".log")).start();
    DemoProcess demo = new DemoProcess(data, p, port);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      int status = demo.status("/api/v1/health");
      return health < 0 ? status > 0 : status == health;
    });
    // a script logs in as soon as health answers: the demo's accounts must be there by then
    org.assertj.core.api.Assertions.assertThat(data.resolve("demo-accounts.txt")).as("the demo's accounts file once health answers").exists();
    return demo;
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /** Kills the process as a crash would: no shutdown hook, no flush. */
  public void crash() throws Exception {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IllegalStateException("the demo did not die");
  }

  /** An API call as a demo account; the answer's status and body. */
  public HttpResponse<String> call(String user, String method, String path, JsonObject body) throws Exception {
    // generous: an answer worked out at length (the coverage report) comes late on a busy machine
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(180))
        .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public JsonObject json(String user, String method, String path, JsonObject body) throws Exception {
    HttpResponse<String> r = call(user, method, path, body);
    if (r.statusCode() / 100 != 2) throw new AssertionError(method + " " + path + " as " + user + ": " + r.statusCode() + " " + r.body());
    return new JsonObject(r.body());
  }

  private int status(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private String token(String user) throws Exception {
    if (tokens.containsKey(user)) return tokens.get(user);
    String password = Files.readAllLines(data.resolve("demo-accounts.txt")).stream().filter(l -> l.startsWith(user + "\t"))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo account " + user)).split("\t")[2];
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/login"))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user).put("password", password).encode()))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new AssertionError("login of " + user + ": " + r.statusCode() + " " + r.body());
    String token = new JsonObject(r.body()).getString("token");
    tokens.put(user, token);
    return token;
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
