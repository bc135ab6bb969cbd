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
 * and alarm messages. The font is the one shipped in the viewer's jar (Noto Sans SC), so every
 * machine draws the same glyphs with no font installed; should the text have characters it lacks,
 * the first installed font that has them all (the JDK's logical fonts first).
 */
final class TextImages {
  /** The CJK font the viewer ships, unpacked into its jar by the build. */
  static final String BUNDLED_FONT = "/org/twinlab/viewer/fonts/NotoSansSC-Regular.ttf";
  private static final Map<String, Optional<String>> FAMILY_FOR = new ConcurrentHashMap<>();
  private static volatile Optional<String> bundled;

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
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    bundledFamily().ifPresent(out::add);
    out.addAll(List.of(Font.SANS_SERIF, Font.DIALOG));
    out.addAll(List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
    return out;
  }

  /** The family of the shipped font, registered with AWT on first use; empty (and said) if the jar lacks it. */
  static Optional<String> bundledFamily() {
    Optional<String> known = bundled;
    if (known != null) return known;
    synchronized (TextImages.class) {
      if (bundled == null) bundled = register();
      return bundled;
    }
  }

  private static Optional<String> register() {
    try (java.io.InputStream in = TextImages.class.getResourceAsStream(BUNDLED_FONT)) {
      if (in == null) throw new java.io.FileNotFoundException(BUNDLED_FONT + " is not in the viewer's jar");
      Font font = Font.createFont(Font.TRUETYPE_FONT, new java.io.BufferedInputStream(in));
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
      return Optional.of(font.getFamily(java.util.Locale.ROOT));
    } catch (java.io.IOException | java.awt.FontFormatException e) {
      java.util.logging.Logger.getLogger(TextImages.class.getName()).warning("the shipped CJK font did not load: " + e.getMessage());
      return Optional.empty();
    }
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
