package org.twinlab.wire;

import static org.twinlab.wire.Fields.ALARM;
import static org.twinlab.wire.Fields.CONDITION;
import static org.twinlab.wire.Fields.MESSAGE;
import static org.twinlab.wire.Fields.SEVERITY;

import java.util.Map;

/**
 * An alarm as a model defines it (not its state on a twin, which is {@link AlarmView}).
 *
 * @param condition the condition's text in the expression language, as the model file writes it
 * @param severity info, warning, major or critical
 */
public record ModelAlarmView(String alarm, String condition, String severity, LocalizedView message) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(ALARM, alarm);
    m.put(CONDITION, condition);
    m.put(SEVERITY, severity);
    m.put(MESSAGE, message.toMap());
    return m;
  }

  public static ModelAlarmView fromMap(Map<String, ?> m) {
    return new ModelAlarmView(Tree.string(m, ALARM), Tree.string(m, CONDITION), Tree.string(m, SEVERITY), LocalizedView.read(m, MESSAGE));
  }
}
