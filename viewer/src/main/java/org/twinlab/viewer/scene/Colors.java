package org.twinlab.viewer.scene;

import com.jme3.math.ColorRGBA;

/** "#rrggbb", or "#rrggbbaa" for a see-through part, as jME colours. */
final class Colors {
  private Colors() {}

  static ColorRGBA parse(String hex) {
    int rgb = Integer.parseInt(hex.substring(1, 7), 16);
    float alpha = hex.length() == 9 ? Integer.parseInt(hex.substring(7, 9), 16) / 255f : 1f;
    return new ColorRGBA(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f, alpha);
  }
}
