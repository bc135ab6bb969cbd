package org.twinlab.runtime.scenario;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data a candidate collected and cleaned: which property, over which window, from where
 * ({@code online}: the live feed or history API; {@code offline}: an export file), and the figures
 * they report.
 *
 * @param figures the scalar figures given, by name ({@link TestDataFigures#SCALARS}), in that order
 * @param bounds the class bounds of a frequency table, ascending, or empty when none is given
 * @param counts the clean samples per class, one fewer than the bounds, or empty
 */
public record TestDataSubmission(String property, Instant from, Instant to, String source, Map<String, Double> figures,
    List<Double> bounds, List<Long> counts) {
  public TestDataSubmission {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures)); // in the order they are judged
    bounds = List.copyOf(bounds);
    counts = List.copyOf(counts);
  }
}
