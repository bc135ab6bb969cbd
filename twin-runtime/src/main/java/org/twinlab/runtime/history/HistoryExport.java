package org.twinlab.runtime.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    JsonArray out = new JsonArray();
    for (Series s : series) {
      JsonArray points = new JsonArray();
      for (StoredPoint p : s.points()) points.add(point(p));
      out.add(key(s.key()).put("points", points));
    }
    return new JsonObject().put("from", window.from().toString()).put("to", window.to().toString()).put("series", out);
  }

  /**
   * Adds to each series of an answer the value in force when its window opened, as {@code before};
   * series that have only such a value are added with no points or steps.
   */
  public static JsonObject withValuesBefore(JsonObject answer, List<Series> before, String emptyField) {
    JsonArray series = answer.getJsonArray("series");
    for (Series b : before) {
      JsonObject match = null;
      for (int i = 0; i < series.size(); i++) {
        JsonObject s = series.getJsonObject(i);
        if (s.getString("twin").equals(b.key().twin()) && s.getString("property").equals(b.key().property())
            && java.util.Objects.equals(s.getString("station"), b.key().station())
            && java.util.Objects.equals(s.getString("session"), b.key().session())) {
          match = s;
        }
      }
      if (match == null) {
        match = key(b.key()).put(emptyField, new JsonArray());
        series.add(match);
      }
      match.put("before", point(b.points().get(0)));
    }
    return answer;
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
