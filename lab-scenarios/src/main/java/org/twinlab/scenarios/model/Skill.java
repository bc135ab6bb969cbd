package org.twinlab.scenarios.model;

import java.util.Locale;
import java.util.Optional;

/** The kind of work a scenario assesses. */
public enum Skill {
  INSTALL, MONITOR, DEBUG, TEST, OPERATE, DEVELOP;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Skill> of(String key) {
    for (Skill s : values()) if (s.key().equals(key)) return Optional.of(s);
    return Optional.empty();
  }
}
