package org.twinlab.runtime.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.connectors.Quality;

/**
 * Applies a twin's storage strategy to its points on their way to the store: drops the properties
 * it does not keep and folds each numeric property's good samples into one point per interval
 * (aligned to whole multiples of the interval since the epoch, as {@link HistoryStore#stepped} is),
 * written at the interval's start once a sample of a later interval arrives. Booleans, texts and
 * readings without a good value pass as they come: an aggregate of them would be no value the
 * property takes.
 */
public final class StrategyFilter {
  private final StorageStrategy strategy;
  private final long stepMicros;
  // by the point's own key: the instance its property's points share, so no key is built per point
  private final Map<SeriesKey, Bucket> open = new HashMap<>();

  public StrategyFilter(StorageStrategy strategy) {
    this.strategy = strategy;
    this.stepMicros = strategy.downsample().map(d -> Math.max(1, d.toNanos() / 1_000)).orElse(0L);
  }

  public StorageStrategy strategy() {
    return strategy;
  }

  /** The points to store for these, in order; points of open intervals are held back. */
  public synchronized List<HistoryPoint> apply(List<HistoryPoint> points) {
    List<HistoryPoint> out = new ArrayList<>(points.size());
    for (HistoryPoint p : points) {
      if (!strategy.keeps(p.property())) continue;
      if (stepMicros == 0 || !downsampled(p)) {
        out.add(p);
        continue;
      }
      long b = Math.floorDiv(Micros.of(p.time()), stepMicros);
      SeriesKey key = p.series();
      Bucket current = open.get(key);
      if (current != null && current.index != b) {
        out.add(current.point());
        current = null;
      }
      if (current == null) {
        current = new Bucket(b, p);
        open.put(key, current);
      }
      current.add(p);
    }
    return out;
  }

  /** The points of every open interval, as they stand: written when the strategy is replaced. */
  public synchronized List<HistoryPoint> flush() {
    List<HistoryPoint> out = open.values().stream().map(Bucket::point).toList();
    open.clear();
    return out;
  }

  private static boolean downsampled(HistoryPoint p) {
    return (p.kind() == ValueKind.NUMBER || p.kind() == ValueKind.INTEGER) && p.value() instanceof Number && p.quality().isGood();
  }

  /** One property's samples in one interval. */
  private final class Bucket {
    final long index;
    final HistoryPoint first;
    HistoryPoint last;
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    Bucket(long index, HistoryPoint first) {
      this.index = index;
      this.first = first;
    }

    void add(HistoryPoint p) {
      double v = ((Number) p.value()).doubleValue();
      count++;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      last = p;
    }

    HistoryPoint point() {
      double v = switch (strategy.aggregate()) {
        case MEAN -> sum / count;
        case MIN -> min;
        case MAX -> max;
        case LAST -> ((Number) last.value()).doubleValue();
      };
      Object value = first.kind() == ValueKind.INTEGER ? (Object) Math.round(v) : (Object) v;
      return new HistoryPoint(first.series(), value, Quality.GOOD, Micros.toInstant(index * stepMicros), last.receivedTime());
    }
  }
}
