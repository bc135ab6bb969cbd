package org.twinlab.runtime.history;

import java.time.Duration;
import java.util.List;

/** One series summarised per step; steps without points are left out. */
public record SteppedSeries(SeriesKey key, Duration step, List<Step> steps) {
  public SteppedSeries {
    steps = List.copyOf(steps);
  }
}
