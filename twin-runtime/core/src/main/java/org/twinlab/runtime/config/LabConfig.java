package org.twinlab.runtime.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one runtime runs: where it listens, where it keeps data, its connections and twins.
 *
 * @param history where twin history is kept
 * @param staleFactor a property turns STALE after this many of its expected periods without a sample
 * @param http the request time limit and HTTPS certificate
 * @param store the shared database for the sessions' evidence; empty: the data directory keeps it
 */
public record LabConfig(String bind, int port, Path dataDir, double staleFactor, List<ConnectionConfig> connections,
    List<TwinConfig> twins, HistoryConfig history, HttpConfig http, java.util.Optional<StoreConfig> store) {

  public LabConfig {
    connections = List.copyOf(connections);
    twins = List.copyOf(twins);
  }

  /** A lab that keeps everything in its own data directory (no shared store). */
  public LabConfig(String bind, int port, Path dataDir, double staleFactor, List<ConnectionConfig> connections,
      List<TwinConfig> twins, HistoryConfig history, HttpConfig http) {
    this(bind, port, dataDir, staleFactor, connections, twins, history, http, java.util.Optional.empty());
  }

  /** A lab served over plain HTTP with the default request time limit. */
  public LabConfig(String bind, int port, Path dataDir, double staleFactor, List<ConnectionConfig> connections,
      List<TwinConfig> twins, HistoryConfig history) {
    this(bind, port, dataDir, staleFactor, connections, twins, history, HttpConfig.DEFAULT);
  }

  /** A lab whose history goes to the embedded store in its data directory. */
  public LabConfig(String bind, int port, Path dataDir, double staleFactor, List<ConnectionConfig> connections,
      List<TwinConfig> twins) {
    this(bind, port, dataDir, staleFactor, connections, twins, HistoryConfig.EMBEDDED);
  }
}
