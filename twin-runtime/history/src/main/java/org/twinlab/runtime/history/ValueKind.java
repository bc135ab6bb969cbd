package org.twinlab.runtime.history;

import org.twinlab.models.PropertyType;

/** How a stored value is read back: stores keep numbers and booleans as numbers, text as text. */
public enum ValueKind {
  NUMBER, INTEGER, BOOLEAN, TEXT;

  public static ValueKind of(PropertyType type) {
    return switch (type) {
      case DOUBLE -> NUMBER;
      case INT -> INTEGER;
      case BOOL -> BOOLEAN;
      default -> TEXT;
    };
  }

  public boolean isNumeric() {
    return this != TEXT;
  }

  /** The number a store keeps for a value of this kind, or null. */
  public Double numeric(Object value) {
    if (value instanceof Boolean b) return b ? 1.0 : 0.0;
    if (value instanceof Number n) return n.doubleValue();
    return null;
  }

  /** The value of this kind that a stored number or text stands for. */
  public Object fromStored(Double number, String text) {
    return switch (this) {
      case NUMBER -> number;
      case INTEGER -> number == null ? null : (Object) Math.round(number);
      case BOOLEAN -> number == null ? null : (Object) (number != 0.0);
      case TEXT -> text;
    };
  }
}
