package org.twinlab.wire;

import static org.twinlab.wire.Fields.ANIMATE;
import static org.twinlab.wire.Fields.COLOR;
import static org.twinlab.wire.Fields.ID;
import static org.twinlab.wire.Fields.POSITION;
import static org.twinlab.wire.Fields.SHAPE;
import static org.twinlab.wire.Fields.SIZE;

import java.util.List;
import java.util.Map;

/**
 * A primitive solid of a model's procedural scene.
 *
 * @param shape box, cylinder or sphere
 * @param size {@code [x, y, z]} in metres
 * @param position {@code [x, y, z]} in metres, y up
 */
public record ShapeView(String id, String shape, List<Double> size, List<Double> position, String color, List<AnimationView> animate) {

  public ShapeView {
    size = List.copyOf(size);
    position = List.copyOf(position);
    animate = List.copyOf(animate);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(ID, id);
    m.put(SHAPE, shape);
    m.put(SIZE, List.copyOf(size));
    m.put(POSITION, List.copyOf(position));
    m.put(COLOR, color);
    m.put(ANIMATE, Tree.toList(animate, AnimationView::toMap));
    return m;
  }

  public static ShapeView fromMap(Map<String, ?> m) {
    return new ShapeView(Tree.string(m, ID), Tree.string(m, SHAPE), Tree.decimals(m, SIZE), Tree.decimals(m, POSITION), Tree.string(m, COLOR),
        Tree.list(m, ANIMATE, AnimationView::fromMap));
  }
}
