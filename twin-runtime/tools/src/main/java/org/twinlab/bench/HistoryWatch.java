package org.twinlab.bench;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.runtime.history.HistoryStatus;
import org.twinlab.runtime.history.HistoryWriter;

/**
 * Whether history keeps up: the points it was handed against the points the store acknowledged, and
 * the length of its queue once a second. A queue that only waits for its next batch rises and falls;
 * one that falls behind rises for good, so that even its lowest point late in the run lies above its
 * highest early on.
 */
final class HistoryWatch {
  /** Room for noise when a small run's queue is compared with itself. */
  private static final long MARGIN = 1_000;

  private final HistoryWriter writer;
  private final HistoryStatus first;
  private final List<Long> queued = new ArrayList<>();

  HistoryWatch(HistoryWriter writer) {
    this.writer = writer;
    this.first = writer.status();
    queued.add(first.queued());
  }

  void sample() {
    queued.add(writer.status().queued());
  }

  /** What history did while it was watched. */
  record Result(long received, long written, long dropped, long maxQueued, long lastQueued, boolean backlogGrows) {
    /** Neither a growing queue nor a full one (a full queue drops what does not fit). */
    boolean keepsUp() {
      return !backlogGrows && dropped == 0;
    }
  }

  Result result() {
    HistoryStatus last = writer.status();
    long received = (last.acknowledged() + last.queued() + last.dropped()) - (first.acknowledged() + first.queued() + first.dropped());
    int half = queued.size() / 2;
    long earlyHigh = queued.subList(0, Math.max(1, half)).stream().mapToLong(Long::longValue).max().orElse(0);
    long lateLow = queued.subList(half, queued.size()).stream().mapToLong(Long::longValue).min().orElse(0);
    return new Result(received, last.acknowledged() - first.acknowledged(), last.dropped() - first.dropped(),
        queued.stream().mapToLong(Long::longValue).max().orElse(0), last.queued(), lateLow > earlyHigh + MARGIN);
  }
}
