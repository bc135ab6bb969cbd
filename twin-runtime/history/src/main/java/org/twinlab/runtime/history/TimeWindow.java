package org.twinlab.runtime.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.twinlab.runtime.config.Quantities;

/**
 * A time window from text, as users write it in a URL or on the command line: an ISO-8601 instant
 * ({@code 2026-03-01T08:00:00Z}, or with an offset), {@code now}, or a time before now such as
 * {@code -15m}, {@code -2h}, {@code -7d}.
 */
public record TimeWindow(Instant from, Instant to) {
  public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(15);

  /** Thrown with the name of the field that is wrong. */
  public static final class BadTime extends IllegalArgumentException {
    private final String field;

    public BadTime(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Reads {@code from} and {@code to} (either may be null: to defaults to now, from to 15 minutes before to). */
  public static TimeWindow parse(String from, String to, Instant now) {
    Instant end = to == null || to.isBlank() ? now : instant("to", to, now);
    Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH) : instant("from", from, now);
    if (!start.isBefore(end)) throw new BadTime("from", "from (" + start + ") must be before to (" + end + ")");
    return new TimeWindow(start, end);
  }

  public static Instant instant(String field, String text, Instant now) {
    String t = text.trim();
    if (t.equals("now")) return now;
    if (t.startsWith("-")) {
      Optional<Duration> ago = Quantities.duration(t.substring(1));
      if (ago.isPresent()) return now.minus(ago.get());
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadTime(field, "'" + text + "' is not a time: use an ISO-8601 instant such as 2026-03-01T08:00:00Z, now, or -15m");
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
