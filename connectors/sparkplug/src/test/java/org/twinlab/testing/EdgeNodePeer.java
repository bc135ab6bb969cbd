package org.twinlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Sparkplug B edge node of sparkplug-client (npm, independent of twinlab) run by
 * src/test/node/edge-node.mjs: a node metric Temperature (Float, alias 1) and a device with Level
 * (Int16, alias 10), Pump (Boolean, 11) and Setpoint (Float, 12). It takes JSON commands on its
 * standard input and prints what it did and what it was sent.
 */
public final class EdgeNodePeer implements AutoCloseable {
  /** Installed once, by the Sparkplug connector's build; twin-runtime's tests find it from their module. */
  private static final Path DIR = Path.of(System.getProperty("twinlab.sparkplug.peer.dir", java.util.stream.Stream.of(
      "src/test/node", "../../connectors/sparkplug/src/test/node").filter(d -> Files.isRegularFile(Path.of(d, "edge-node.mjs")))
      .findFirst().orElse("src/test/node")));

  private final Process process;
  private final Writer in;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private EdgeNodePeer(Process process) {
    this.process = process;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
      } catch (IOException e) {
        // the process ended
      }
    }, "edge-node-peer-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static void requireInstalled() {
    Peers.require(canRun("node", "--version"), "Node.js", "install Node.js 18 or later");
    Peers.require(Files.isDirectory(DIR.resolve("node_modules").resolve("sparkplug-client")), "sparkplug-client",
        "run 'npm ci' in connectors/sparkplug/src/test/node (mvn verify does this)");
  }

  /** Starts the node and waits until its first births are out. */
  public static EdgeNodePeer start(String brokerUri, String group, String node, String device) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("node", "edge-node.mjs", brokerUri, group, node, device).directory(DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    EdgeNodePeer peer = new EdgeNodePeer(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (peer.lines.stream().noneMatch(l -> l.startsWith("READY"))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException("the edge node did not publish its birth: " + peer.lines);
      }
      Thread.sleep(20);
    }
    return peer;
  }

  /** Sends one command, e.g. {@code {"op":"ndata","metrics":[...]}}. */
  public void send(String json) throws IOException {
    in.write(json + "\n");
    in.flush();
  }

  /** What it printed so far. */
  public List<String> lines() {
    return new ArrayList<>(lines);
  }

  public long births() {
    return lines.stream().filter(l -> l.startsWith("READY") || l.startsWith("BIRTH")).count();
  }

  /** Ends the process as a crash would (SIGKILL): the broker publishes the node's will, its NDEATH. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
  }

  private static boolean canRun(String... cmd) {
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
