package org.twinlab.runtime.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Slows password guessing: after five wrong passwords for a name, that name waits a minute. */
public final class LoginThrottle {
  static final int FREE_ATTEMPTS = 5;
  static final Duration LOCK = Duration.ofMinutes(1);
  private final Clock clock;
  private final Map<String, State> byName = new ConcurrentHashMap<>();

  private record State(int failures, Instant lockedUntil) {}

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the name must still wait, or zero. */
  public Duration wait(String name) {
    State s = byName.get(name);
    if (s == null || s.lockedUntil() == null) return Duration.ZERO;
    Duration left = Duration.between(clock.instant(), s.lockedUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void failed(String name) {
    byName.compute(name, (k, s) -> {
      int n = s == null ? 1 : s.failures() + 1;
      return new State(n, n >= FREE_ATTEMPTS ? clock.instant().plus(LOCK) : null);
    });
  }

  public void succeeded(String name) {
    byName.remove(name);
  }
}
