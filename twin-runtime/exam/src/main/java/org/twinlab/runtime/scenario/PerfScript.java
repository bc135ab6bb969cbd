package org.twinlab.runtime.scenario;

import java.util.List;

/**
 * A candidate's performance test script: a load of writes to one property at a rate for a while,
 * and the requirement the write-to-twin latency must meet.
 *
 * @param property the writable property the load writes and the twin must show back
 * @param values the values written, in turn
 * @param rate writes per second
 * @param seconds how long the load runs
 * @param metric mean, p95 or max of the writes' latencies
 * @param thresholdMs the requirement: the metric at most this
 */
record PerfScript(String property, List<Double> values, double rate, double seconds, String metric, double thresholdMs) {

  static final List<String> METRICS = List.of("mean", "p95", "max");

  /** How many writes the load makes. */
  int writes() {
    return (int) Math.floor(rate * seconds + 1e-9);
  }

  /** The metric over the writes' latencies in ms; infinite when a write the metric counts never showed. */
  double metricOf(List<Double> latencies) {
    List<Double> sorted = latencies.stream().sorted().toList();
    return switch (metric) {
      case "mean" -> sorted.stream().mapToDouble(Double::doubleValue).sum() / sorted.size();
      case "max" -> sorted.get(sorted.size() - 1);
      default -> sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1); // nearest rank
    };
  }
}
