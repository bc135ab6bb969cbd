package org.twinlab.runtime.history.influx;

import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.Micros;
import org.twinlab.runtime.history.ValueKind;

/**
 * History points as InfluxDB line protocol, microsecond precision: one measurement per twin model;
 * tags twin, property, station, session, kind and unit (constant per series, so no extra
 * cardinality); fields {@code value} (a float: numbers, and booleans as 0 and 1) or
 * {@code value_text}, {@code quality}, {@code reason} when there is one, and {@code received}.
 */
public final class LineProtocol {
  public static final String VALUE = "value";
  public static final String VALUE_TEXT = "value_text";
  public static final String QUALITY = "quality";
  public static final String REASON = "reason";
  public static final String RECEIVED = "received";

  private LineProtocol() {}

  public static String line(HistoryPoint p) {
    StringBuilder b = new StringBuilder(160);
    escapeKey(b, p.model(), true);
    tag(b, "kind", p.kind().name());
    tag(b, "property", p.property());
    tag(b, "session", p.session());
    tag(b, "station", p.station());
    tag(b, "twin", p.twin());
    tag(b, "unit", p.unit());
    b.append(' ');
    Double n = p.numeric();
    if (n != null && !n.isNaN() && !n.isInfinite()) {
      b.append(VALUE).append('=').append(n).append(',');
    } else if (p.kind() == ValueKind.TEXT && p.value() != null) {
      b.append(VALUE_TEXT).append('=');
      quoted(b, p.value().toString());
      b.append(',');
    }
    b.append(QUALITY).append('=');
    quoted(b, p.quality().level().name());
    if (!p.quality().reason().isEmpty()) {
      b.append(',').append(REASON).append('=');
      quoted(b, p.quality().reason());
    }
    b.append(',').append(RECEIVED).append('=').append(Micros.of(p.receivedTime())).append('i');
    b.append(' ').append(Micros.of(p.time()));
    return b.toString();
  }

  private static void tag(StringBuilder b, String key, String value) {
    if (value == null || value.isEmpty()) return;
    b.append(',').append(key).append('=');
    escapeKey(b, value, false);
  }

  private static void escapeKey(StringBuilder b, String s, boolean measurement) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == ' ' || (!measurement && c == '=') || c == '\\') b.append('\\');
      if (c == '\n' || c == '\r') c = ' ';
      b.append(c);
    }
  }

  private static void quoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\');
      b.append(c);
    }
    b.append('"');
  }
}
