package org.twinlab.wire;

import static org.twinlab.wire.Fields.PROPERTY;
import static org.twinlab.wire.Fields.TYPE;
import static org.twinlab.wire.Fields.UNIT;

import java.util.Map;

/**
 * A property of a twin's model that may be written, as a control panel offers it.
 *
 * @param type the model's type in lower case (bool, int, double, enum, string)
 */
public record WritableView(String property, String type, String unit) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(PROPERTY, property);
    m.put(TYPE, type);
    m.put(UNIT, unit);
    return m;
  }

  public static WritableView fromMap(Map<String, ?> m) {
    return new WritableView(Tree.string(m, PROPERTY), Tree.string(m, TYPE), Tree.string(m, UNIT));
  }
}
