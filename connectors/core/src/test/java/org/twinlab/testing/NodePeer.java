package org.twinlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the node-opcua peer scripts in src/test/node (installed there by the build's npm ci). */
public final class NodePeer {
  private static final Path DIR = Path.of(System.getProperty("twinlab.node.peer.dir", "src/test/node"));

  private NodePeer() {}

  public static void requireInstalled() {
    boolean node = canRun("node", "--version");
    Peers.require(node, "Node.js", "install Node.js 18 or later");
    Peers.require(Files.isDirectory(DIR.resolve("node_modules").resolve("node-opcua")), "node-opcua",
        "run 'npm ci' in connectors/core/src/test/node (mvn verify does this)");
  }

  /** Runs a script to its end and returns its standard output. */
  public static String run(long timeoutSeconds, String script, String... args) throws IOException, InterruptedException {
    Process p = start(script, args);
    p.getOutputStream().close();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
      throw new IllegalStateException(script + " did not finish in " + timeoutSeconds + " s");
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Starts a long-running script and waits for a line starting with READY; returns that line's rest. */
  public static Running startServer(long timeoutSeconds, String script, String... args) throws IOException, InterruptedException {
    return startServer(timeoutSeconds, java.util.Map.of(), script, args);
  }

  /** As {@link #startServer(long, String, String...)}, with environment variables (a secret stays off the command line). */
  public static Running startServer(long timeoutSeconds, java.util.Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    Process p = start(env, script, args);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      if (out.ready()) {
        String line = out.readLine();
        if (line == null) break;
        if (line.startsWith("READY ")) return new Running(p, line.substring(6).trim());
        seen.add(line);
      } else if (!p.isAlive()) {
        break;
      } else {
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException(script + " did not become ready: " + seen);
  }

  private static Process start(String script, String... args) throws IOException {
    return start(java.util.Map.of(), script, args);
  }

  private static Process start(java.util.Map<String, String> env, String script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("node", script));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
    b.environment().putAll(env);
    return b.start();
  }

  private static boolean canRun(String... cmd) {
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** A running peer server; closing it stops the process. */
  public record Running(Process process, String url) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
