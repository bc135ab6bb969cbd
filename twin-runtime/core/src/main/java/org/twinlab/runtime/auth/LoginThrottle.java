package org.twinlab.runtime.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after a number of wrong passwords for one key (a user name, or a
 * client's address) that key waits a minute. By name, five; by address more, since one machine may
 * serve several people, but an address cannot wipe its count by logging into an account it owns.
 */
public final class LoginThrottle {
  static final int FREE_ATTEMPTS = 5;
  static final int FREE_ATTEMPTS_PER_ADDRESS = 20;
  static final Duration LOCK = Duration.ofMinutes(1);
  private final Clock clock;
  private final int freeAttempts;
  private final boolean successForgives;
  private final Map<String, State> byKey = new ConcurrentHashMap<>();

  /** Past this many names or addresses, those idle for a lock's length and not locked are forgotten. */
  static final int PRUNE_ABOVE = 10_000;

  private record State(int failures, Instant lockedUntil, Instant last) {}

  /** By user name: five wrong passwords, and a right one clears the count. */
  public LoginThrottle(Clock clock) {
    this(clock, FREE_ATTEMPTS, true);
  }

  private LoginThrottle(Clock clock, int freeAttempts, boolean successForgives) {
    this.clock = clock;
    this.freeAttempts = freeAttempts;
    this.successForgives = successForgives;
  }

  /** By client address: twenty wrong passwords; a right one does not clear the count, a lock served out does. */
  public static LoginThrottle byAddress(Clock clock) {
    return new LoginThrottle(clock, FREE_ATTEMPTS_PER_ADDRESS, false);
  }

  /** How long the key must still wait, or zero. */
  public Duration wait(String key) {
    State s = byKey.get(key);
    if (s == null || s.lockedUntil() == null) return Duration.ZERO;
    Duration left = Duration.between(clock.instant(), s.lockedUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void failed(String key) {
    byKey.compute(key, (k, s) -> next(s));
  }

  private State next(State s) {
    // once a lock is served out the count starts again, so an address is not locked for good
    boolean served = s != null && s.lockedUntil() != null && !clock.instant().isBefore(s.lockedUntil());
    int n = s == null || (served && !successForgives) ? 1 : s.failures() + 1;
    return new State(n, n >= freeAttempts ? clock.instant().plus(LOCK) : null, clock.instant());
  }

  public void succeeded(String key) {
    if (successForgives) byKey.remove(key);
  }

  /**
   * Counts an attempt as wrong before its password is checked, so guesses sent all at once are
   * counted while the slow hashing runs; {@link #withdrawn} takes the count back for a right one.
   * Answers how long the key must wait instead, and then counts nothing.
   */
  public Duration reserve(String key) {
    if (byKey.size() > PRUNE_ABOVE) prune();
    Duration[] wait = {Duration.ZERO};
    byKey.compute(key, (k, s) -> {
      Duration left = s == null || s.lockedUntil() == null ? Duration.ZERO : Duration.between(clock.instant(), s.lockedUntil());
      if (!left.isNegative() && !left.isZero()) {
        wait[0] = left;
        return s;
      }
      return next(s);
    });
    return wait[0];
  }

  /** Forgets keys nobody has tried for a lock's length and that are not locked: made-up names cannot grow the table for ever. */
  private void prune() {
    Instant idleSince = clock.instant().minus(LOCK);
    byKey.entrySet().removeIf(e -> e.getValue().last().isBefore(idleSince)
        && (e.getValue().lockedUntil() == null || !e.getValue().lockedUntil().isAfter(clock.instant())));
  }

  /** How many names or addresses are being counted (for tests). */
  int tracked() {
    return byKey.size();
  }

  /** A reserved attempt whose password was right: it no longer counts (and by name, nothing does). */
  public void withdrawn(String key) {
    if (successForgives) {
      byKey.remove(key);
      return;
    }
    byKey.computeIfPresent(key, (k, s) -> {
      int n = s.failures() - 1;
      if (n <= 0) return null;
      return new State(n, n >= freeAttempts ? s.lockedUntil() : null, s.last());
    });
  }
}
