package org.twinlab.runtime.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.runtime.history.StoredPoint;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.PropertyState;

/**
 * A simulated station's history of its twin's properties, kept as the runtime's history keeps it
 * (every property state at its source time, a STALE mark when it was made), so test data submitted
 * on the station is judged against the same record a live twin's would be.
 */
final class StationHistory implements HistoryPoints {
  private final Map<String, List<StoredPoint>> byProperty = new HashMap<>();

  void record(List<Change> changes, Instant now) {
    for (Change c : changes) {
      if (!(c instanceof Change.PropertyChanged p)) continue;
      PropertyState s = p.state();
      Instant time = s.isStale() ? now : s.sourceTime();
      byProperty.computeIfAbsent(s.property(), k -> new ArrayList<>()).add(new StoredPoint(time, s.value(), s.quality(), s.receivedTime()));
    }
  }

  @Override
  public List<StoredPoint> points(String property, Instant from, Instant to) {
    return byProperty.getOrDefault(property, List.of()).stream()
        .filter(p -> !p.time().isBefore(from) && p.time().isBefore(to))
        .sorted(Comparator.comparing(StoredPoint::time)).toList();
  }
}
