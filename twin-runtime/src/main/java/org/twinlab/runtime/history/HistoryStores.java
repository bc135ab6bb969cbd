package org.twinlab.runtime.history;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.history.influx.InfluxHistoryStore;

/** Opens the store a lab's configuration names. */
public final class HistoryStores {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStores.class);

  private HistoryStores() {}

  /**
   * The configured store, or, when it cannot be opened (an unwritable data directory, a missing
   * token), a stand-in that reports why and keeps trying to open it: the runtime serves live twins
   * either way.
   */
  public static HistoryStore open(HistoryConfig config, Path dataDir, java.time.Clock clock) {
    StoreOpener opener = () -> openNow(config, dataDir, clock);
    try {
      HistoryStore store = opener.open();
      LOG.info("history: {}", store.describe());
      return store;
    } catch (HistoryException e) {
      LOG.error("history: {} — live twins keep running; history is retried every 10 s", e.getMessage());
      return new UnavailableStore(e.getMessage(), opener);
    }
  }

  static HistoryStore openNow(HistoryConfig config, Path dataDir, java.time.Clock clock) throws HistoryException {
    if (config.store() == HistoryConfig.Store.INFLUXDB) {
      var influx = config.influx().orElseThrow();
      String token;
      try {
        token = influx.token();
      } catch (IllegalStateException e) {
        throw new HistoryException(e.getMessage(), e);
      }
      return new InfluxHistoryStore(influx, token, dataDir.resolve("influx-spool"), clock);
    }
    return SqliteHistoryStore.open(dataDir, config.maxSizeBytes());
  }

  /** Opens a store or says why it cannot. */
  interface StoreOpener {
    HistoryStore open() throws HistoryException;
  }
}
