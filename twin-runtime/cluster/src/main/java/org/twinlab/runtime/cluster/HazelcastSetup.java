package org.twinlab.runtime.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;

/** The Hazelcast member a node runs, from its cluster.yaml: TCP/IP join, multicast only if asked, failure detection tuned. */
final class HazelcastSetup {
  /** The member attribute that carries the node's name, so every node knows whose member is whose. */
  static final String NODE_ATTRIBUTE = "twinlab.node";
  static final String CLUSTER_NAME = "twinlab";

  private HazelcastSetup() {}

  static Config config(ClusterConfig c) {
    // Vert.x's own maps (event-bus subscriptions, node info) keep their backups as its default file sets them
    Config config = io.vertx.spi.cluster.hazelcast.ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    config.setInstanceName("twinlab-" + c.node());
    config.getMemberAttributeConfig().setAttribute(NODE_ATTRIBUTE, c.node());
    // Vert.x closes the member when the runtime stops; a dead JVM is found by the heartbeats below
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(c.heartbeatSeconds()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(c.maxNoHeartbeatSeconds()));
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // members see each other at once on a small lab network, rather than after the default join wait
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.getNetworkConfig().setPort(c.port()).setPortAutoIncrement(false).setPublicAddress(c.host() + ":" + c.port());
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(c.host());
    config.setProperty("hazelcast.socket.bind.any", "false");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(c.multicast());
    // a member not up yet is given up on quickly: the first node to start does not wait long to lead alone
    join.getTcpIpConfig().setEnabled(!c.members().isEmpty()).setMembers(c.members()).setConnectionTimeoutSeconds(2);
    return config;
  }
}
