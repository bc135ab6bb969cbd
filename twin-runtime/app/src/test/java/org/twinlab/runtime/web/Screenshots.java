package org.twinlab.runtime.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The pictures of the pages for docs/screenshots, taken only when {@code twinlab.screenshots}
 * names a directory: a test run without it writes nothing. Each PNG is written again at the
 * strongest deflate level, so the committed pictures stay small.
 */
final class Screenshots {
  static final String PROPERTY = "twinlab.screenshots";
  private final Path dir;

  private Screenshots(Path dir) {
    this.dir = dir;
  }

  static Screenshots fromSystemProperty() throws IOException {
    String dir = System.getProperty(PROPERTY, "");
    return new Screenshots(dir.isBlank() ? null : Files.createDirectories(Path.of(dir)));
  }

  /** Saves what the browser's window shows as NAME.png, when pictures were asked for. */
  void take(WebDriver browser, String name) throws IOException {
    if (dir == null) return;
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    // no alpha channel: a page has none, and RGB compresses better than RGBA
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    Path file = dir.resolve(name + ".png");
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0f);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
    System.out.println("[screenshot] " + file);
  }
}
