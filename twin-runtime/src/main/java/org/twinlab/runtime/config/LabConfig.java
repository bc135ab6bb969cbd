package org.twinlab.runtime.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one runtime runs: where it listens, where it keeps data, its connections and twins.
 *
 * @param staleFactor a property turns STALE after this many of its expected periods without a sample
 */
public record LabConfig(String bind, int port, Path dataDir, double staleFactor, List<ConnectionConfig> connections,
    List<TwinConfig> twins) {

  public LabConfig {
    connections = List.copyOf(connections);
    twins = List.copyOf(twins);
  }
}
