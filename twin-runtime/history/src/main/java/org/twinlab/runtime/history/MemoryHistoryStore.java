package org.twinlab.runtime.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A history store in memory, for a simulated station on virtual time: the same answers as the
 * embedded store (series in the same order, points oldest first), nothing durable.
 */
public final class MemoryHistoryStore implements HistoryStore {
  private static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::twin).thenComparing(SeriesKey::property)
      .thenComparing(k -> k.station() == null ? "" : k.station()).thenComparing(k -> k.session() == null ? "" : k.session());
  private static final Comparator<StoredPoint> BY_TIME = Comparator.comparing(StoredPoint::time).thenComparing(StoredPoint::receivedTime);
  // per series, ordered by time and receipt; the same point written twice is kept once, as the embedded store keeps it
  private final Map<SeriesKey, java.util.TreeSet<StoredPoint>> series = new TreeMap<>(ORDER);

  @Override
  public synchronized void append(List<HistoryPoint> points) {
    for (HistoryPoint p : points) {
      java.util.TreeSet<StoredPoint> s = series.computeIfAbsent(SeriesKey.of(p), k -> new java.util.TreeSet<>(BY_TIME));
      StoredPoint point = new StoredPoint(p.time(), p.value(), p.quality(), p.receivedTime());
      s.remove(point);
      s.add(point);
    }
  }

  @Override
  public synchronized List<Series> raw(HistoryQuery query) {
    List<Series> out = new ArrayList<>();
    for (var e : matching(query).entrySet()) {
      List<StoredPoint> in = e.getValue().stream().filter(p -> !p.time().isBefore(query.from()) && p.time().isBefore(query.to())).toList();
      if (!in.isEmpty()) out.add(new Series(e.getKey(), in));
    }
    return out;
  }

  @Override
  public synchronized List<Series> latestBefore(HistoryQuery query) {
    List<Series> out = new ArrayList<>();
    for (var e : matching(query).entrySet()) {
      e.getValue().stream().filter(p -> p.time().isBefore(query.from())).max(BY_TIME)
          .ifPresent(p -> out.add(new Series(e.getKey(), List.of(p))));
    }
    return out;
  }

  @Override
  public synchronized List<SteppedSeries> stepped(HistoryQuery query, Duration step) {
    List<SteppedSeries> out = new ArrayList<>();
    for (Series s : raw(query)) {
      StepAccumulator acc = new StepAccumulator(step);
      for (StoredPoint p : s.points()) acc.add(Micros.of(p.time()), p.value(), s.key().kind().numeric(p.value()));
      List<Step> steps = acc.finish();
      if (!steps.isEmpty()) out.add(new SteppedSeries(s.key(), step, steps));
    }
    return out;
  }

  @Override
  public synchronized long deleteBefore(Instant cutoff) {
    long n = 0;
    for (java.util.TreeSet<StoredPoint> points : series.values()) {
      int before = points.size();
      points.removeIf(p -> p.time().isBefore(cutoff));
      n += before - points.size();
    }
    return n;
  }

  @Override
  public synchronized long deleteBefore(String twin, Instant cutoff) {
    long n = 0;
    for (var e : series.entrySet()) {
      if (!e.getKey().twin().equals(twin)) continue;
      int before = e.getValue().size();
      e.getValue().removeIf(p -> p.time().isBefore(cutoff));
      n += before - e.getValue().size();
    }
    return n;
  }

  private Map<SeriesKey, java.util.TreeSet<StoredPoint>> matching(HistoryQuery q) {
    Map<SeriesKey, java.util.TreeSet<StoredPoint>> out = new LinkedHashMap<>();
    series.forEach((k, v) -> {
      if (q.matches(k.twin(), k.property(), k.session())) out.put(k, v);
    });
    return out;
  }

  @Override
  public String describe() {
    return "history in memory";
  }

  @Override
  public void close() {}
}
