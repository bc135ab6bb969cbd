package org.twinlab.connectors;

import java.time.Duration;

/**
 * Exponential reconnect delays, doubling from {@code initial} up to {@code max}. The default
 * retries a lost rig or broker after 250 ms, 500 ms, then every second: a refused connect costs
 * next to nothing, and a PLC or broker that is back is found within a second.
 */
public record Backoff(Duration initial, Duration max) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(1));

  public Duration delay(int attempt) {
    long ms = initial.toMillis() << Math.min(attempt, 20);
    return Duration.ofMillis(Math.min(ms, max.toMillis()));
  }
}
