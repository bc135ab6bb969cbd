package org.twinlab.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@link LoadGenerator} in a JVM of its own, so that its CPU is measured apart from ours. */
final class GeneratorProcess implements AutoCloseable {
  private final Process process;

  private GeneratorProcess(Process process) {
    this.process = process;
  }

  /** Starts the generator with its arguments and waits until it serves. */
  static GeneratorProcess start(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx2g", "-cp", classPath(), LoadGenerator.class.getName()));
    cmd.addAll(args);
    GeneratorProcess g = new GeneratorProcess(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    try {
      g.awaitReady();
    } catch (Exception e) {
      g.close();
      throw e;
    }
    return g;
  }

  long pid() {
    return process.pid();
  }

  private void awaitReady() throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY")) return;
    }
    throw new IllegalStateException("the load generator exited before it was ready");
  }

  /** Closing its standard input stops it. */
  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String classPath() throws Exception {
    return Path.of(GeneratorProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()
        + java.io.File.pathSeparator + System.getProperty("java.class.path");
  }
}
