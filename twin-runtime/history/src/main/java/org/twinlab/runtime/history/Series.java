package org.twinlab.runtime.history;

import java.util.List;

/** The raw points of one series in a window, oldest first. */
public record Series(SeriesKey key, List<StoredPoint> points) {
  public Series {
    points = List.copyOf(points);
  }
}
