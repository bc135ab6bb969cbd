package org.twinlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto started by the test on a free loopback port, with Nagle off and no queue
 * limit (the stock 1000-message limit drops QoS 1 for a slow subscriber: shared/bench).
 */
public final class MosquittoProcess implements AutoCloseable {
  private static final List<String> CANDIDATES = List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto");

  private final int port;
  private final Path config;
  private final boolean tls;
  private Process process;

  private MosquittoProcess(int port, Path config, boolean tls) {
    this.port = port;
    this.config = config;
    this.tls = tls;
  }

  public static String binary() {
    return CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
  }

  public static void requireInstalled() {
    Peers.require(binary() != null, "mosquitto", "install Debian's package: apt-get install mosquitto (.ci/run does)");
  }

  public static MosquittoProcess start() throws IOException, InterruptedException {
    return start(List.of("allow_anonymous true"));
  }

  /** With these access settings (e.g. {@code password_file}) in place of anonymous access. */
  public static MosquittoProcess start(List<String> access) throws IOException, InterruptedException {
    return start(access, List.of());
  }

  /**
   * A TLS listener: {@code tls} holds its settings ({@code cafile}, {@code certfile},
   * {@code keyfile}, {@code require_certificate true}); {@link #uri()} is then {@code ssl://}.
   */
  public static MosquittoProcess startTls(List<String> access, List<String> tls) throws IOException, InterruptedException {
    if (tls.isEmpty()) throw new IllegalArgumentException("a TLS listener needs at least certfile and keyfile");
    return start(access, tls);
  }

  private static MosquittoProcess start(List<String> access, List<String> listener) throws IOException, InterruptedException {
    int port = Ports.free();
    Path conf = Files.createTempFile("mosquitto-", ".conf");
    Files.writeString(conf, String.join("\n", access) + "\n" + String.join("\n",
        "listener " + port + " 127.0.0.1",
        String.join("\n", listener),
        "persistence false",
        "set_tcp_nodelay true",
        "max_queued_messages 0",
        "log_dest stderr",
        "log_type error",
        ""));
    MosquittoProcess m = new MosquittoProcess(port, conf, !listener.isEmpty());
    m.startProcess();
    return m;
  }

  /** A mosquitto password file with one account, made by Debian's mosquitto_passwd. */
  public static Path passwordFile(String user, String password) throws IOException, InterruptedException {
    Path file = Files.createTempFile("mosquitto-", ".passwd");
    Process p = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), user, password).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("mosquitto_passwd failed: " + output);
    return readableByTheBroker(file);
  }

  /** mosquitto started as root reads its files as the user mosquitto, so a test's file must be readable by others. */
  private static Path readableByTheBroker(Path file) throws IOException {
    return Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }

  public String uri() {
    return (tls ? "ssl://" : "tcp://") + "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized void stop() throws InterruptedException {
    if (process == null) return;
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    process = null;
  }

  public synchronized void startProcess() throws IOException, InterruptedException {
    if (process != null) return;
    process = new ProcessBuilder(binary(), "-c", config.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Ports.accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("mosquitto did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    Files.deleteIfExists(config);
  }
}
