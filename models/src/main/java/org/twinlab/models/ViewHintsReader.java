package org.twinlab.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twinlab.models.view.Animation;
import org.twinlab.models.view.Effect;
import org.twinlab.models.view.GltfScene;
import org.twinlab.models.view.NodeBinding;
import org.twinlab.models.view.ShapeHint;
import org.twinlab.models.view.ShapeKind;
import org.twinlab.models.view.Vec3;
import org.twinlab.models.view.ViewHints;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/** Reads a model's {@code view:} section: primitive shapes and an optional glTF scene. */
final class ViewHintsReader {
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");

  private ViewHintsReader() {}

  static ViewHints read(YamlValue v, Map<String, PropertyDef> properties, Problems problems) {
    return v.asMap(problems).map(m -> {
      List<ShapeHint> shapes = m.list("shapes", problems, (s, p) -> shape(s, p, properties));
      Optional<GltfScene> gltf = m.get("gltf").flatMap(g -> gltf(g, problems, properties));
      m.rejectUnknown(problems);
      return new ViewHints(shapes, gltf);
    }).orElse(ViewHints.NONE);
  }

  private static Optional<ShapeHint> shape(YamlValue v, Problems problems, Map<String, PropertyDef> properties) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> id = m.requireString("id", problems);
      Optional<ShapeKind> kind = m.require("shape", problems).flatMap(s -> enumOf(s, ShapeKind.class, problems));
      Optional<Vec3> size = m.require("size", problems).flatMap(s -> vec3(s, problems));
      Vec3 position = m.get("position").flatMap(s -> vec3(s, problems)).orElse(Vec3.ZERO);
      String color = m.get("color").flatMap(c -> color(c, problems)).orElse("#9e9e9e");
      List<Animation> animations = m.list("animate", problems, (a, p) -> a.asMap(p).flatMap(am -> {
        Optional<Animation> read = animation(am, p, properties);
        am.rejectUnknown(p);
        return read;
      }));
      m.rejectUnknown(problems);
      if (id.isEmpty() || kind.isEmpty() || size.isEmpty()) return Optional.empty();
      return Optional.of(new ShapeHint(id.get(), kind.get(), size.get(), position, color, animations));
    });
  }

  private static Optional<GltfScene> gltf(YamlValue v, Problems problems, Map<String, PropertyDef> properties) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> file = m.requireString("file", problems);
      List<NodeBinding> nodes = m.list("nodes", problems, (n, p) -> n.asMap(p).flatMap(nm -> {
        Optional<String> node = nm.requireString("node", p);
        Optional<Animation> a = animation(nm, p, properties);
        nm.rejectUnknown(p);
        return node.isPresent() && a.isPresent() ? Optional.of(new NodeBinding(node.get(), a.get())) : Optional.empty();
      }));
      m.rejectUnknown(problems);
      return file.map(f -> new GltfScene(f, nodes));
    });
  }

  /** Reads property, effect, axis, scale, wrap, offset and colors; the caller rejects unknown fields. */
  private static Optional<Animation> animation(YamlMap m, Problems problems, Map<String, PropertyDef> properties) {
    Optional<YamlValue> propNode = m.require("property", problems);
    Optional<String> property = propNode.flatMap(p -> p.asString(problems));
    if (property.isPresent() && !properties.containsKey(property.get())) {
      propNode.get().problem(problems, "unknown property '" + property.get() + "'");
      property = Optional.empty();
    }
    Optional<Effect> effect = m.require("effect", problems).flatMap(e -> enumOf(e, Effect.class, problems));
    Vec3 axis = m.get("axis").flatMap(a -> vec3(a, problems)).orElse(new Vec3(1, 0, 0));
    double scale = m.number("scale", problems).orElse(1.0);
    double wrap = m.number("wrap", problems).orElse(0.0);
    double offset = m.number("offset", problems).orElse(0.0);
    if (wrap < 0 || (wrap > 0 && effect.isPresent() && effect.get() != Effect.TRANSLATE)) {
      m.get("wrap").ifPresent(w -> w.problem(problems, "wrap is a positive distance, for a translate effect"));
    }
    Map<String, String> colors = new LinkedHashMap<>();
    m.get("colors").flatMap(c -> c.asMap(problems)).ifPresent(cm -> {
      // Keys are property values, so any key is allowed here: read them through the raw mapping.
      readColors(cm, problems, colors);
    });
    if (effect.isPresent() && effect.get() == Effect.COLOR && colors.isEmpty()) {
      problems.add(m.self().location(), m.self().path() + ".colors", "a color effect needs its colors");
    }
    if (property.isPresent() && !colors.isEmpty()) {
      PropertyDef def = properties.get(property.get());
      colors.keySet().stream().filter(k -> !colorKeyFits(def, k)).findFirst().ifPresent(k -> m.get("colors").ifPresent(c ->
          c.problem(problems, "'" + k + "' is not a value of " + def.path() + colorKeyHint(def))));
    }
    if (property.isEmpty() || effect.isEmpty()) return Optional.empty();
    return Optional.of(new Animation(property.get(), effect.get(), axis, scale, colors, wrap, offset));
  }

  /** Numeric properties take their colour from the highest threshold at or below the value. */
  private static boolean colorKeyFits(PropertyDef def, String key) {
    return switch (def.type()) {
      case BOOL -> key.equals("true") || key.equals("false");
      case ENUM -> def.enumValues().contains(key);
      case INT, DOUBLE -> isNumber(key);
      case STRING -> true;
    };
  }

  private static String colorKeyHint(PropertyDef def) {
    return switch (def.type()) {
      case BOOL -> " (use \"true\" and \"false\")";
      case ENUM -> " (one of " + def.enumValues() + ")";
      case INT, DOUBLE -> " (numeric properties take thresholds: numbers)";
      case STRING -> "";
    };
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void readColors(YamlMap cm, Problems problems, Map<String, String> out) {
    for (String key : cm.keys()) {
      cm.get(key).flatMap(c -> color(c, problems)).ifPresent(c -> out.put(key, c));
    }
  }

  private static Optional<String> color(YamlValue v, Problems problems) {
    Optional<String> c = v.asString(problems);
    if (c.isPresent() && !COLOR.matcher(c.get()).matches()) {
      v.problem(problems, "a colour is written #rrggbb, or #rrggbbaa to see through it");
      return Optional.empty();
    }
    return c;
  }

  private static Optional<Vec3> vec3(YamlValue v, Problems problems) {
    List<YamlValue> xyz = v.asList(problems);
    if (xyz.size() != 3) {
      v.problem(problems, "expected [x, y, z]");
      return Optional.empty();
    }
    Optional<Double> x = xyz.get(0).asDouble(problems);
    Optional<Double> y = xyz.get(1).asDouble(problems);
    Optional<Double> z = xyz.get(2).asDouble(problems);
    if (x.isEmpty() || y.isEmpty() || z.isEmpty()) return Optional.empty();
    return Optional.of(new Vec3(x.get(), y.get(), z.get()));
  }

  private static <E extends Enum<E>> Optional<E> enumOf(YamlValue v, Class<E> type, Problems problems) {
    return v.asString(problems).flatMap(s -> {
      try {
        return Optional.of(Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        v.problem(problems, "unknown value (expected one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT) + ")");
        return Optional.empty();
      }
    });
  }
}
