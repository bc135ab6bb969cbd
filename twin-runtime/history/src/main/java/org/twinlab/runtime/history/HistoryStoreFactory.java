package org.twinlab.runtime.history;

import java.nio.file.Path;
import org.twinlab.runtime.config.HistoryConfig;

/**
 * Opens a history store other than the built-in SQLite one. Found with {@link java.util.ServiceLoader},
 * so a store whose client library is large (InfluxDB) lives in a module of its own that a runtime
 * may leave out.
 */
public interface HistoryStoreFactory {
  /** The {@code history.store} this factory opens. */
  HistoryConfig.Store store();

  /** Opens the store; {@code clock} is the runtime's, for anything the store stamps or ages. */
  HistoryStore open(HistoryConfig config, Path dataDir, java.time.Clock clock) throws HistoryException;
}
