package org.twinlab.runtime.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * History as files people open: CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read
 * Chinese text right, one row per point in time order, times in UTC as spreadsheets parse them) and JSON (the same shape the history API
 * answers with).
 */
public final class HistoryExport {
  public static final List<String> CSV_COLUMNS =
      List.of("time_utc", "twin", "station", "session", "property", "value", "unit", "quality", "reason", "received_utc");
  /**
   * ISO-8601 with a space and no zone letter, to the microsecond: spreadsheets read it as a date and
   * time (LibreOffice and Excel do not take the T and Z forms), the column names say UTC.
   */
  public static final java.time.format.DateTimeFormatter CSV_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(java.time.ZoneOffset.UTC);
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get();

  private HistoryExport() {}

  public static void csv(List<Series> series, Writer out) throws IOException {
    out.write('\uFEFF');
    List<Row> rows = new ArrayList<>();
    for (Series s : series) for (StoredPoint p : s.points()) rows.add(new Row(s.key(), p));
    rows.sort(Comparator.comparing((Row r) -> r.point.time()).thenComparing(r -> r.key.twin()).thenComparing(r -> r.key.property()));
    // the caller owns the writer: the printer is flushed, not closed
    CSVPrinter printer = new CSVPrinter(out, CSV);
    for (Row r : rows) {
      printer.printRecord(CSV_TIME.format(r.point.time()), r.key.twin(), orEmpty(r.key.station()), orEmpty(r.key.session()),
          r.key.property(), r.point.value() == null ? "" : r.point.value(), r.key.unit(), r.point.quality().level(),
          r.point.quality().reason(), CSV_TIME.format(r.point.receivedTime()));
    }
    printer.flush();
  }

  private record Row(SeriesKey key, StoredPoint point) {}

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Raw series as JSON: each series with its key, and its points as time, value and quality. */
  public static JsonObject json(TimeWindow window, List<Series> series) {
    return json(window, series, List.of());
  }

  /**
   * Raw series as JSON, each with the value in force when the window opened ({@code before}); a
   * series that has only such a value is listed with no points.
   */
  public static JsonObject json(TimeWindow window, List<Series> series, List<Series> before) {
    Map<SeriesKey, StoredPoint> opening = opening(before);
    JsonArray out = new JsonArray();
    for (Series s : series) {
      JsonArray points = new JsonArray();
      for (StoredPoint p : s.points()) points.add(point(p));
      out.add(withBefore(key(s.key()).put("points", points), opening.remove(s.key())));
    }
    opening.forEach((k, p) -> out.add(withBefore(key(k).put("points", new JsonArray()), p)));
    return new JsonObject().put("from", window.from().toString()).put("to", window.to().toString()).put("series", out);
  }

  /** Stepped series as JSON: per step its start, count, mean, min, max and last value, and the value before the window. */
  public static JsonObject json(TimeWindow window, java.time.Duration step, List<SteppedSeries> series, List<Series> before) {
    Map<SeriesKey, StoredPoint> opening = opening(before);
    JsonArray out = new JsonArray();
    for (SteppedSeries s : series) {
      JsonArray steps = new JsonArray();
      for (Step st : s.steps()) {
        steps.add(new JsonObject().put("time", st.start().toString()).put("count", st.count()).put("mean", st.mean())
            .put("min", st.min()).put("max", st.max()).put("last", st.last()));
      }
      out.add(withBefore(key(s.key()).put("steps", steps), opening.remove(s.key())));
    }
    opening.forEach((k, p) -> out.add(withBefore(key(k).put("steps", new JsonArray()), p)));
    return new JsonObject().put("from", window.from().toString()).put("to", window.to().toString())
        .put("step", step.toString()).put("series", out);
  }

  private static Map<SeriesKey, StoredPoint> opening(List<Series> before) {
    Map<SeriesKey, StoredPoint> out = new LinkedHashMap<>();
    for (Series b : before) if (!b.points().isEmpty()) out.put(b.key(), b.points().get(b.points().size() - 1));
    return out;
  }

  private static JsonObject withBefore(JsonObject series, StoredPoint before) {
    return before == null ? series : series.put("before", point(before));
  }

  private static JsonObject point(StoredPoint p) {
    JsonObject point = new JsonObject().put("time", p.time().toString()).put("value", p.value())
        .put("quality", p.quality().level().name());
    if (!p.quality().reason().isEmpty()) point.put("reason", p.quality().reason());
    return point;
  }

  /** Stepped series as JSON: per step its start, count, mean, min, max and last value. */
  public static JsonObject json(TimeWindow window, java.time.Duration step, List<SteppedSeries> series) {
    JsonArray out = new JsonArray();
    for (SteppedSeries s : series) {
      JsonArray steps = new JsonArray();
      for (Step st : s.steps()) {
        steps.add(new JsonObject().put("time", st.start().toString()).put("count", st.count()).put("mean", st.mean())
            .put("min", st.min()).put("max", st.max()).put("last", st.last()));
      }
      out.add(key(s.key()).put("steps", steps));
    }
    return new JsonObject().put("from", window.from().toString()).put("to", window.to().toString())
        .put("step", step.toString()).put("series", out);
  }

  private static JsonObject key(SeriesKey k) {
    JsonObject o = new JsonObject().put("twin", k.twin()).put("model", k.model()).put("property", k.property())
        .put("unit", k.unit()).put("kind", k.kind().name());
    if (k.station() != null) o.put("station", k.station());
    if (k.session() != null) o.put("session", k.session());
    return o;
  }
}
