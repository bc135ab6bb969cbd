package org.twinlab.viewer.scene;

import com.jme3.asset.AssetManager;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.models.ValueRange;
import org.twinlab.models.view.Animation;
import org.twinlab.models.view.ShapeHint;

/**
 * The procedural scene of one twin, built from its model's 3D hints, and the effects that
 * property values have on it. Not thread-safe: call it from the render thread only (network
 * updates reach it through {@code Application.enqueue}).
 */
public final class RigScene {
  private final TwinModel model;
  private final Node root;
  private final Map<String, List<Bound>> byProperty = new HashMap<>();
  private final List<Bound> continuous = new ArrayList<>();
  private final Random jitter = new Random(1);
  private final Map<String, List<String>> propertiesByShape = new HashMap<>();
  private final Map<String, Geometry> outlines = new HashMap<>();
  /** Each part (a shape, or a bound node of the glTF scene): the node effects move, and its geometry. */
  private final Map<String, Part> parts = new java.util.LinkedHashMap<>();

  private record Part(Node body, Geometry geometry) {}
  private final AssetManager assets;
  /** The glow around a part an active alarm is about. */
  public static final ColorRGBA ALARM_GLOW = new ColorRGBA(1f, 0f, 0f, 0.45f);

  /** One animation of one shape, with the live value it last received. */
  private static final class Bound {
    final Animation animation;
    final Node body;
    final Geometry geometry;
    final Optional<ValueRange> range;
    double value;
    float angle;

    Bound(Animation animation, Node body, Geometry geometry, Optional<ValueRange> range) {
      this.animation = animation;
      this.body = body;
      this.geometry = geometry;
      this.range = range;
    }

    Vector3f axis() {
      return new Vector3f((float) animation.axis().x(), (float) animation.axis().y(), (float) animation.axis().z());
    }
  }

  public RigScene(TwinModel model, AssetManager assets) {
    this(model, assets, Shading.FLAT);
  }

  public RigScene(TwinModel model, AssetManager assets, Shading shading) {
    this.model = model;
    this.assets = assets;
    this.root = new Node(model.id());
    ShapeFactory shapes = new ShapeFactory(assets, shading);
    for (ShapeHint hint : model.view().shapes()) {
      Node pivot = shapes.build(hint);
      root.attachChild(pivot);
      Node body = (Node) pivot.getChild(hint.id() + "#body");
      Geometry geometry = (Geometry) body.getChild(hint.id());
      parts.put(hint.id(), new Part(body, geometry));
      hint.animations().forEach(a -> bind(hint.id(), a));
    }
    model.view().gltf().ifPresent(gltf -> {
      Spatial scene = GltfParts.load(model, gltf, assets, shading);
      root.attachChild(scene);
      for (var binding : gltf.nodes()) {
        Node body = GltfParts.body(scene, binding.node()).orElseThrow(() -> new IllegalArgumentException(
            model.id() + ": the glTF file " + gltf.file() + " has no node '" + binding.node() + "'"));
        parts.putIfAbsent(binding.node(), new Part(body, GltfParts.firstGeometry(body)));
        bind(binding.node(), binding.animation());
      }
    });
  }

  private void bind(String part, Animation a) {
    Part p = parts.get(part);
    Bound b = new Bound(a, p.body(), p.geometry(), model.property(a.property()).flatMap(PropertyDef::range));
    byProperty.computeIfAbsent(a.property(), k -> new ArrayList<>()).add(b);
    propertiesByShape.computeIfAbsent(part, k -> new ArrayList<>());
    if (!propertiesByShape.get(part).contains(a.property())) propertiesByShape.get(part).add(a.property());
    switch (a.effect()) {
      case SPIN, SHAKE -> continuous.add(b);
      case FILL -> p.body().setLocalScale(scaleAlong(b.axis(), 0));
      default -> { }
    }
  }

  /** Every part's name: the model's shapes and its bound glTF nodes. */
  public java.util.Set<String> parts() {
    return java.util.Collections.unmodifiableSet(parts.keySet());
  }

  public Node root() {
    return root;
  }

  public TwinModel model() {
    return model;
  }

  /** The properties that drive a shape: what a click on it shows. */
  public List<String> propertiesOf(String shapeId) {
    return propertiesByShape.getOrDefault(shapeId, List.of());
  }

  /** The part a geometry of this scene belongs to, if it is one. */
  public Optional<String> shapeOf(Spatial hit) {
    for (Spatial s = hit; s != null && s != root; s = s.getParent()) {
      if (parts.containsKey(s.getName())) return Optional.of(s.getName());
    }
    return Optional.empty();
  }

  /** Where a shape's pivot is in the world (for labels, picking and pixel checks). */
  public Vector3f worldPositionOf(String shapeId) {
    refreshWorld(root);
    return parts.get(shapeId).geometry().getWorldBound().getCenter().clone();
  }

  /**
   * Wraps in a red glow every shape driven by one of these properties (those of the twin's active
   * alarms), and no other.
   */
  public void highlight(java.util.Set<String> properties) {
    for (Map.Entry<String, List<String>> e : propertiesByShape.entrySet()) {
      boolean on = e.getValue().stream().anyMatch(properties::contains);
      Geometry outline = outlines.get(e.getKey());
      if (on && outline == null) {
        Geometry g = parts.get(e.getKey()).geometry();
        Node body = g.getParent();
        outline = g.clone(false);
        outline.setName(e.getKey() + "#alarm");
        com.jme3.material.Material m = new com.jme3.material.Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        m.setColor("Color", ALARM_GLOW);
        m.getAdditionalRenderState().setBlendMode(com.jme3.material.RenderState.BlendMode.Alpha);
        m.getAdditionalRenderState().setDepthWrite(false);
        outline.setMaterial(m);
        outline.setQueueBucket(com.jme3.renderer.queue.RenderQueue.Bucket.Transparent);
        outline.scale(1.25f);
        body.attachChild(outline);
        outlines.put(e.getKey(), outline);
      } else if (!on && outline != null) {
        outline.removeFromParent();
        outlines.remove(e.getKey());
      }
    }
  }

  /** Brings world positions up to date from the top of the scene graph, as jME requires. */
  public static void refreshWorld(Spatial any) {
    Spatial top = any;
    while (top.getParent() != null) top = top.getParent();
    top.updateGeometricState();
  }

  /** Whether a shape is outlined for an alarm now. */
  public boolean highlighted(String shapeId) {
    return outlines.containsKey(shapeId);
  }

  /** Applies a new value of a property to every shape it drives. */
  public void apply(String property, Object value) {
    for (Bound b : byProperty.getOrDefault(property, List.of())) {
      b.value = numeric(value);
      switch (b.animation.effect()) {
        case TRANSLATE -> b.body.setLocalTranslation(b.axis().mult((float) b.animation.distance(b.value)));
        case FILL -> b.body.setLocalScale(scaleAlong(b.axis(), b.range.map(r -> r.fraction(b.value)).orElse(clamp01(b.value))));
        case COLOR -> colorFor(b, value).ifPresent(c -> Shading.paint(b.geometry.getMaterial(), c));
        case VISIBLE -> b.body.setCullHint(Boolean.TRUE.equals(value) ? Spatial.CullHint.Inherit : Spatial.CullHint.Always);
        case SPIN, SHAKE -> { } // applied per frame in update()
      }
    }
  }

  /** Advances the effects that move every frame (spinning, shaking) by tpf seconds. */
  public void update(float tpf) {
    for (Bound b : continuous) {
      if (b.animation.effect() == org.twinlab.models.view.Effect.SPIN) {
        b.angle += (float) (b.value * b.animation.scale() * tpf);
        b.body.setLocalRotation(new Quaternion().fromAngleNormalAxis(b.angle, b.axis().normalize()));
      } else {
        float amplitude = (float) (b.value * b.animation.scale());
        b.body.setLocalTranslation(b.axis().mult(amplitude * (jitter.nextFloat() * 2 - 1)));
      }
    }
  }

  /** The current colour of a shape, for tests and hit-testing panels. */
  public ColorRGBA colorOf(String shapeId) {
    return Shading.colorOf(parts.get(shapeId).geometry().getMaterial());
  }

  private static Optional<ColorRGBA> colorFor(Bound b, Object value) {
    Map<String, String> colors = b.animation.colors();
    if (value instanceof Number n) {
      // numeric keys are thresholds: the highest one reached wins
      String best = null;
      double bestAt = Double.NEGATIVE_INFINITY;
      for (String k : colors.keySet()) {
        double at = Double.parseDouble(k);
        if (n.doubleValue() >= at && at >= bestAt) {
          best = colors.get(k);
          bestAt = at;
        }
      }
      return Optional.ofNullable(best).map(Colors::parse);
    }
    return Optional.ofNullable(colors.get(String.valueOf(value))).map(Colors::parse);
  }

  private static Vector3f scaleAlong(Vector3f axis, double fraction) {
    float f = (float) Math.max(0.001, fraction);
    Vector3f a = axis.normalize();
    return new Vector3f(1 + (f - 1) * Math.abs(a.x), 1 + (f - 1) * Math.abs(a.y), 1 + (f - 1) * Math.abs(a.z));
  }

  private static double numeric(Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof Boolean b) return b ? 1 : 0;
    return 0;
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
