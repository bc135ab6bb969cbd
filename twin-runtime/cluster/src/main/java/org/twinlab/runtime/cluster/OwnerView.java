package org.twinlab.runtime.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * The owners map as this node saw it at its last look (once a second and on every change of
 * membership): read on the event loop, where asking Hazelcast itself would block on the network.
 */
final class OwnerView {
  private volatile Map<String, String> owners = Map.of();

  void seen(Map<String, String> now) {
    owners = Map.copyOf(now);
  }

  Optional<String> owner(String twin) {
    return Optional.ofNullable(owners.get(twin));
  }
}
