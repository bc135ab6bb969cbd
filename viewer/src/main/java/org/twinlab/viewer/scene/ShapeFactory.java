package org.twinlab.viewer.scene;

import com.jme3.asset.AssetManager;
import com.jme3.material.Material;
import com.jme3.material.RenderState;
import com.jme3.math.ColorRGBA;
import com.jme3.math.FastMath;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Box;
import com.jme3.scene.shape.Cylinder;
import com.jme3.scene.shape.Sphere;
import org.twinlab.models.view.ShapeHint;

/**
 * Builds one primitive of a model's 3D hints. Each shape sits in a pivot node at its position, so
 * effects move, scale or shake the geometry relative to where the model put it; a cylinder
 * stands upright (jME builds it along Z) with its base on the pivot, so "fill" grows it upwards.
 */
final class ShapeFactory {
  private final AssetManager assets;
  private final Shading shading;

  ShapeFactory(AssetManager assets, Shading shading) {
    this.assets = assets;
    this.shading = shading;
  }

  Node build(ShapeHint hint) {
    float x = (float) hint.size().x();
    float y = (float) hint.size().y();
    float z = (float) hint.size().z();
    Mesh mesh = switch (hint.shape()) {
      case BOX -> new Box(x / 2, y / 2, z / 2);
      case CYLINDER -> new Cylinder(2, 32, x / 2, y, true);
      case SPHERE -> new Sphere(16, 16, x / 2);
    };
    Geometry g = new Geometry(hint.id(), mesh);
    if (hint.shape() == org.twinlab.models.view.ShapeKind.CYLINDER) {
      g.setLocalRotation(new Quaternion().fromAngleAxis(FastMath.HALF_PI, Vector3f.UNIT_X));
    }
    ColorRGBA color = Colors.parse(hint.color());
    Material m = shading.material(assets, color);
    if (color.a < 1f) {
      // a shell one sees into (the tank's): blended, and drawn after what is inside it
      m.getAdditionalRenderState().setBlendMode(RenderState.BlendMode.Alpha);
      m.getAdditionalRenderState().setDepthWrite(false);
      g.setQueueBucket(RenderQueue.Bucket.Transparent);
    }
    g.setMaterial(m);
    shading.shadows(g);
    Node body = new Node(hint.id() + "#body");
    body.attachChild(g);
    if (hint.shape() == org.twinlab.models.view.ShapeKind.CYLINDER) {
      g.setLocalTranslation(0, y / 2, 0); // base at the body's origin
    }
    Node pivot = new Node(hint.id());
    pivot.setLocalTranslation((float) hint.position().x(), (float) hint.position().y(), (float) hint.position().z());
    pivot.attachChild(body);
    return pivot;
  }
}
