package org.twinlab.wire;

import static org.twinlab.wire.Fields.ACTIVE_ALARMS;
import static org.twinlab.wire.Fields.BINDINGS_VERSION;
import static org.twinlab.wire.Fields.ID;
import static org.twinlab.wire.Fields.KIND;
import static org.twinlab.wire.Fields.LIFECYCLE;
import static org.twinlab.wire.Fields.MODEL;
import static org.twinlab.wire.Fields.NAME;
import static org.twinlab.wire.Fields.PROPERTIES;
import static org.twinlab.wire.Fields.PROPERTIES_NOT_GOOD;

import java.util.Map;

/**
 * A twin as the list of twins shows it ({@code GET /api/v1/twins}).
 *
 * @param name the model's name in English
 * @param kind the model's kind, such as {@code plc-station}
 * @param lifecycle LOADED, RUNNING, PAUSED or STOPPED
 * @param properties how many properties the twin has
 * @param propertiesNotGood how many of them are BAD or STALE
 * @param activeAlarms how many of its alarms are active
 * @param bindingsVersion the version of its bindings now in force
 */
public record TwinSummaryView(String id, String model, String name, String kind, String lifecycle, int properties,
    long propertiesNotGood, long activeAlarms, int bindingsVersion) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(ID, id);
    m.put(MODEL, model);
    m.put(NAME, name);
    m.put(KIND, kind);
    m.put(LIFECYCLE, lifecycle);
    m.put(PROPERTIES, properties);
    m.put(PROPERTIES_NOT_GOOD, propertiesNotGood);
    m.put(ACTIVE_ALARMS, activeAlarms);
    m.put(BINDINGS_VERSION, bindingsVersion);
    return m;
  }

  public static TwinSummaryView fromMap(Map<String, ?> m) {
    return new TwinSummaryView(Tree.string(m, ID), Tree.string(m, MODEL), Tree.string(m, NAME), Tree.string(m, KIND),
        Tree.string(m, LIFECYCLE), Tree.smallInteger(m, PROPERTIES), Tree.integer(m, PROPERTIES_NOT_GOOD),
        Tree.integer(m, ACTIVE_ALARMS), Tree.smallInteger(m, BINDINGS_VERSION));
  }
}
