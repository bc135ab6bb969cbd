package org.twinlab.viewer.app;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text drawn with AWT into an image, for what jME's bitmap font (ASCII) cannot draw: Chinese names
 * and alarm messages. The font is the first installed one that has every character of the text
 * (the JDK's logical fonts first); a machine with no CJK font has none, and says so.
 */
final class TextImages {
  private static final Map<String, Optional<String>> FAMILY_FOR = new ConcurrentHashMap<>();

  private TextImages() {
  }

  /** A font family that can draw every character of the text, if one is installed. */
  static Optional<String> familyFor(String text) {
    String letters = text.replace("\n", "");
    return FAMILY_FOR.computeIfAbsent(letters, t -> {
      for (String family : families()) {
        if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(t) == -1) return Optional.of(family);
      }
      return Optional.empty();
    });
  }

  private static List<String> families() {
    List<String> installed = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    java.util.ArrayList<String> out = new java.util.ArrayList<>(List.of(Font.SANS_SERIF, Font.DIALOG));
    out.addAll(installed);
    return out;
  }

  /** The text in that family at that size (pixels), one line per line, on a transparent image. */
  static BufferedImage render(String text, String family, int size, Color color) {
    Font font = new Font(family, Font.PLAIN, size);
    String[] lines = text.split("\n", -1);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics m = pg.getFontMetrics(font);
    int width = 1;
    for (String line : lines) width = Math.max(width, m.stringWidth(line));
    int lineHeight = m.getHeight();
    pg.dispose();
    BufferedImage image = new BufferedImage(width + 2, lineHeight * lines.length + 2, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(font);
    g.setColor(color);
    for (int i = 0; i < lines.length; i++) g.drawString(lines[i], 1, 1 + i * lineHeight + m.getAscent());
    g.dispose();
    return image;
  }

  /** How many pixels of the image are drawn (not transparent). */
  static int drawn(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) >>> 24) > 64) n++;
    }
    return n;
  }
}
