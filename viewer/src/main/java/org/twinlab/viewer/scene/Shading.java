package org.twinlab.viewer.scene;

import com.jme3.asset.AssetManager;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;

/**
 * How the rigs are drawn: flat in their colours as written (the default: a frame readable by
 * pixels), or lit and shaded (jME's Lighting material, casting and receiving shadows) for a
 * window one looks at. Colour effects paint either the same way.
 */
public enum Shading {
  FLAT, LIT;

  /** A material of this shading in a colour. */
  Material material(AssetManager assets, ColorRGBA color) {
    if (this == FLAT) {
      Material m = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
      m.setColor("Color", color);
      return m;
    }
    Material m = new Material(assets, "Common/MatDefs/Light/Lighting.j3md");
    m.setBoolean("UseMaterialColors", true);
    m.setColor("Specular", new ColorRGBA(0.25f, 0.25f, 0.25f, 1f));
    m.setFloat("Shininess", 24f);
    paint(m, color);
    return m;
  }

  /** Lets a lit geometry cast and receive shadows; a flat one casts none. */
  void shadows(Geometry g) {
    g.setShadowMode(this == LIT && g.getQueueBucket() != RenderQueue.Bucket.Transparent
        ? RenderQueue.ShadowMode.CastAndReceive : RenderQueue.ShadowMode.Off);
  }

  /** Paints a material of either shading. */
  static void paint(Material m, ColorRGBA c) {
    if (lit(m)) {
      m.setColor("Diffuse", c);
      m.setColor("Ambient", new ColorRGBA(c.r * 0.6f, c.g * 0.6f, c.b * 0.6f, c.a));
    } else {
      m.setColor("Color", c);
    }
  }

  /** The colour a material of either shading is painted in. */
  static ColorRGBA colorOf(Material m) {
    return (ColorRGBA) m.getParam(lit(m) ? "Diffuse" : "Color").getValue();
  }

  private static boolean lit(Material m) {
    return m.getMaterialDef().getMaterialParam("Diffuse") != null;
  }
}
