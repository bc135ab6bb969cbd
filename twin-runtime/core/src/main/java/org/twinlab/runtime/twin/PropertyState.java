package org.twinlab.runtime.twin;

import java.time.Instant;
import org.twinlab.connectors.Quality;

/**
 * What a twin knows of one property now.
 *
 * @param sourceTime when the rig measured it
 * @param receivedTime when twinlab received it
 */
public record PropertyState(String property, Object value, String unit, Quality quality, Instant sourceTime, Instant receivedTime) {

  public static final String STALE = "STALE";

  public boolean isStale() {
    return quality.reason().startsWith(STALE);
  }

  /** Whether the value can be acted on: there is one, and it is neither BAD nor STALE. */
  public boolean trusted() {
    return value != null && !quality.isBad() && !isStale();
  }
}
