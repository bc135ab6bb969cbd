package org.twinlab.scenarios.engine;

import java.time.Instant;

/**
 * Where a station reports each change of a twin's signal the moment it hears of it, stamped with
 * when it happened (a sample's source time), so a check sees every change, however short, at its
 * own time.
 */
@FunctionalInterface
public interface SignalFeed {

  /** The signal has had this value since {@code at}. */
  void changed(String signal, Instant at, Observed value);
}
