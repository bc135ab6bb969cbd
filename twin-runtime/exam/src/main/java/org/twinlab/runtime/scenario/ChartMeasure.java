package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.history.ChangeHistory;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.StoredPoint;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * What a saved chart's window holds in the twin's history, measured from the store, so a check can
 * judge both the chart and the storage strategy it was drawn from.
 *
 * <p>Recorded with the action: {@code series} (how many of the chart's properties have points in
 * the window), {@code samples} (their points), {@code spacing_s} (the shortest gap between two
 * points of one of them, {@code none} when none has two: one point per 10 s after a 10 s
 * downsampling, the sampling period without one), {@code stored} (every property of the twin with
 * points in the window, sorted and comma-separated: what its strategy keeps), {@code alarms} (the
 * alarms raised in the window, likewise) and {@code window_s}.
 */
public final class ChartMeasure {
  private final TwinModel model;

  public ChartMeasure(TwinModel model) {
    this.model = model;
  }

  public ActionOutcome measure(ChartSpec chart, String twin, HistoryStore store) throws HistoryException {
    List<Series> all = store.raw(HistoryQuery.twin(twin, chart.from(), chart.to()));
    TreeSet<String> stored = new TreeSet<>();
    TreeSet<String> alarms = new TreeSet<>();
    int series = 0;
    long samples = 0;
    Duration spacing = null;
    for (Series s : all) {
      String p = s.key().property();
      if (p.startsWith(ChangeHistory.ALARM_PREFIX)) {
        if (s.points().stream().anyMatch(x -> Boolean.TRUE.equals(x.value()))) alarms.add(p.substring(ChangeHistory.ALARM_PREFIX.length()));
        continue;
      }
      if (model.property(p).isEmpty()) continue; // lifecycle
      stored.add(p);
      if (!chart.properties().contains(p)) continue;
      series++;
      samples += s.points().size();
      List<StoredPoint> points = s.points();
      for (int i = 1; i < points.size(); i++) {
        Duration gap = Duration.between(points.get(i - 1).time(), points.get(i).time());
        if (spacing == null || gap.compareTo(spacing) < 0) spacing = gap;
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    result.put("series", Integer.toString(series));
    result.put("samples", Long.toString(samples));
    result.put("spacing_s", spacing == null ? "none" : String.format(java.util.Locale.ROOT, "%.2f", spacing.toNanos() / 1e9));
    result.put("stored", String.join(",", stored));
    result.put("alarms", String.join(",", alarms));
    result.put("window_s", Long.toString(Duration.between(chart.from(), chart.to()).toSeconds()));
    return new ActionOutcome(true, "chart " + chart.name() + " saved: " + samples + " points of " + series + " of its "
        + chart.properties().size() + " properties in the window", result);
  }
}
