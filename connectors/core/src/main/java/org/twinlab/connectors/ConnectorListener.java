package org.twinlab.connectors;

import java.util.List;

/**
 * Receives what a connector produces. Called on the connector's own threads, serially per
 * connector: implementations must hand work off rather than block.
 */
public interface ConnectorListener {
  void onSamples(List<Sample> samples);

  void onStateChanged(ConnectionEvent event);
}
