package org.twinlab.runtime.history;

import java.time.Instant;
import java.util.Objects;
import org.twinlab.connectors.Quality;

/**
 * One state of one twin property, as history keeps it.
 *
 * <p>The point carries its series as one {@link SeriesKey}: whoever makes many points of the same
 * property (a twin's {@link ChangeHistory}) resolves the key once and hands the same instance to
 * every point, so a store finds the series by identity instead of hashing seven strings per point.
 *
 * @param series the twin's property, station and session the point belongs to
 * @param value a Double, Long, Boolean or String, or null when there is no trustworthy value
 * @param time when this state began: the rig's source time for a sample, the moment of marking for a
 *     quality change such as STALE
 * @param receivedTime when twinlab received the value
 */
public record HistoryPoint(SeriesKey series, Object value, Quality quality, Instant time, Instant receivedTime) {

  public HistoryPoint {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receivedTime, "receivedTime");
  }

  /**
   * A point with its series spelled out (a new key each time).
   *
   * @param station the lab station the twin belongs to, or null
   * @param session the lab session running on it, or null
   */
  public HistoryPoint(String twin, String model, String property, ValueKind kind, String unit, Object value,
      Quality quality, Instant time, Instant receivedTime, String station, String session) {
    this(key(twin, model, property, kind, unit, station, session), value, quality, time, receivedTime);
  }

  private static SeriesKey key(String twin, String model, String property, ValueKind kind, String unit, String station,
      String session) {
    Objects.requireNonNull(twin, "twin");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(kind, "kind");
    return new SeriesKey(twin, model, property, kind, unit == null ? "" : unit, station, session);
  }

  public String twin() {
    return series.twin();
  }

  public String model() {
    return series.model();
  }

  public String property() {
    return series.property();
  }

  public ValueKind kind() {
    return series.kind();
  }

  public String unit() {
    return series.unit();
  }

  public String station() {
    return series.station();
  }

  public String session() {
    return series.session();
  }

  /** The value as a number for aggregation: booleans count as 0 and 1; strings and null have none. */
  public Double numeric() {
    return series.kind().numeric(value);
  }
}
