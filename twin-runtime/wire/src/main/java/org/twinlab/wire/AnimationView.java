package org.twinlab.wire;

import static org.twinlab.wire.Fields.AXIS;
import static org.twinlab.wire.Fields.COLORS;
import static org.twinlab.wire.Fields.EFFECT;
import static org.twinlab.wire.Fields.OFFSET;
import static org.twinlab.wire.Fields.PROPERTY;
import static org.twinlab.wire.Fields.SCALE;
import static org.twinlab.wire.Fields.WRAP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One link from a property to a visual effect, as a model's view hints give it.
 *
 * @param effect translate, spin, fill, color, visible or shake
 * @param axis {@code [x, y, z]}
 * @param colors value (as text) to {@code #rrggbb[aa]}, for the color effect
 */
public record AnimationView(String property, String effect, List<Double> axis, double scale, Map<String, String> colors, double wrap,
    double offset) {

  public AnimationView {
    axis = List.copyOf(axis);
    colors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(colors));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    write(m);
    return m;
  }

  void write(Map<String, Object> m) {
    m.put(PROPERTY, property);
    m.put(EFFECT, effect);
    m.put(AXIS, List.copyOf(axis));
    m.put(SCALE, scale);
    m.put(COLORS, new LinkedHashMap<>(colors));
    m.put(WRAP, wrap);
    m.put(OFFSET, offset);
  }

  public static AnimationView fromMap(Map<String, ?> m) {
    return new AnimationView(Tree.string(m, PROPERTY), Tree.string(m, EFFECT), Tree.decimals(m, AXIS), Tree.decimal(m, SCALE),
        Tree.stringMap(m, COLORS), Tree.decimal(m, WRAP), Tree.decimal(m, OFFSET));
  }
}
