package org.twinlab.wire;

import static org.twinlab.wire.Fields.PROPERTY;
import static org.twinlab.wire.Fields.QUALITY;
import static org.twinlab.wire.Fields.REASON;
import static org.twinlab.wire.Fields.RECEIVED_TIME;
import static org.twinlab.wire.Fields.SOURCE_TIME;
import static org.twinlab.wire.Fields.UNIT;
import static org.twinlab.wire.Fields.VALUE;

import java.time.Instant;
import java.util.Map;

/**
 * One property of a twin now: its value (a string, number, boolean or null), unit and quality. A
 * whole number is held as a Long whatever type it came in (a parser picks Integer for small ones),
 * so a value read back equals the value written.
 *
 * @param quality GOOD, UNCERTAIN or BAD
 * @param reason why the quality is not GOOD; empty when there is nothing to say (and then not sent)
 * @param sourceTime when the rig measured it (null before the first sample)
 * @param receivedTime when the runtime received it (null before the first sample)
 */
public record PropertyView(String property, Object value, String unit, String quality, String reason, Instant sourceTime,
    Instant receivedTime) {

  public PropertyView {
    reason = reason == null ? "" : reason;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) value = ((Number) value).longValue();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(PROPERTY, property);
    m.put(VALUE, value);
    m.put(UNIT, unit);
    m.put(QUALITY, quality);
    if (!reason.isEmpty()) m.put(REASON, reason);
    m.put(SOURCE_TIME, Tree.time(sourceTime));
    m.put(RECEIVED_TIME, Tree.time(receivedTime));
    return m;
  }

  /** The fields of {@link #toMap()} as JSON text, in its order, without the braces around them. */
  public void writeJsonFields(StringBuilder out) {
    JsonText.field(out, PROPERTY, true);
    JsonText.string(out, property);
    JsonText.field(out, VALUE, false);
    JsonText.scalar(out, value);
    JsonText.field(out, UNIT, false);
    JsonText.string(out, unit);
    JsonText.field(out, QUALITY, false);
    JsonText.string(out, quality);
    if (!reason.isEmpty()) {
      JsonText.field(out, REASON, false);
      JsonText.string(out, reason);
    }
    JsonText.field(out, SOURCE_TIME, false);
    JsonText.time(out, sourceTime);
    JsonText.field(out, RECEIVED_TIME, false);
    JsonText.time(out, receivedTime);
  }

  public static PropertyView fromMap(Map<String, ?> m) {
    return new PropertyView(Tree.string(m, PROPERTY), Tree.scalar(m, VALUE), Tree.string(m, UNIT), Tree.string(m, QUALITY),
        Tree.string(m, REASON), Tree.time(m, SOURCE_TIME), Tree.time(m, RECEIVED_TIME));
  }
}
