package org.twinlab.runtime.history;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.config.HistoryConfig;

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
    if (config.store() == HistoryConfig.Store.EMBEDDED) return SqliteHistoryStore.open(dataDir, config.maxSizeBytes());
    for (HistoryStoreFactory f : ServiceLoader.load(HistoryStoreFactory.class)) {
      if (f.store() == config.store()) return f.open(config, dataDir, clock);
    }
    throw new HistoryException("history.store " + config.store().name().toLowerCase(java.util.Locale.ROOT)
        + " is not installed in this runtime (its module is not on the class path)");
  }

  /** Opens a store or says why it cannot. */
  interface StoreOpener {
    HistoryStore open() throws HistoryException;
  }
}
