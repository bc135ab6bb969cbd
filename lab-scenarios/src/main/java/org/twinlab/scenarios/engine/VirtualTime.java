package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A time source that moves only when advanced: half an hour of a scenario passes in milliseconds. */
public final class VirtualTime implements InstantSource {
  private Instant now;

  public VirtualTime(Instant start) {
    this.now = start;
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }
}
