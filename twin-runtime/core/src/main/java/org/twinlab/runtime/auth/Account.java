package org.twinlab.runtime.auth;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A user account: a login name, a role, the name shown on score sheets, the password only as its
 * Argon2id hash, and whether an administrator has locked it (a locked account cannot log in).
 */
public record Account(String name, Role role, String displayName, String passwordHash, Instant created, boolean locked) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public Account {
    requireName(name);
    if (displayName == null || displayName.isBlank()) displayName = name;
  }

  /** An account that is not locked. */
  public Account(String name, Role role, String displayName, String passwordHash, Instant created) {
    this(name, role, displayName, passwordHash, created, false);
  }

  /** Checks a login name: 1-64 of a-z 0-9 . _ - starting with a letter or digit. */
  public static String requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a user name is 1-64 of a-z 0-9 . _ - starting with a letter or digit");
    }
    return name;
  }

  public Caller caller() {
    return new Caller(name, role);
  }

  Account withPassword(String hash) {
    return new Account(name, role, displayName, hash, created, locked);
  }

  Account withLocked(boolean lock) {
    return new Account(name, role, displayName, passwordHash, created, lock);
  }
}
