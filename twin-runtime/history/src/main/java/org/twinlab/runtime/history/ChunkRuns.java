package org.twinlab.runtime.history;

import java.util.ArrayList;
import java.util.List;

/**
 * How one series' points become chunks: ordered by (t, rt) with each place once, merged with what a
 * series already holds, and cut into chunks of bounded size that never share a time, so the chunks
 * of a series cover disjoint time ranges.
 */
final class ChunkRuns {
  private ChunkRuns() {}

  /**
   * Orders points written together by (t, rt), keeping of each place the one that came last (the
   * sort is stable), as {@code INSERT OR REPLACE} did. Sorts the list in place.
   */
  static List<ChunkPoint> ordered(List<ChunkPoint> points) {
    if (points.size() < 2) return points;
    boolean sorted = true;
    for (int i = 1; i < points.size() && sorted; i++) sorted = ChunkPoint.compare(points.get(i - 1), points.get(i)) < 0;
    if (sorted) return points; // the common case: a series' samples arrive in order and once
    points.sort(ChunkPoint::compare);
    List<ChunkPoint> out = new ArrayList<>(points.size());
    for (ChunkPoint p : points) {
      if (!out.isEmpty() && out.get(out.size() - 1).samePlace(p)) out.set(out.size() - 1, p);
      else out.add(p);
    }
    return out;
  }

  /** Merges two ordered runs; of a place in both, the newer run's point is kept. */
  static List<ChunkPoint> merge(List<ChunkPoint> older, List<ChunkPoint> newer) {
    List<ChunkPoint> out = new ArrayList<>(older.size() + newer.size());
    int i = 0;
    int j = 0;
    while (i < older.size() || j < newer.size()) {
      if (j == newer.size()) out.add(older.get(i++));
      else if (i == older.size()) out.add(newer.get(j++));
      else {
        int c = ChunkPoint.compare(older.get(i), newer.get(j));
        if (c < 0) out.add(older.get(i++));
        else if (c > 0) out.add(newer.get(j++));
        else {
          out.add(newer.get(j++));
          i++;
        }
      }
    }
    return out;
  }

  /**
   * Cuts an ordered run into chunks of at most {@code max} points, only between different times
   * (a chunk may exceed {@code max} when more points than that share one time).
   */
  static List<List<ChunkPoint>> split(List<ChunkPoint> points, int max) {
    if (points.size() <= max) return List.of(points);
    List<List<ChunkPoint>> out = new ArrayList<>();
    int start = 0;
    while (start < points.size()) {
      int end = Math.min(points.size(), start + max);
      while (end < points.size() && end > start + 1 && points.get(end).t() == points.get(end - 1).t()) end--;
      if (end < points.size() && points.get(end).t() == points.get(end - 1).t()) {
        // one time holds more than max points: keep them together
        end = start + max;
        while (end < points.size() && points.get(end).t() == points.get(end - 1).t()) end++;
      }
      out.add(points.subList(start, end));
      start = end;
    }
    return out;
  }
}
