package org.twinlab.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system for a test (a tmpfs of a few MB) that can be filled up and freed again:
 * what a full disk does to the runtime. Mounting needs root; elsewhere the test is skipped and says why.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path dir;
  private final Path filler;

  private SmallDisk(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve("filler.bin");
  }

  /** Mounts a tmpfs of {@code size} (as mount takes it: "3m") on {@code dir}, or skips the test. */
  public static SmallDisk mount(Path dir, String size) throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "a tmpfs can only be mounted as root; running as "
        + System.getProperty("user.name"));
    Files.createDirectories(dir);
    String out = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    assumeTrue(out == null, "mount -t tmpfs does not work here: " + out);
    return new SmallDisk(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Writes a filler file until the file system has no room left. */
  public void fill() throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND)) {
      while (true) out.write(block);
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
    }
  }

  /** Deletes the filler: the disk has room again. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws Exception {
    String out = run("umount", "-l", dir.toString());
    if (out != null) throw new IllegalStateException("umount " + dir + ": " + out);
  }

  /** Runs a command; null when it succeeds, else what it said. */
  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", command) + " did not finish";
    }
    String said = new String(p.getInputStream().readAllBytes()).trim();
    return p.exitValue() == 0 ? null : said + " (exit " + p.exitValue() + ")";
  }
}
