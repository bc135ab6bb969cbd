package org.twinlab.cli;

import picocli.CommandLine.Option;

/** How fast a bench's signals change and how long it runs; each bench gives its own defaults. */
final class BenchPace {
  @Option(names = "--hz", description = "updates per second of each signal (default: ${DEFAULT-VALUE})")
  int hz = 10;

  @Option(names = "--seconds", description = "measured time (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", description = "seconds before measuring (default: ${DEFAULT-VALUE})")
  int warmup;

  BenchPace(int seconds, int warmup) {
    this.seconds = seconds;
    this.warmup = warmup;
  }
}
