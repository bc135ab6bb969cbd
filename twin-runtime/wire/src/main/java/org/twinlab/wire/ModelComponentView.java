package org.twinlab.wire;

import static org.twinlab.wire.Fields.COMMANDS;
import static org.twinlab.wire.Fields.ID;
import static org.twinlab.wire.Fields.NAME;
import static org.twinlab.wire.Fields.PROPERTIES;

import java.util.List;
import java.util.Map;

/** A component of a model (a belt, a tank) with its properties and commands, in the model's order. */
public record ModelComponentView(String id, LocalizedView name, List<ModelPropertyView> properties, List<ModelCommandView> commands) {

  public ModelComponentView {
    properties = List.copyOf(properties);
    commands = List.copyOf(commands);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(ID, id);
    m.put(NAME, name.toMap());
    m.put(PROPERTIES, Tree.toList(properties, ModelPropertyView::toMap));
    m.put(COMMANDS, Tree.toList(commands, ModelCommandView::toMap));
    return m;
  }

  public static ModelComponentView fromMap(Map<String, ?> m) {
    return new ModelComponentView(Tree.string(m, ID), LocalizedView.read(m, NAME), Tree.list(m, PROPERTIES, ModelPropertyView::fromMap),
        Tree.list(m, COMMANDS, ModelCommandView::fromMap));
  }
}
