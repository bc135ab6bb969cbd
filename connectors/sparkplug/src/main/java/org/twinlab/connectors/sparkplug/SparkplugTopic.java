package org.twinlab.connectors.sparkplug;

import java.util.Optional;

/**
 * A Sparkplug B topic: {@code spBv1.0/<group>/<type>/<node>[/<device>]}. Host application
 * {@code STATE} topics and anything else under the namespace are not edge messages and do not parse.
 */
public record SparkplugTopic(MessageType type, EdgeId edge) {
  public static final String NAMESPACE = "spBv1.0";

  /** The message types an edge node sends or receives. */
  public enum MessageType { NBIRTH, NDEATH, DBIRTH, DDEATH, NDATA, DDATA, NCMD, DCMD;

    boolean forDevice() {
      return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
    }
  }

  public static Optional<SparkplugTopic> parse(String topic) {
    String[] l = topic.split("/", -1);
    if (l.length < 4 || l.length > 5 || !l[0].equals(NAMESPACE)) return Optional.empty();
    MessageType type;
    try {
      type = MessageType.valueOf(l[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (type.forDevice() != (l.length == 5)) return Optional.empty();
    try {
      return Optional.of(new SparkplugTopic(type, new EdgeId(l[1], l[3], l.length == 5 ? Optional.of(l[4]) : Optional.empty())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Every edge message of one group. */
  public static String groupFilter(String group) {
    return NAMESPACE + "/" + group + "/#";
  }

  /** The host application's own state topic (Sparkplug 3.0: {@code spBv1.0/STATE/<host id>}). */
  public static String state(String hostId) {
    return NAMESPACE + "/STATE/" + hostId;
  }

  /** The topic of a command to an edge node (NCMD) or to one of its devices (DCMD). */
  public static String command(EdgeId target) {
    return NAMESPACE + "/" + target.group() + "/" + (target.isDevice() ? "DCMD" : "NCMD") + "/" + target.node()
        + target.device().map(d -> "/" + d).orElse("");
  }

  @Override
  public String toString() {
    return NAMESPACE + "/" + edge.group() + "/" + type + "/" + edge.node() + edge.device().map(d -> "/" + d).orElse("");
  }
}
