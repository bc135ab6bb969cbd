package org.twinlab.wire;

import static org.twinlab.wire.Fields.ALARMS;
import static org.twinlab.wire.Fields.COMMANDS;
import static org.twinlab.wire.Fields.COMPONENTS;
import static org.twinlab.wire.Fields.COUNTS;
import static org.twinlab.wire.Fields.ID;
import static org.twinlab.wire.Fields.KIND;
import static org.twinlab.wire.Fields.NAME;
import static org.twinlab.wire.Fields.PROPERTIES;
import static org.twinlab.wire.Fields.VERSION;

import java.util.Map;

/**
 * A model as the list of models shows it ({@code GET /api/v1/models}): its id, version, name, kind
 * and how many components, properties, alarms and commands it has ({@code counts}).
 *
 * @param kind such as {@code plc-station} or {@code sensor-node}
 */
public record ModelSummaryView(String id, int version, LocalizedView name, String kind, int components, int properties,
    int alarms, int commands) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(ID, id);
    m.put(VERSION, version);
    m.put(NAME, name.toMap());
    m.put(KIND, kind);
    Map<String, Object> counts = Tree.object();
    counts.put(COMPONENTS, components);
    counts.put(PROPERTIES, properties);
    counts.put(ALARMS, alarms);
    counts.put(COMMANDS, commands);
    m.put(COUNTS, counts);
    return m;
  }

  public static ModelSummaryView fromMap(Map<String, ?> m) {
    int[] counts = Tree.nested(m, COUNTS, c -> new int[] {Tree.smallInteger(c, COMPONENTS), Tree.smallInteger(c, PROPERTIES),
        Tree.smallInteger(c, ALARMS), Tree.smallInteger(c, COMMANDS)});
    if (counts == null) counts = new int[4];
    return new ModelSummaryView(Tree.string(m, ID), Tree.smallInteger(m, VERSION), LocalizedView.read(m, NAME), Tree.string(m, KIND),
        counts[0], counts[1], counts[2], counts[3]);
  }
}
