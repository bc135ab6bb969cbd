package org.twinlab.runtime.history.influx;

import java.nio.file.Path;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.HistoryStoreFactory;

/** Opens the InfluxDB 2 store, spooling to the data directory while the server is away. */
public final class InfluxStoreFactory implements HistoryStoreFactory {
  @Override
  public HistoryConfig.Store store() {
    return HistoryConfig.Store.INFLUXDB;
  }

  @Override
  public HistoryStore open(HistoryConfig config, Path dataDir, java.time.Clock clock) throws HistoryException {
    var influx = config.influx().orElseThrow();
    String token;
    try {
      token = influx.token();
    } catch (IllegalStateException e) {
      throw new HistoryException(e.getMessage(), e);
    }
    return new InfluxHistoryStore(influx, token, dataDir.resolve("influx-spool"), clock);
  }
}
