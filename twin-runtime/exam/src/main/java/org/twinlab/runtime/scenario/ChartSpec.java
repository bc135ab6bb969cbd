package org.twinlab.runtime.scenario;

import java.time.Instant;
import java.util.List;

/** A chart a candidate saves: a named view of some of a twin's properties over a window of its history. */
public record ChartSpec(String name, List<String> properties, Instant from, Instant to) {
  public ChartSpec {
    properties = List.copyOf(properties);
  }
}
