package org.twinlab.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text straight into a StringBuilder, character for character as the runtime's JSON
 * library writes the same tree (the live feed's hot path writes each change this way rather than
 * through a map tree and a serializer). Strings are escaped as that library does: {@code "} and
 * {@code \}, the short escapes for backspace, tab, newline, form feed and carriage return, other
 * control characters as six-character hex escapes; everything else as it is. Non-finite numbers are written as
 * strings ({@code "NaN"}), as that library does by default.
 */
public final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  // years 1 to 9999, which Instant.toString writes with four digits and no sign
  private static final long FIRST_PLAIN_SECOND = -62_135_596_800L;
  private static final long LAST_PLAIN_SECOND = 253_402_300_799L;

  /** The text of one whole second, "2026-03-02T09:15:30", reused while the times stay within it. */
  private record Second(long epochSecond, String text) {}

  /** The whole quoted text of one time: a batch's samples mostly share their source time and their time of receipt. */
  private record Written(Instant time, String text) {}

  // shared by every thread; a record is immutable, so a racing reader sees a whole one or the older one
  private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");
  // two, because a change carries two times (source and receipt) that alternate while a batch is written
  private static volatile Written lastWritten = new Written(null, "");
  private static volatile Written writtenBefore = new Written(null, "");

  private JsonText() {}

  /** A JSON string, quoted and escaped; null as null. */
  public static void string(StringBuilder out, String s) {
    if (s == null) {
      out.append("null");
      return;
    }
    int n = s.length();
    int first = 0;
    while (first < n && needsNoEscape(s.charAt(first))) first++;
    if (first == n) {
      // the usual case, copied whole
      out.append('"').append(s).append('"');
      return;
    }
    out.append('"');
    int from = 0;
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (needsNoEscape(c)) continue;
      out.append(s, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(s, from, n).append('"');
  }

  private static boolean needsNoEscape(char c) {
    return c >= 0x20 && c != '"' && c != '\\';
  }

  /** A time as Instant.toString writes it, quoted; null as null. */
  public static void time(StringBuilder out, Instant t) {
    if (t == null) {
      out.append("null");
      return;
    }
    Written last = lastWritten;
    if (t.equals(last.time())) {
      out.append(last.text());
      return;
    }
    Written before = writtenBefore;
    if (t.equals(before.time())) {
      out.append(before.text());
      return;
    }
    int from = out.length();
    writeTime(out, t);
    writtenBefore = last;
    lastWritten = new Written(t, out.substring(from));
  }

  private static void writeTime(StringBuilder out, Instant t) {
    long epochSecond = t.getEpochSecond();
    if (epochSecond < FIRST_PLAIN_SECOND || epochSecond > LAST_PLAIN_SECOND) {
      out.append('"').append(t).append('"');
      return;
    }
    Second second = lastSecond;
    if (second.epochSecond() != epochSecond) {
      String whole = t.truncatedTo(ChronoUnit.SECONDS).toString(); // "2026-03-02T09:15:30Z"
      second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
      lastSecond = second;
    }
    out.append('"').append(second.text());
    int nano = t.getNano();
    // as ISO_INSTANT: the fraction in groups of three digits, as many as it needs
    if (nano != 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) digits(out, nano / 1_000_000, 3);
      else if (nano % 1_000 == 0) digits(out, nano / 1_000, 6);
      else digits(out, nano, 9);
    }
    out.append("Z\"");
  }

  /** A non-negative number in exactly {@code width} digits, zeros first. */
  private static void digits(StringBuilder out, int value, int width) {
    for (int unit = pow10(width - 1); unit > 0; unit /= 10) {
      out.append((char) ('0' + value / unit % 10));
    }
  }

  private static int pow10(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) p *= 10;
    return p;
  }

  /** A string, number, boolean or null, as a property's value is. */
  public static void scalar(StringBuilder out, Object v) {
    if (v == null) out.append("null");
    else if (v instanceof String s) string(out, s);
    else if (v instanceof Boolean b) out.append(b.booleanValue());
    else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) out.append(((Number) v).longValue());
    else if (v instanceof Double d) number(out, d.doubleValue());
    else if (v instanceof Float f) number(out, f.floatValue());
    else if (v instanceof Number n) out.append(n);
    else throw new IllegalArgumentException("not a JSON scalar: " + v.getClass().getName());
  }

  // appended as a double, not as the boxed number: the digits go straight into the builder, no string between
  private static void number(StringBuilder out, double d) {
    if (Double.isFinite(d)) out.append(d);
    else string(out, Double.toString(d));
  }

  // a float's own shortest digits, not those of the double it widens to
  private static void number(StringBuilder out, float f) {
    if (Float.isFinite(f)) out.append(f);
    else string(out, Float.toString(f));
  }

  /** A tree of maps with text keys, lists and scalars, keys in the map's order. */
  public static void tree(StringBuilder out, Object v) {
    if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) out.append(',');
        first = false;
        string(out, (String) e.getKey());
        out.append(':');
        tree(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) out.append(',');
        tree(out, l.get(i));
      }
      out.append(']');
    } else {
      scalar(out, v);
    }
  }

  /** The text that starts a field of an object, {@code ,"name":} (without the comma for the first): written as one piece. */
  static String field(String name, boolean first) {
    return (first ? "" : ",") + '"' + name + "\":"; // field names are ours, none needs escaping
  }
}
