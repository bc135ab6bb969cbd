package org.twinlab.models;

import java.util.List;
import java.util.Optional;

/**
 * One property of a component.
 *
 * @param path "component.property", the name bindings, checks and alarms use
 * @param expectedPeriodMs how often the rig normally updates it; the runtime marks it stale when
 *     samples stop for a multiple of this. {@link #EVENT_DRIVEN} (0) for a property the rig sends
 *     only when it changes (a status, a retained last will, a counter): silence is then no news.
 */
public record PropertyDef(
    String path,
    PropertyType type,
    String unit,
    Optional<ValueRange> range,
    List<String> enumValues,
    boolean writable,
    long expectedPeriodMs,
    Localized description) {

  /** The period of a property that is sent on change only ({@code period_ms: event}). */
  public static final long EVENT_DRIVEN = 0;

  public PropertyDef {
    enumValues = List.copyOf(enumValues);
  }

  /** Whether the rig sends it only when it changes, so that no sample for a while is no fault. */
  public boolean eventDriven() {
    return expectedPeriodMs == EVENT_DRIVEN;
  }

  public String id() {
    return path.substring(path.indexOf('.') + 1);
  }

  /** Whether a value is of this property's kind: any number for a numeric property. */
  public boolean fitsType(Object value) {
    return switch (type) {
      case BOOL -> value instanceof Boolean;
      case STRING -> value instanceof String;
      case ENUM -> value instanceof String s && enumValues.contains(s);
      case INT, DOUBLE -> value instanceof Number;
    };
  }

  /** Whether a value fits this property's type, enum values and range, whole for an int. */
  public boolean accepts(Object value) {
    if (!fitsType(value)) return false;
    if (!(value instanceof Number n)) return true;
    return (type != PropertyType.INT || n.doubleValue() == Math.rint(n.doubleValue())) && inRange(n);
  }

  private boolean inRange(Number n) {
    return range.map(r -> r.contains(n.doubleValue())).orElse(true);
  }
}
