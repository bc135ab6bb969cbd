package org.twinlab.viewer.scene;

import com.jme3.math.ColorRGBA;

/** "#rrggbb" as jME colours. */
final class Colors {
  private Colors() {}

  static ColorRGBA parse(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return new ColorRGBA(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f, 1f);
  }
}
