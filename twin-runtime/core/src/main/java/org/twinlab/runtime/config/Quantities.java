package org.twinlab.runtime.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations such as {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s} and sizes such as {@code 500MB}, {@code 2GB}. */
public final class Quantities {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)", Pattern.CASE_INSENSITIVE);

  private Quantities() {}

  public static Optional<Duration> duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) return Optional.empty();
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    });
  }

  public static Optional<Long> bytes(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) return Optional.empty();
    long n = Long.parseLong(m.group(1));
    int power = switch (m.group(2).toUpperCase()) {
      case "B" -> 0;
      case "KB" -> 1;
      case "MB" -> 2;
      case "GB" -> 3;
      default -> 4;
    };
    for (int i = 0; i < power; i++) n = Math.multiplyExact(n, 1024L);
    return Optional.of(n);
  }
}
