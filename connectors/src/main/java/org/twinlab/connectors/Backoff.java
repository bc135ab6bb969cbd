package org.twinlab.connectors;

import java.time.Duration;

/** Exponential reconnect delays, doubling from {@code initial} up to {@code max}. */
public record Backoff(Duration initial, Duration max) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

  public Duration delay(int attempt) {
    long ms = initial.toMillis() << Math.min(attempt, 20);
    return Duration.ofMillis(Math.min(ms, max.toMillis()));
  }
}
