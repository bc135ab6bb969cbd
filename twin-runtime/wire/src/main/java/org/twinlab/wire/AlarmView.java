package org.twinlab.wire;

import static org.twinlab.wire.Fields.ACKNOWLEDGED_AT;
import static org.twinlab.wire.Fields.ACKNOWLEDGED_BY;
import static org.twinlab.wire.Fields.ACTIVE;
import static org.twinlab.wire.Fields.ALARM;
import static org.twinlab.wire.Fields.CLEARED_AT;
import static org.twinlab.wire.Fields.CONDITION;
import static org.twinlab.wire.Fields.MESSAGE;
import static org.twinlab.wire.Fields.RAISED_AT;
import static org.twinlab.wire.Fields.SEVERITY;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An alarm of a twin's model: whether it is active, since when, and who acknowledged it.
 *
 * @param alarm the alarm's id in the model
 * @param severity as the model names it, in lower case (warning, major, critical …)
 * @param message the alarm's message in English
 * @param condition the model's condition, as written there
 */
public record AlarmView(String alarm, String severity, boolean active, String message, String condition, Instant raisedAt,
    Optional<Instant> clearedAt, Optional<Acknowledgement> acknowledged) {

  /** Who acknowledged the alarm, and when. */
  public record Acknowledgement(String by, Instant at) {}

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(ALARM, alarm);
    m.put(SEVERITY, severity);
    m.put(ACTIVE, active);
    m.put(MESSAGE, message);
    m.put(CONDITION, condition);
    m.put(RAISED_AT, Tree.time(raisedAt));
    clearedAt.ifPresent(t -> m.put(CLEARED_AT, Tree.time(t)));
    acknowledged.ifPresent(ack -> {
      m.put(ACKNOWLEDGED_BY, ack.by());
      m.put(ACKNOWLEDGED_AT, Tree.time(ack.at()));
    });
    return m;
  }

  public static AlarmView fromMap(Map<String, ?> m) {
    String by = Tree.string(m, ACKNOWLEDGED_BY);
    Optional<Acknowledgement> ack = by == null ? Optional.empty() : Optional.of(new Acknowledgement(by, Tree.time(m, ACKNOWLEDGED_AT)));
    return new AlarmView(Tree.string(m, ALARM), Tree.string(m, SEVERITY), Tree.bool(m, ACTIVE), Tree.string(m, MESSAGE),
        Tree.string(m, CONDITION), Tree.time(m, RAISED_AT), Tree.optionalTime(m, CLEARED_AT), ack);
  }
}
