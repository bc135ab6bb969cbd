package org.twinlab.runtime.history;

import java.time.Instant;
import java.util.Objects;
import org.twinlab.connectors.Quality;

/**
 * One state of one twin property, as history keeps it.
 *
 * @param time when this state began: the rig's source time for a sample, the moment of marking for a
 *     quality change such as STALE
 * @param receivedTime when twinlab received the value
 * @param value a Double, Long, Boolean or String, or null when there is no trustworthy value
 * @param station the lab station the twin belongs to, or null
 * @param session the lab session running on it, or null
 */
public record HistoryPoint(String twin, String model, String property, ValueKind kind, String unit, Object value,
    Quality quality, Instant time, Instant receivedTime, String station, String session) {

  public HistoryPoint {
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receivedTime, "receivedTime");
    unit = unit == null ? "" : unit;
  }

  /** The value as a number for aggregation: booleans count as 0 and 1; strings and null have none. */
  public Double numeric() {
    return kind.numeric(value);
  }
}
