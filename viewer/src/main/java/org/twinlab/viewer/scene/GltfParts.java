package org.twinlab.viewer.scene;

import com.jme3.asset.AssetInfo;
import com.jme3.asset.AssetManager;
import com.jme3.material.MatParam;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import com.jme3.scene.plugins.gltf.GltfLoader;
import com.jme3.scene.plugins.gltf.GltfModelKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.models.TwinModel;
import org.twinlab.models.view.GltfScene;

/**
 * A model's glTF scene, as industrial 3D tools bind CAD nodes to data: the file sits beside the
 * model (a built-in model's on the class path, under {@code models/}), and each bound node gets a
 * body node of its own between it and its children, so effects move or colour the part relative to
 * where the file put it. Materials are drawn flat in their base colour, as the procedural shapes are.
 */
final class GltfParts {
  private GltfParts() {}

  /** The loaded scene, ready to attach. */
  static Spatial load(TwinModel model, GltfScene gltf, AssetManager assets, Shading shading) {
    Spatial scene = gltf.content().map(text -> fromText(model, gltf, text, assets)).orElseGet(() -> assets.loadModel("models/" + gltf.file()));
    scene.setName(model.id() + "#gltf");
    scene.depthFirstTraversal(s -> {
      if (s instanceof Geometry g) {
        Material m = flat(g.getMaterial(), assets, shading);
        if (Shading.colorOf(m).a < 1f) {
          // a shell one sees into (the tank's): blended, drawn after what is inside it, casting no shadow
          m.getAdditionalRenderState().setBlendMode(com.jme3.material.RenderState.BlendMode.Alpha);
          m.getAdditionalRenderState().setDepthWrite(false);
          g.setQueueBucket(com.jme3.renderer.queue.RenderQueue.Bucket.Transparent);
        } else {
          g.setQueueBucket(com.jme3.renderer.queue.RenderQueue.Bucket.Inherit);
        }
        g.setMaterial(m);
        shading.shadows(g);
      }
    });
    return scene;
  }

  /**
   * A scene from the glTF document's text, as the runtime serves it with the model: read by jME's
   * glTF loader straight from memory (its buffers are {@code data:} URIs), so a model the viewer
   * has never seen needs no file of its own.
   */
  private static Spatial fromText(TwinModel model, GltfScene gltf, String text, AssetManager assets) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    AssetInfo info = new AssetInfo(assets, new GltfModelKey(model.id() + "/" + gltf.file())) {
      @Override
      public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
      }
    };
    try {
      return (Spatial) new GltfLoader().load(info);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(model.id() + ": its glTF scene " + gltf.file() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The body node of a named node of the scene, made on first use; empty when the file has no such node. */
  static Optional<Node> body(Spatial scene, String node) {
    Spatial named = scene instanceof Node n ? n.getChild(node) : null;
    if (!(named instanceof Node parent)) return Optional.empty();
    if (parent.getChild(node + "#body") instanceof Node existing) return Optional.of(existing);
    Node body = new Node(node + "#body");
    List<Spatial> children = new ArrayList<>(parent.getChildren());
    children.forEach(c -> {
      c.removeFromParent();
      body.attachChild(c);
    });
    parent.attachChild(body);
    return Optional.of(body);
  }

  /** The first geometry under a node: what colour effects paint. */
  static Geometry firstGeometry(Node body) {
    List<Geometry> found = new ArrayList<>();
    body.depthFirstTraversal(s -> {
      if (s instanceof Geometry g && found.isEmpty()) found.add(g);
    });
    if (found.isEmpty()) throw new IllegalArgumentException(body.getName() + " has no mesh");
    return found.get(0);
  }

  private static Material flat(Material pbr, AssetManager assets, Shading shading) {
    MatParam base = pbr == null ? null : pbr.getParam("BaseColor");
    Material m = shading.material(assets, base != null && base.getValue() instanceof ColorRGBA c ? c.clone() : ColorRGBA.Gray.clone());
    m.getAdditionalRenderState().setFaceCullMode(com.jme3.material.RenderState.FaceCullMode.Off);
    return m;
  }
}
