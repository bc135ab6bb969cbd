package org.twinlab.runtime.history;

/** What names one series of points: the twin's property, on a station, in a session. */
public record SeriesKey(String twin, String model, String property, ValueKind kind, String unit, String station,
    String session) {

  public static SeriesKey of(HistoryPoint p) {
    return new SeriesKey(p.twin(), p.model(), p.property(), p.kind(), p.unit(), p.station(), p.session());
  }
}
