package org.twinlab.models;

import java.util.Locale;
import java.util.Optional;

/** Alarm severity, least to most urgent. */
public enum Severity {
  INFO, WARNING, MAJOR, CRITICAL;

  public static Optional<Severity> parse(String text) {
    try {
      return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
