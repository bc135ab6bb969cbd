package org.twinlab.runtime.auth;

import java.util.Locale;

/** What a user may do: run the platform, author scenarios, observe and mark, or sit a task. */
public enum Role {
  ADMIN, TRAINER, EXAMINER, CANDIDATE;

  /** The role as the API and the account file spell it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role a key names, or an error listing the roles there are. */
  public static Role of(String key) {
    for (Role r : values()) {
      if (r.key().equals(key)) return r;
    }
    throw new IllegalArgumentException("no role '" + key + "'; roles are admin, trainer, examiner, candidate");
  }
}
