package org.twinlab.wire;

import static org.twinlab.wire.Fields.ALARMS;
import static org.twinlab.wire.Fields.COMPONENTS;
import static org.twinlab.wire.Fields.GLTF;
import static org.twinlab.wire.Fields.SHAPES;
import static org.twinlab.wire.Fields.VIEW;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole model as {@code GET /api/v1/models/{model}} and {@code GET /api/v1/twins/{id}/model} show
 * it: the summary's fields, then its components (properties and commands), its alarms, and its 3D
 * view hints ({@code view}: {@code shapes} and a {@code gltf} scene, null when it has none).
 */
public record ModelView(ModelSummaryView summary, List<ModelComponentView> components, List<ModelAlarmView> alarms,
    List<ShapeView> shapes, Optional<GltfView> gltf) {

  public ModelView {
    components = List.copyOf(components);
    alarms = List.copyOf(alarms);
    shapes = List.copyOf(shapes);
  }

  public String id() {
    return summary.id();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = summary.toMap();
    m.put(COMPONENTS, Tree.toList(components, ModelComponentView::toMap));
    m.put(ALARMS, Tree.toList(alarms, ModelAlarmView::toMap));
    Map<String, Object> view = Tree.object();
    view.put(SHAPES, Tree.toList(shapes, ShapeView::toMap));
    view.put(GLTF, gltf.map(GltfView::toMap).orElse(null));
    m.put(VIEW, view);
    return m;
  }

  public static ModelView fromMap(Map<String, ?> m) {
    Map<String, Object> view = Tree.tree(m, VIEW);
    Map<String, ?> v = view == null ? Map.of() : view;
    List<ShapeView> shapes;
    GltfView gltf;
    try {
      shapes = Tree.list(v, SHAPES, ShapeView::fromMap);
      gltf = Tree.nested(v, GLTF, GltfView::fromMap);
    } catch (WireFormatException e) {
      throw e.within(VIEW);
    }
    return new ModelView(ModelSummaryView.fromMap(m), Tree.list(m, COMPONENTS, ModelComponentView::fromMap),
        Tree.list(m, ALARMS, ModelAlarmView::fromMap), shapes, Optional.ofNullable(gltf));
  }
}
