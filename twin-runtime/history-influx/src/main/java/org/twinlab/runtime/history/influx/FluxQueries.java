package org.twinlab.runtime.history.influx;

import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.Micros;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.SeriesKey;
import org.twinlab.runtime.history.Step;
import org.twinlab.runtime.history.SteppedSeries;
import org.twinlab.runtime.history.StoredPoint;
import org.twinlab.runtime.history.ValueKind;

/** The Flux that reads history back, and the reading of its answers into series. */
final class FluxQueries {
  private final String bucket;

  FluxQueries(String bucket) {
    this.bucket = bucket;
  }

  /** Every field of every point in the window, one row per point. */
  String rawFlux(HistoryQuery q) {
    return select(q) + "  |> pivot(rowKey: [\"_time\"], columnKey: [\"_field\"], valueColumn: \"_value\")\n";
  }

  /** The last point of each series before the window: every field's last value, joined by time. */
  String latestBeforeFlux(HistoryQuery q) {
    HistoryQuery before = new HistoryQuery(q.twin(), q.properties(), q.session(), Instant.EPOCH, q.from());
    return select(before) + "  |> last()\n"
        + "  |> pivot(rowKey: [\"_time\"], columnKey: [\"_field\"], valueColumn: \"_value\")\n";
  }

  /** The newest point of each series, where fields last written at different times came back as rows of their own. */
  List<Series> latest(List<FluxTable> tables) {
    List<Series> out = new ArrayList<>();
    for (Series s : raw(tables)) {
      if (!s.points().isEmpty()) out.add(new Series(s.key(), List.of(s.points().get(s.points().size() - 1))));
    }
    return out;
  }

  /** Mean, min and max of numbers, last and count of every value, per whole step since the epoch. */
  String steppedFlux(HistoryQuery q, Duration step) {
    String every = Math.max(1, step.toNanos() / 1_000) + "us";
    String window = "aggregateWindow(every: " + every + ", fn: %s, createEmpty: false, timeSrc: \"_start\")";
    StringBuilder f = new StringBuilder("data = ").append(select(q));
    f.append("numbers = data |> filter(fn: (r) => r._field == \"").append(LineProtocol.VALUE).append("\")\n");
    f.append("values = data |> filter(fn: (r) => r._field == \"").append(LineProtocol.VALUE)
        .append("\" or r._field == \"").append(LineProtocol.VALUE_TEXT).append("\")\n");
    for (String fn : List.of("mean", "min", "max")) {
      f.append("numbers |> ").append(String.format(window, fn)).append(" |> yield(name: \"").append(fn).append("\")\n");
    }
    for (String fn : List.of("last", "count")) {
      f.append("values |> ").append(String.format(window, fn)).append(" |> yield(name: \"").append(fn).append("\")\n");
    }
    return f.toString();
  }

  private String select(HistoryQuery q) {
    StringBuilder f = new StringBuilder();
    f.append("from(bucket: ").append(string(bucket)).append(")\n");
    f.append("  |> range(start: time(v: ").append(string(q.from().toString())).append("), stop: time(v: ")
        .append(string(q.to().toString())).append("))\n");
    if (q.twin() != null) f.append("  |> filter(fn: (r) => r.twin == ").append(string(q.twin())).append(")\n");
    if (q.session() != null) f.append("  |> filter(fn: (r) => r.session == ").append(string(q.session())).append(")\n");
    if (!q.properties().isEmpty()) {
      String set = q.properties().stream().sorted().map(FluxQueries::string).collect(Collectors.joining(", "));
      f.append("  |> filter(fn: (r) => contains(value: r.property, set: [").append(set).append("]))\n");
    }
    return f.toString();
  }

  /** A Flux string literal. */
  static String string(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${") + "\"";
  }

  List<Series> raw(List<FluxTable> tables) {
    Map<SeriesKey, List<StoredPoint>> bySeries = new LinkedHashMap<>();
    for (FluxTable t : tables) {
      for (FluxRecord r : t.getRecords()) {
        SeriesKey key = key(r);
        Object number = r.getValueByKey(LineProtocol.VALUE);
        Object text = r.getValueByKey(LineProtocol.VALUE_TEXT);
        Object value = key.kind().fromStored(number instanceof Number n ? n.doubleValue() : null, text == null ? null : text.toString());
        Object level = r.getValueByKey(LineProtocol.QUALITY);
        Object reason = r.getValueByKey(LineProtocol.REASON);
        Quality quality = new Quality(Quality.Level.valueOf(level == null ? "GOOD" : level.toString()),
            reason == null ? "" : reason.toString());
        Object received = r.getValueByKey(LineProtocol.RECEIVED);
        Instant time = r.getTime();
        Instant receivedTime = received instanceof Number n ? Micros.toInstant(n.longValue()) : time;
        bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new StoredPoint(time, value, quality, receivedTime));
      }
    }
    List<Series> out = new ArrayList<>();
    bySeries.forEach((k, points) -> {
      points.sort(Comparator.comparing(StoredPoint::time));
      out.add(new Series(k, points));
    });
    out.sort(Comparator.comparing((Series s) -> s.key().twin()).thenComparing(s -> s.key().property()));
    return out;
  }

  List<SteppedSeries> stepped(List<FluxTable> tables, Duration step) {
    Map<SeriesKey, TreeMap<Instant, Map<String, Object>>> bySeries = new LinkedHashMap<>();
    long stepMicros = Math.max(1, step.toNanos() / 1_000);
    for (FluxTable t : tables) {
      for (FluxRecord r : t.getRecords()) {
        SeriesKey key = key(r);
        // the first window is cut at the range start; its step still begins on the whole step
        long at = Math.floorDiv(Micros.of(r.getTime()), stepMicros) * stepMicros;
        bySeries.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(Micros.toInstant(at), x -> new LinkedHashMap<>())
            .put(String.valueOf(r.getValueByKey("result")), r.getValue());
      }
    }
    List<SteppedSeries> out = new ArrayList<>();
    bySeries.forEach((key, steps) -> {
      List<Step> list = new ArrayList<>();
      steps.forEach((start, aggs) -> {
        Object count = aggs.get("count");
        Object last = aggs.get("last");
        Object lastValue = key.kind() == ValueKind.TEXT ? last
            : key.kind().fromStored(last instanceof Number n ? n.doubleValue() : null, null);
        list.add(new Step(start, count instanceof Number n ? n.longValue() : 0, number(aggs.get("mean")),
            number(aggs.get("min")), number(aggs.get("max")), lastValue));
      });
      out.add(new SteppedSeries(key, step, list));
    });
    out.sort(Comparator.comparing((SteppedSeries s) -> s.key().twin()).thenComparing(s -> s.key().property()));
    return out;
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  private static SeriesKey key(FluxRecord r) {
    return new SeriesKey(text(r, "twin"), r.getMeasurement(), text(r, "property"),
        ValueKind.valueOf(text(r, "kind") == null ? "NUMBER" : text(r, "kind")), orEmpty(text(r, "unit")),
        text(r, "station"), text(r, "session"));
  }

  private static String text(FluxRecord r, String column) {
    Object v = r.getValueByKey(column);
    return v == null || v.toString().isEmpty() ? null : v.toString();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

}
