package org.twinlab.models.expr;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One test an event filter makes on one of the event's attributes: {@code property=pid.setpoint},
 * {@code value>=-5}, {@code value in 40..60}, {@code cause contains jam}. An event that lacks the
 * attribute passes no test, {@code !=} included: only evidence that is there counts.
 *
 * @param value what the attribute is compared with; for {@code in}, the range's lower bound
 * @param upTo the range's upper bound for {@code in}, empty otherwise
 * @param column where the attribute's name starts in the check (1-based)
 * @param valueColumn where the value starts
 */
public record Filter(String key, Op op, String value, String upTo, int column, int valueColumn) {
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  public enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), CONTAINS("contains");

    public final String text;

    Op(String text) {
      this.text = text;
    }

    /** Whether the operator orders numbers (and is false for anything else). */
    public boolean numeric() {
      return this == LT || this == LE || this == GT || this == GE || this == IN;
    }
  }

  /** Whether an attribute's recorded text passes the test; {@code null} (no such attribute) never does. */
  public boolean test(String have) {
    if (have == null) return false;
    return switch (op) {
      case EQ -> same(have, value);
      case NE -> !same(have, value);
      case CONTAINS -> contains(have, value);
      case IN -> number(have).map(x -> x >= number(value).orElseThrow() && x <= number(upTo).orElseThrow()).orElse(false);
      default -> number(have).map(x -> order(Double.compare(x, number(value).orElseThrow()))).orElse(false);
    };
  }

  private boolean order(int c) {
    return switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      default -> c >= 0;
    };
  }

  /** Equal texts, or numbers written differently (2 and 2.0): what {@code =} has always meant. */
  private static boolean same(String have, String want) {
    if (have.equals(want)) return true;
    // numbers as the filter language writes them: no 2d, 0x1p1 or Infinity passing for 2
    Optional<Double> h = number(have);
    Optional<Double> w = number(want);
    return h.isPresent() && w.isPresent() && h.get().doubleValue() == w.get().doubleValue();
  }

  /**
   * Text is found anywhere in the attribute; a number only whole, so that a list recorded as
   * {@code 10,20.5} contains 20.5 but not 2, and a report saying "rose to 480." contains 480.
   */
  private static boolean contains(String have, String want) {
    if (want.isEmpty()) return true;
    if (number(want).isEmpty()) return have.contains(want);
    for (int at = have.indexOf(want); at >= 0; at = have.indexOf(want, at + 1)) {
      if (!continuesBefore(have, at) && !continuesAfter(have, at + want.length())) return true;
    }
    return false;
  }

  /** A digit, a decimal point or a sign (a minus not after a letter or digit) right before the match. */
  private static boolean continuesBefore(String s, int at) {
    if (at == 0) return false;
    char c = s.charAt(at - 1);
    if (Character.isDigit(c) || c == '.') return true;
    return c == '-' && (at == 1 || !Character.isLetterOrDigit(s.charAt(at - 2)));
  }

  /** A digit, or a decimal point followed by one, right after the match. */
  private static boolean continuesAfter(String s, int end) {
    if (end >= s.length()) return false;
    char c = s.charAt(end);
    return Character.isDigit(c) || (c == '.' && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1)));
  }

  /** A decimal number as written in a filter or recorded in an attribute (no hex, no NaN, no 1d). */
  public static Optional<Double> number(String text) {
    if (!NUMBER.matcher(text).matches()) return Optional.empty();
    double d = Double.parseDouble(text);
    return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
  }

  @Override
  public String toString() {
    return key + (op == Op.IN ? " in " + value + ".." + upTo : op == Op.CONTAINS ? " contains " + value : op.text + value);
  }
}
