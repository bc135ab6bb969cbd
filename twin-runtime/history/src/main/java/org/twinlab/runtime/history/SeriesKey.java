package org.twinlab.runtime.history;

/** What names one series of points: the twin's property, on a station, in a session. */
public record SeriesKey(String twin, String model, String property, ValueKind kind, String unit, String station,
    String session) {

  /** The point's own key: the instance it carries, shared by the points of one property. */
  public static SeriesKey of(HistoryPoint p) {
    return p.series();
  }
}
