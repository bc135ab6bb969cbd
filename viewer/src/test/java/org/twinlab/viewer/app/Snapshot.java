package org.twinlab.viewer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * One frame taken by {@code twinlab-viewer --snapshot} in a process of its own on a virtual
 * screen, with where each part is on it, and the pixel reading the tests need.
 */
record Snapshot(BufferedImage image, JsonNode regions) {

  static Snapshot take(VirtualScreen screen, Path dir, String name, Map<String, String> env, String... args) throws Exception {
    Path png = dir.resolve(name + ".png");
    Path regions = dir.resolve(name + ".json");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ViewerCommand.class.getName(),
        "--snapshot", png.toString(), "--regions", regions.toString(), "--width", "800", "--height", "500"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("DISPLAY", screen.display());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the snapshot took more than 90 s: " + Files.readString(dir.resolve(name + ".log")));
    }
    if (p.exitValue() != 0) throw new AssertionError("the snapshot failed (" + p.exitValue() + "): " + Files.readString(dir.resolve(name + ".log")));
    return new Snapshot(ImageIO.read(png.toFile()), new ObjectMapper().readTree(regions.toFile()));
  }

  /** Where a part of a station is on the image. */
  int[] at(String twin, String shape) {
    JsonNode xy = regions.path(twin + "/" + shape);
    if (xy.isMissingNode()) throw new AssertionError("no part " + twin + "/" + shape + " in " + regions);
    return new int[] {Math.round(xy.get(0).floatValue()), Math.round(xy.get(1).floatValue())};
  }

  /** The pixel's red, green and blue, 0-255. */
  int[] rgb(int x, int y) {
    int p = image.getRGB(x, y);
    return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
  }

  /** How many pixels differ from the background colour (the top-left corner's). */
  long drawn() {
    int background = image.getRGB(0, 0);
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) if (image.getRGB(x, y) != background) n++;
    }
    return n;
  }

  /** How many pixels of the rectangle from (x0, y0) to (x1, y1) are of the notices' dark red. */
  int noticeRed(int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
        int[] c = rgb(x, y);
        if (c[0] > 90 && c[0] > c[1] + 50 && c[1] < 120 && c[2] < 100) n++;
      }
    }
    return n;
  }

  /** The highest mostly-blue pixel of the column through x, from y0 to y1, or -1. */
  int topBlue(int x, int y0, int y1) {
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      int[] c = rgb(x, y);
      if (c[2] > c[0] + 40 && c[2] > c[1]) return y;
    }
    return -1;
  }

  /** How many pixels of the column through x, from y0 to y1, are mostly blue. */
  int bluePixels(int x, int y0, int y1) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      int[] c = rgb(x, y);
      if (c[2] > c[0] + 40 && c[2] > c[1]) n++;
    }
    return n;
  }
}
