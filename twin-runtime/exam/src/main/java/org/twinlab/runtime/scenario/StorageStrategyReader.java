package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.config.Quantities;
import org.twinlab.runtime.history.StorageStrategy;
import org.twinlab.runtime.history.StorageStrategy.Aggregate;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a storage strategy a candidate sets on a twin (standard clause L3 2.1.4),
 * {@code {properties, retention, downsample, aggregate, store}}, and refuses it with the field at
 * fault. {@code properties} is a comma-separated list of the model's properties (or a list);
 * {@code retention} and {@code downsample} are durations such as {@code 30d} and {@code 10s};
 * {@code aggregate} is mean (the default), min, max or last; {@code store} is embedded or influxdb.
 */
public final class StorageStrategyReader {
  public static final List<String> FIELDS = List.of("properties", "retention", "downsample", "aggregate", "store");
  public static final List<String> STORES = List.of("embedded", "influxdb");
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofHours(1);
  static final Duration MIN_RETENTION = Duration.ofHours(1);

  private StorageStrategyReader() {}

  public static StorageStrategy read(Map<String, Object> fields, TwinModel model) {
    for (String k : fields.keySet()) {
      if (!FIELDS.contains(k)) throw TwinRequestException.invalid(k, "a storage strategy has " + String.join(", ", FIELDS) + " and nothing else");
    }
    Set<String> properties = properties(fields.get("properties"), model);
    Optional<Duration> retention = duration(fields, "retention");
    if (retention.isPresent() && retention.get().compareTo(MIN_RETENTION) < 0) {
      throw TwinRequestException.invalid("retention", "history is kept at least 1h");
    }
    Optional<Duration> downsample = duration(fields, "downsample");
    if (downsample.isPresent() && (downsample.get().compareTo(MIN_INTERVAL) < 0 || downsample.get().compareTo(MAX_INTERVAL) > 0)) {
      throw TwinRequestException.invalid("downsample", "one point per 1s to 1h");
    }
    Object a = fields.getOrDefault("aggregate", "mean");
    Aggregate aggregate = List.of(Aggregate.values()).stream().filter(x -> x.key().equals(a)).findFirst()
        .orElseThrow(() -> TwinRequestException.invalid("aggregate", "mean, min, max or last"));
    Object s = fields.get("store");
    if (!(s instanceof String store) || !STORES.contains(store)) {
      throw TwinRequestException.invalid("store", "the store history is kept on: embedded or influxdb");
    }
    return new StorageStrategy(properties, retention, downsample, aggregate, HistoryConfig.Store.valueOf(store.equals("embedded") ? "EMBEDDED" : "INFLUXDB"));
  }

  /** What the action is recorded with beside its fields: the strategy as the platform reads it. */
  public static Map<String, String> result(StorageStrategy s) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("kept", Integer.toString(s.properties().size()));
    out.put("interval_s", s.downsample().map(d -> Long.toString(d.toSeconds())).orElse("0"));
    out.put("retention_h", s.retention().map(d -> Long.toString(d.toHours())).orElse("0"));
    return out;
  }

  private static Set<String> properties(Object v, TwinModel model) {
    List<?> given = v instanceof String text ? List.of(text.split(",")) : v instanceof List<?> l ? l : null;
    if (given == null) throw TwinRequestException.invalid("properties", "the properties kept in history, comma-separated");
    Set<String> out = new LinkedHashSet<>();
    for (Object p : given) {
      String name = String.valueOf(p).trim();
      if (name.isEmpty()) continue;
      if (model.property(name).isEmpty()) throw TwinRequestException.invalid("properties", "the " + model.id() + " model has no property '" + name + "'");
      out.add(name);
    }
    if (out.isEmpty()) throw TwinRequestException.invalid("properties", "name at least one property to keep");
    return out;
  }

  private static Optional<Duration> duration(Map<String, Object> fields, String name) {
    Object v = fields.get(name);
    if (v == null) return Optional.empty();
    return Optional.of(Quantities.duration(String.valueOf(v).toLowerCase(Locale.ROOT))
        .orElseThrow(() -> TwinRequestException.invalid(name, name + " is a duration such as 10s, 15m, 24h or 30d")));
  }
}
