package org.twinlab.runtime.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node's part in a clustered lab, as {@code cluster.yaml} says.
 *
 * @param node this node's name, unique in the cluster
 * @param host the address Hazelcast and the clustered event bus bind to
 * @param port Hazelcast's member port
 * @param members the members to join by TCP/IP, as host:port (this node may be among them)
 * @param multicast whether to find members by multicast too (off unless asked)
 * @param heartbeatSeconds how often members tell each other they live
 * @param maxNoHeartbeatSeconds how long without a heartbeat before a member is taken for dead and its twins move
 * @param placement the node each twin prefers, by twin id
 * @param placementWaitSeconds how long a twin waits for the node it prefers before another takes it
 * @param secret the secret the nodes share, the key of every message between them (none only for a cluster of one)
 * @param tls the event bus over TLS with client certificates, if cluster.yaml asks for it
 */
public record ClusterConfig(String node, String host, int port, List<String> members, boolean multicast, int heartbeatSeconds,
    int maxNoHeartbeatSeconds, Map<String, String> placement, int placementWaitSeconds, Optional<LabSecret> secret,
    Optional<ClusterTls> tls) {
  public static final int DEFAULT_PORT = 5701;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 1;
  /** With the heartbeat every second: a dead node's twins move within about this, well inside 10 s. */
  public static final int DEFAULT_MAX_NO_HEARTBEAT_SECONDS = 5;
  public static final int DEFAULT_PLACEMENT_WAIT_SECONDS = 10;

  public ClusterConfig {
    members = List.copyOf(members);
    placement = Map.copyOf(placement);
  }

  /** A cluster with no lab secret: a node of it trusts no message from another. */
  public ClusterConfig(String node, String host, int port, List<String> members, boolean multicast, int heartbeatSeconds,
      int maxNoHeartbeatSeconds, Map<String, String> placement, int placementWaitSeconds) {
    this(node, host, port, members, multicast, heartbeatSeconds, maxNoHeartbeatSeconds, placement, placementWaitSeconds, Optional.empty(), Optional.empty());
  }

  /** The node a twin prefers, if placement names one. */
  public Optional<String> preferredNode(String twin) {
    return Optional.ofNullable(placement.get(twin));
  }
}
