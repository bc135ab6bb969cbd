package org.twinlab.wire;

import static org.twinlab.wire.Fields.COMMAND;
import static org.twinlab.wire.Fields.DESCRIPTION;
import static org.twinlab.wire.Fields.PARAMS;

import java.util.List;
import java.util.Map;

/** A command of a model ("component.command") with its description and typed parameters. */
public record ModelCommandView(String command, LocalizedView description, List<ModelPropertyView> params) {

  public ModelCommandView {
    params = List.copyOf(params);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(COMMAND, command);
    m.put(DESCRIPTION, description.toMap());
    m.put(PARAMS, Tree.toList(params, ModelPropertyView::toMap));
    return m;
  }

  public static ModelCommandView fromMap(Map<String, ?> m) {
    return new ModelCommandView(Tree.string(m, COMMAND), LocalizedView.read(m, DESCRIPTION), Tree.list(m, PARAMS, ModelPropertyView::fromMap));
  }
}
