package org.twinlab.runtime.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The storage strategy each twin runs with; a twin without one has every sample stored. */
public final class StorageStrategies {
  private final Map<String, StrategyFilter> filters = new ConcurrentHashMap<>();

  /**
   * Sets a twin's strategy from now on; returns the points its previous one still held for open
   * intervals, which the caller stores.
   */
  public List<HistoryPoint> set(String twin, StorageStrategy strategy) {
    StrategyFilter previous = filters.put(twin, new StrategyFilter(strategy));
    return previous == null ? List.of() : previous.flush();
  }

  /** Ends a twin's strategy: every sample is stored again; returns what it held for open intervals. */
  public List<HistoryPoint> clear(String twin) {
    StrategyFilter previous = filters.remove(twin);
    return previous == null ? List.of() : previous.flush();
  }

  public Optional<StorageStrategy> of(String twin) {
    return Optional.ofNullable(filters.get(twin)).map(StrategyFilter::strategy);
  }

  /** Every twin with a strategy, by twin. */
  public Map<String, StorageStrategy> all() {
    Map<String, StorageStrategy> out = new java.util.TreeMap<>();
    filters.forEach((t, f) -> out.put(t, f.strategy()));
    return out;
  }

  /** The points of a twin to store: as they come when it has no strategy. */
  public List<HistoryPoint> apply(String twin, List<HistoryPoint> points) {
    StrategyFilter f = filters.get(twin);
    return f == null ? points : f.apply(points);
  }
}
