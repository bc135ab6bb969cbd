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

  private static final String PROPERTY_FIELD = JsonText.field(PROPERTY, true);
  private static final String VALUE_FIELD = JsonText.field(VALUE, false);
  private static final String UNIT_FIELD = JsonText.field(UNIT, false);
  private static final String QUALITY_FIELD = JsonText.field(QUALITY, false);
  private static final String REASON_FIELD = JsonText.field(REASON, false);
  private static final String SOURCE_TIME_FIELD = JsonText.field(SOURCE_TIME, false);
  private static final String RECEIVED_TIME_FIELD = JsonText.field(RECEIVED_TIME, false);

  /** The fields of {@link #toMap()} as JSON text, in its order, without the braces around them. */
  public void writeJsonFields(StringBuilder out) {
    JsonText.string(out.append(PROPERTY_FIELD), property);
    JsonText.scalar(out.append(VALUE_FIELD), value);
    JsonText.string(out.append(UNIT_FIELD), unit);
    JsonText.string(out.append(QUALITY_FIELD), quality);
    if (!reason.isEmpty()) JsonText.string(out.append(REASON_FIELD), reason);
    JsonText.time(out.append(SOURCE_TIME_FIELD), sourceTime);
    JsonText.time(out.append(RECEIVED_TIME_FIELD), receivedTime);
  }

  public static PropertyView fromMap(Map<String, ?> m) {
    return new PropertyView(Tree.string(m, PROPERTY), Tree.scalar(m, VALUE), Tree.string(m, UNIT), Tree.string(m, QUALITY),
        Tree.string(m, REASON), Tree.time(m, SOURCE_TIME), Tree.time(m, RECEIVED_TIME));
  }
}
