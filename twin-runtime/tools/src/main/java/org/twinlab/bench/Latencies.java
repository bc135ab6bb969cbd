package org.twinlab.bench;

import java.util.Arrays;

/** Latencies in microseconds, added from any thread up to a fixed count, read back sorted. */
final class Latencies {
  private final long[] micros;
  private int n;

  Latencies(long capacity) {
    micros = new long[(int) Math.max(1, Math.min(capacity, 20_000_000L))];
  }

  synchronized void add(long value) {
    if (n < micros.length) micros[n++] = value;
  }

  synchronized int count() {
    return n;
  }

  synchronized long[] sorted() {
    long[] copy = Arrays.copyOf(micros, n);
    Arrays.sort(copy);
    return copy;
  }

  /** The value at quantile q of sorted microseconds, in milliseconds; an empty set has none, which is an error. */
  static double percentileMs(long[] sortedMicros, double q) {
    if (sortedMicros.length == 0) throw new BenchFailure("nothing was measured: no latency was recorded");
    return sortedMicros[(int) Math.min(sortedMicros.length - 1, Math.round(q * (sortedMicros.length - 1)))] / 1000.0;
  }
}
