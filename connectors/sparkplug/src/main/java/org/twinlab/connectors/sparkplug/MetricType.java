package org.twinlab.connectors.sparkplug;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The Sparkplug B scalar data types (specification 3.0, section 6.4.16) with their wire codes, how
 * each is carried in a metric and how a written value is made to fit one. Data sets, templates,
 * files and arrays are not scalar values: they decode to nothing and cannot be written.
 */
public enum MetricType {
  INT8(1, "Int8", Byte.MIN_VALUE, Byte.MAX_VALUE),
  INT16(2, "Int16", Short.MIN_VALUE, Short.MAX_VALUE),
  INT32(3, "Int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
  INT64(4, "Int64", Long.MIN_VALUE, Long.MAX_VALUE),
  UINT8(5, "UInt8", 0, 0xFF),
  UINT16(6, "UInt16", 0, 0xFFFF),
  UINT32(7, "UInt32", 0, 0xFFFF_FFFFL),
  // a UInt64 above Long.MAX_VALUE is not representable as the Long a sample carries
  UINT64(8, "UInt64", 0, Long.MAX_VALUE),
  FLOAT(9, "Float", 0, 0),
  DOUBLE(10, "Double", 0, 0),
  BOOLEAN(11, "Boolean", 0, 0),
  STRING(12, "String", 0, 0),
  DATETIME(13, "DateTime", Long.MIN_VALUE, Long.MAX_VALUE),
  TEXT(14, "Text", 0, 0),
  UUID(15, "UUID", 0, 0),
  UNSUPPORTED(0, "Unknown", 0, 0);

  private final int code;
  private final String label;
  private final long min;
  private final long max;

  MetricType(int code, String label, long min, long max) {
    this.code = code;
    this.label = label;
    this.min = min;
    this.max = max;
  }

  public int code() {
    return code;
  }

  /** The name the specification gives the type (Int16, Float, Boolean, ...). */
  public String label() {
    return label;
  }

  public static MetricType of(int code) {
    for (MetricType t : values()) {
      if (t.code == code && t != UNSUPPORTED) return t;
    }
    return UNSUPPORTED;
  }

  public boolean isInteger() {
    return ordinal() <= UINT64.ordinal() || this == DATETIME;
  }

  public boolean isFloating() {
    return this == FLOAT || this == DOUBLE;
  }

  public boolean isNumeric() {
    return isInteger() || isFloating();
  }

  public boolean isText() {
    return this == STRING || this == TEXT || this == UUID;
  }

  /** Whether the int_value field carries it (on the wire a uint32: signed values as two's complement). */
  boolean inIntField() {
    return ordinal() <= UINT32.ordinal() && this != INT64;
  }

  /**
   * Makes a written value fit this type, or says why it cannot: numbers along numbers (a whole number
   * within an integer type's range, any number to Float/Double), Booleans to Boolean, text to text.
   */
  public Optional<Object> fit(Object value, StringBuilder why) {
    if (value == null) {
      why.append("a null value cannot be written");
      return Optional.empty();
    }
    if (this == BOOLEAN) {
      if (value instanceof Boolean b) return Optional.of(b);
      why.append("the metric is a Boolean, the value a ").append(kind(value));
      return Optional.empty();
    }
    if (isText()) {
      if (value instanceof String s) return Optional.of(s);
      why.append("the metric is a ").append(label).append(", the value a ").append(kind(value));
      return Optional.empty();
    }
    if (this == UNSUPPORTED) {
      why.append("the metric is not of a scalar type twinlab writes");
      return Optional.empty();
    }
    if (!(value instanceof Number n) || value instanceof Boolean) {
      why.append("the metric is a ").append(label).append(", the value a ").append(kind(value));
      return Optional.empty();
    }
    if (this == DOUBLE) return Optional.of(n.doubleValue());
    if (this == FLOAT) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
        why.append(d).append(" is beyond the range of a Float");
        return Optional.empty();
      }
      return Optional.of((float) d);
    }
    BigDecimal exact;
    try {
      exact = new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      why.append(n).append(" is not a whole number for a ").append(label);
      return Optional.empty();
    }
    if (exact.stripTrailingZeros().scale() > 0) {
      why.append(n).append(" is not a whole number, as a ").append(label).append(" needs");
      return Optional.empty();
    }
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      why.append(n).append(" is outside the range of a ").append(label).append(" (").append(min).append("..").append(max).append(")");
      return Optional.empty();
    }
    return Optional.of(exact.longValueExact());
  }

  private static String kind(Object v) {
    if (v instanceof Boolean) return "Boolean";
    if (v instanceof Number) return "number";
    if (v instanceof String) return "text";
    return v.getClass().getSimpleName();
  }
}
