package org.twinlab.wire;

import static org.twinlab.wire.Fields.ALARMS;
import static org.twinlab.wire.Fields.COMMANDS;
import static org.twinlab.wire.Fields.VALUES;
import static org.twinlab.wire.Fields.WRITABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A twin as {@code GET /api/v1/twins/{id}} shows it: its summary, every property's value by
 * property, its alarms, and what a control panel offers (the model's commands and writable
 * properties).
 */
public record TwinView(TwinSummaryView summary, Map<String, PropertyView> values, List<AlarmView> alarms,
    List<CommandView> commands, List<WritableView> writable) {

  public TwinView {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)); // in the order the twin lists them
    alarms = List.copyOf(alarms);
    commands = List.copyOf(commands);
    writable = List.copyOf(writable);
  }

  public String id() {
    return summary.id();
  }

  public String model() {
    return summary.model();
  }

  public String lifecycle() {
    return summary.lifecycle();
  }

  /** The summary's fields, then the rest: the order the runtime has always written them in. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = summary.toMap();
    Map<String, Object> byProperty = Tree.object();
    values.forEach((property, v) -> byProperty.put(property, v.toMap()));
    m.put(VALUES, byProperty);
    m.put(ALARMS, Tree.toList(alarms, AlarmView::toMap));
    m.put(COMMANDS, Tree.toList(commands, CommandView::toMap));
    m.put(WRITABLE, Tree.toList(writable, WritableView::toMap));
    return m;
  }

  public static TwinView fromMap(Map<String, ?> m) {
    return new TwinView(TwinSummaryView.fromMap(m), Tree.objects(m, VALUES, PropertyView::fromMap), Tree.list(m, ALARMS, AlarmView::fromMap),
        Tree.list(m, COMMANDS, CommandView::fromMap), Tree.list(m, WRITABLE, WritableView::fromMap));
  }
}
