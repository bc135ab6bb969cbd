package org.twinlab.wire;

import static org.twinlab.wire.Fields.DESCRIPTION;
import static org.twinlab.wire.Fields.ENUM_VALUES;
import static org.twinlab.wire.Fields.EVENT_DRIVEN;
import static org.twinlab.wire.Fields.PERIOD_MS;
import static org.twinlab.wire.Fields.PROPERTY;
import static org.twinlab.wire.Fields.RANGE;
import static org.twinlab.wire.Fields.TYPE;
import static org.twinlab.wire.Fields.UNIT;
import static org.twinlab.wire.Fields.WRITABLE;

import java.util.List;
import java.util.Map;

/**
 * A property of a model (or a command's parameter) as the model defines it.
 *
 * @param property "component.property"
 * @param type bool, int, double, string or enum
 * @param range {@code [min, max]} of a number, or empty when the model gives none
 * @param values an enum's values, in order
 * @param periodMs how often the rig normally sends it; null for one sent only when it changes
 * @param eventDriven whether the rig sends it only when it changes (so silence is no fault)
 */
public record ModelPropertyView(String property, String type, String unit, List<Double> range, List<String> values,
    boolean writable, Long periodMs, boolean eventDriven, LocalizedView description) {

  public ModelPropertyView {
    range = List.copyOf(range);
    values = List.copyOf(values);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(PROPERTY, property);
    m.put(TYPE, type);
    m.put(UNIT, unit);
    m.put(RANGE, range.isEmpty() ? null : List.copyOf(range));
    if (!values.isEmpty()) m.put(ENUM_VALUES, List.copyOf(values));
    m.put(WRITABLE, writable);
    m.put(PERIOD_MS, periodMs);
    m.put(EVENT_DRIVEN, eventDriven);
    m.put(DESCRIPTION, description.toMap());
    return m;
  }

  public static ModelPropertyView fromMap(Map<String, ?> m) {
    List<Double> range = Tree.decimals(m, RANGE);
    if (!range.isEmpty() && range.size() != 2) throw new WireFormatException(RANGE, "[min, max], not " + range.size() + " numbers");
    return new ModelPropertyView(Tree.string(m, PROPERTY), Tree.string(m, TYPE), Tree.string(m, UNIT), range, Tree.strings(m, ENUM_VALUES),
        Tree.bool(m, WRITABLE), Tree.optionalInteger(m, PERIOD_MS), Tree.bool(m, EVENT_DRIVEN), LocalizedView.read(m, DESCRIPTION));
  }
}
