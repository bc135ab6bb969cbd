package org.twinlab.viewer.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.twinlab.testing.Peers;

/**
 * An Xvfb display of the tests' own, where the viewer renders with Mesa's software OpenGL (no GPU,
 * no screen). Without Xvfb or Mesa the tests skip, saying so, or fail where peers are required.
 */
final class VirtualScreen implements AutoCloseable {
  private final Process xvfb;
  private final String display;

  private VirtualScreen(Process xvfb, String display) {
    this.xvfb = xvfb;
    this.display = display;
  }

  static VirtualScreen start() throws Exception {
    boolean mesa = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"))
        || Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/dri/llvmpipe_dri.so"))
        || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/dri/swrast_dri.so"));
    Peers.require(new File("/usr/bin/Xvfb").canExecute() && mesa, "Xvfb and Mesa's software OpenGL",
        "apt-get install xvfb libgl1-mesa-dri libglx-mesa0");
    for (int n = 90; n < 200; n++) {
      if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) continue;
      Process p = new ProcessBuilder("/usr/bin/Xvfb", ":" + n, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < until && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) Thread.sleep(50);
      if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) return new VirtualScreen(p, ":" + n);
      p.destroyForcibly();
    }
    throw new IllegalStateException("no free X display between :90 and :199");
  }

  String display() {
    return display;
  }

  @Override
  public void close() throws Exception {
    xvfb.destroy();
    if (!xvfb.waitFor(5, TimeUnit.SECONDS)) xvfb.destroyForcibly();
  }
}
