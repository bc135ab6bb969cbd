package org.twinlab.runtime.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and for how long twin history is kept.
 *
 * @param retention points older than this are deleted; empty keeps everything
 * @param maxSizeBytes the embedded store's size cap, 0 for none (the disk is the limit)
 * @param influx the InfluxDB 2 server, when the store is INFLUXDB
 */
public record HistoryConfig(Store store, Optional<Duration> retention, long maxSizeBytes, Optional<InfluxConfig> influx) {

  public enum Store { EMBEDDED, INFLUXDB }

  public static final HistoryConfig EMBEDDED = new HistoryConfig(Store.EMBEDDED, Optional.empty(), 0, Optional.empty());

  public HistoryConfig {
    if (store == Store.INFLUXDB && influx.isEmpty()) throw new IllegalArgumentException("an InfluxDB store needs its server");
  }
}
