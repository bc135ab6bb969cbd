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
  private final Map<SeriesKey, Points> series = new TreeMap<>(ORDER);
  // points of one property share their key's instance: most appends find their series here without comparing strings
  private final Map<SeriesKey, Points> byInstance = new java.util.IdentityHashMap<>();

  @Override
  public synchronized void append(List<HistoryPoint> points) {
    for (HistoryPoint p : points) {
      SeriesKey key = SeriesKey.of(p);
      Points s = byInstance.get(key);
      if (s == null) {
        s = series.computeIfAbsent(key, k -> new Points());
        byInstance.put(key, s);
      }
      s.add(new StoredPoint(p.time(), p.value(), p.quality(), p.receivedTime()));
    }
  }

  /**
   * One series' points in time and receipt order. Points come almost always in order, so adding
   * is an append; one out of order is put in its place, and one equal in both times replaces it.
   */
  private static final class Points {
    private final ArrayList<StoredPoint> list = new ArrayList<>();

    void add(StoredPoint p) {
      int n = list.size();
      int last = n == 0 ? -1 : BY_TIME.compare(p, list.get(n - 1));
      if (last > 0 || n == 0) {
        list.add(p);
        return;
      }
      if (last == 0) {
        list.set(n - 1, p);
        return;
      }
      int at = java.util.Collections.binarySearch(list, p, BY_TIME);
      if (at >= 0) list.set(at, p);
      else list.add(-at - 1, p);
    }

    java.util.stream.Stream<StoredPoint> stream() {
      return list.stream();
    }

    int size() {
      return list.size();
    }

    void removeIf(java.util.function.Predicate<StoredPoint> p) {
      list.removeIf(p);
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
    for (Points points : series.values()) {
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

  private Map<SeriesKey, Points> matching(HistoryQuery q) {
    Map<SeriesKey, Points> out = new LinkedHashMap<>();
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
