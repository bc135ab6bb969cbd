package org.twinlab.runtime.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Folds time-ordered points into steps aligned to whole multiples of the step since the epoch. */
final class StepAccumulator {
  private final long stepMicros;
  private final List<Step> steps = new ArrayList<>();
  private long bucket = Long.MIN_VALUE;
  private long count;
  private double sum;
  private Double min;
  private Double max;
  private Object last;

  StepAccumulator(Duration step) {
    this.stepMicros = Math.max(1, step.toNanos() / 1_000);
  }

  /** Adds a point; a point without a value counts for nothing. Points must come oldest first. */
  void add(long timeMicros, Object value, Double numeric) {
    if (value == null) return;
    long b = Math.floorDiv(timeMicros, stepMicros);
    if (b != bucket) {
      flush();
      bucket = b;
    }
    count++;
    last = value;
    if (numeric != null) {
      sum += numeric;
      min = min == null ? numeric : Math.min(min, numeric);
      max = max == null ? numeric : Math.max(max, numeric);
    }
  }

  List<Step> finish() {
    flush();
    return List.copyOf(steps);
  }

  private void flush() {
    if (count > 0) {
      boolean numeric = min != null;
      steps.add(new Step(Micros.toInstant(bucket * stepMicros), count, numeric ? sum / count : null, min, max, last));
    }
    count = 0;
    sum = 0;
    min = null;
    max = null;
    last = null;
  }
}
