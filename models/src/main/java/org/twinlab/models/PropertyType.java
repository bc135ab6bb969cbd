package org.twinlab.models;

import java.util.Locale;
import java.util.Optional;

/** The value types a twin property can hold. */
public enum PropertyType {
  BOOL, INT, DOUBLE, STRING, ENUM;

  public static Optional<PropertyType> parse(String text) {
    try {
      return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean isNumeric() {
    return this == INT || this == DOUBLE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
