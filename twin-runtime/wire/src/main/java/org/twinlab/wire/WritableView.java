package org.twinlab.wire;

import static org.twinlab.wire.Fields.ENUM_VALUES;
import static org.twinlab.wire.Fields.PROPERTY;
import static org.twinlab.wire.Fields.RANGE;
import static org.twinlab.wire.Fields.TYPE;
import static org.twinlab.wire.Fields.UNIT;

import java.util.List;
import java.util.Map;

/**
 * A property of a twin's model that may be written, as a control panel offers it: with its unit,
 * range and allowed values, so the panel shows them before a value is refused.
 *
 * @param type the model's type in lower case (bool, int, double, enum, string)
 * @param range [min, max], or empty when the model sets none
 * @param values an enum's allowed values, or empty
 */
public record WritableView(String property, String type, String unit, List<Double> range, List<String> values) {
  public WritableView {
    range = List.copyOf(range);
    values = List.copyOf(values);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(PROPERTY, property);
    m.put(TYPE, type);
    m.put(UNIT, unit);
    if (!range.isEmpty()) m.put(RANGE, range);
    if (!values.isEmpty()) m.put(ENUM_VALUES, values);
    return m;
  }

  public static WritableView fromMap(Map<String, ?> m) {
    List<Double> range = Tree.decimals(m, RANGE);
    if (!range.isEmpty() && range.size() != 2) throw new WireFormatException(RANGE, "[min, max], not " + range.size() + " numbers");
    return new WritableView(Tree.string(m, PROPERTY), Tree.string(m, TYPE), Tree.string(m, UNIT), range, Tree.strings(m, ENUM_VALUES));
  }
}
