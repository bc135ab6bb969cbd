package org.twinlab.connectors.sparkplug;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Metric;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Payload;
import org.twinlab.connectors.sparkplug.SparkplugTopic.MessageType;

/**
 * What a host application knows of the edge nodes of one broker: per node its birth certificate
 * (metrics, types, aliases), its last sequence number and bdSeq, whether it and each device is
 * alive. Plain Java owned by one thread (the connector's lane), on an injected clock.
 *
 * <p>Values are trusted only between a birth and a death with every sequence number in between: a
 * gap, or data from a node or alias not born, asks the node for a rebirth and holds its values
 * UNCERTAIN until the birth comes.
 */
final class EdgeNodes {
  static final String BD_SEQ = "bdSeq";

  private final Clock clock;
  private final Duration rebirthInterval;
  private final Map<EdgeId, Node> nodes = new HashMap<>();
  private final Map<EdgeId, Instant> rebirthAsked = new HashMap<>();

  /** One metric's value change, or the change of its quality. */
  record Update(SparkplugAddress address, Object value, Instant at, Quality quality) {}

  /**
   * What one message changed: the values and qualities to report, the nodes to ask for a rebirth,
   * and the nodes or devices whose birth certificate was just replaced.
   */
  record Outcome(List<Update> updates, List<EdgeId> rebirths, List<EdgeId> born) {
    static final Outcome NONE = new Outcome(List.of(), List.of(), List.of());
  }

  /** A metric of a birth certificate with its latest value. */
  record Known(SparkplugAddress address, MetricType type, Object value, Instant at, Quality quality) {}

  private static final class Device {
    boolean alive = true;
    final Map<String, Known> metrics = new LinkedHashMap<>();
  }

  private static final class Node {
    final OptionalLong bdSeq;
    long seq;
    boolean alive = true;
    /** A sequence gap or unknown alias: nothing is believed until the next NBIRTH. */
    boolean awaitingRebirth;
    final Map<Long, MetricKey> aliases = new HashMap<>();
    final Map<Optional<String>, Device> devices = new LinkedHashMap<>();

    Node(OptionalLong bdSeq, long seq) {
      this.bdSeq = bdSeq;
      this.seq = seq;
    }
  }

  private record MetricKey(Optional<String> device, String name) {}

  EdgeNodes(Clock clock, Duration rebirthInterval) {
    this.clock = clock;
    this.rebirthInterval = rebirthInterval;
  }

  Outcome onMessage(SparkplugTopic topic, Payload payload) {
    Instant at = payload.timestamp().orElseGet(clock::instant);
    EdgeId nodeId = topic.edge().nodeId();
    return switch (topic.type()) {
      case NBIRTH -> nodeBirth(nodeId, payload, at);
      // a death is mostly the node's will, dated when it was registered: the node died when it arrived
      case NDEATH -> nodeDeath(nodeId, payload, clock.instant());
      case DBIRTH, NDATA, DDATA, DDEATH -> fromLiveNode(topic, nodeId, payload, at);
      case NCMD, DCMD -> Outcome.NONE;
    };
  }

  private Outcome nodeBirth(EdgeId nodeId, Payload payload, Instant at) {
    OptionalLong bdSeq = OptionalLong.empty();
    for (Metric m : payload.metrics()) {
      if (m.name().filter(BD_SEQ::equals).isPresent() && m.raw() instanceof Number n) bdSeq = OptionalLong.of(n.longValue());
    }
    Node previous = nodes.get(nodeId);
    Node node = new Node(bdSeq, payload.seq().orElse(0));
    // devices keep their values until their own births, which follow the node's; their aliases are
    // learnt again from those births, since a reborn node may hand them out anew
    if (previous != null) {
      previous.devices.forEach((d, dev) -> {
        if (d.isPresent()) node.devices.put(d, dev);
      });
    }
    nodes.put(nodeId, node);
    rebirthAsked.remove(nodeId);
    List<Update> updates = new ArrayList<>();
    if (!born(node, nodeId, Optional.empty(), payload.metrics(), at, updates)) {
      return holdForRebirth(nodeId, node, "the edge node's birth gives one alias to two metrics", updates);
    }
    return new Outcome(updates, List.of(), List.of(nodeId));
  }

  /** Records a birth certificate's metrics; false when an alias is given to two metrics. */
  private boolean born(Node node, EdgeId nodeId, Optional<String> device, List<Metric> metrics, Instant at, List<Update> updates) {
    Device dev = new Device();
    node.devices.put(device, dev);
    node.aliases.values().removeIf(k -> k.device().equals(device));
    EdgeId edge = new EdgeId(nodeId.group(), nodeId.node(), device);
    boolean ok = true;
    for (Metric m : metrics) {
      if (m.name().isEmpty()) continue; // a birth names every metric; one without a name cannot be bound
      String name = m.name().get();
      MetricType type = MetricType.of(m.datatype());
      if (m.alias().isPresent()) {
        MetricKey prior = node.aliases.putIfAbsent(m.alias().getAsLong(), new MetricKey(device, name));
        if (prior != null && !prior.equals(new MetricKey(device, name))) ok = false;
      }
      Update u = update(edge.metric(name), m, type, at);
      dev.metrics.put(name, new Known(u.address(), type, u.value(), u.at(), u.quality()));
      updates.add(u);
    }
    return ok;
  }

  private static Update update(SparkplugAddress address, Metric m, MetricType type, Instant payloadTime) {
    Instant at = m.timestamp().orElse(payloadTime);
    Object value = m.value(type);
    if (value != null) return new Update(address, value, at, Quality.GOOD);
    if (type == MetricType.UNSUPPORTED) {
      return new Update(address, null, at, Quality.bad("Bad_TypeMismatch: Sparkplug data type " + m.datatype() + " is not a scalar value"));
    }
    return new Update(address, null, at, Quality.uncertain("Uncertain_NoCommunicationLastUsableValue: the edge node reports no value"));
  }

  private Outcome nodeDeath(EdgeId nodeId, Payload payload, Instant at) {
    Node node = nodes.get(nodeId);
    if (node == null || !node.alive) return Outcome.NONE;
    OptionalLong bdSeq = OptionalLong.empty();
    for (Metric m : payload.metrics()) {
      if (m.name().filter(BD_SEQ::equals).isPresent() && m.raw() instanceof Number n) bdSeq = OptionalLong.of(n.longValue());
    }
    // the will of an older session of the node: the one that is alive did not die
    if (bdSeq.isPresent() && node.bdSeq.isPresent() && bdSeq.getAsLong() != node.bdSeq.getAsLong()) return Outcome.NONE;
    node.alive = false;
    List<Update> updates = new ArrayList<>();
    Quality dead = Quality.bad("Bad_NoCommunication: the edge node " + nodeId + " died (NDEATH)");
    node.devices.forEach((d, dev) -> {
      dev.alive = false;
      markAll(dev, at, dead, updates);
    });
    return new Outcome(updates, List.of(), List.of());
  }

  private Outcome fromLiveNode(SparkplugTopic topic, EdgeId nodeId, Payload payload, Instant at) {
    Node node = nodes.get(nodeId);
    if (node == null || !node.alive) return askRebirth(nodeId, List.of());
    if (node.awaitingRebirth) return askRebirth(nodeId, List.of());
    long expected = (node.seq + 1) % 256;
    if (payload.seq().isPresent()) {
      long got = payload.seq().getAsLong();
      if (got != expected) {
        return holdForRebirth(nodeId, node, "Sparkplug sequence gap from " + nodeId + " (expected " + expected + ", got " + got + ")",
            new ArrayList<>());
      }
      node.seq = got;
    }
    Optional<String> device = topic.edge().device();
    List<Update> updates = new ArrayList<>();
    if (topic.type() == MessageType.DBIRTH) {
      if (!born(node, nodeId, device, payload.metrics(), at, updates)) {
        return holdForRebirth(nodeId, node, "the birth of " + topic.edge() + " gives one alias to two metrics", updates);
      }
      return new Outcome(updates, List.of(), List.of(topic.edge()));
    }
    Device dev = node.devices.get(device);
    if (topic.type() == MessageType.DDEATH) {
      if (dev != null && dev.alive) {
        dev.alive = false;
        markAll(dev, at, Quality.bad("Bad_NoCommunication: the device " + topic.edge() + " died (DDEATH)"), updates);
      }
      return new Outcome(updates, List.of(), List.of());
    }
    if (dev == null || !dev.alive) {
      return holdForRebirth(nodeId, node, "data from " + topic.edge() + ", which has not been born", updates);
    }
    for (Metric m : payload.metrics()) {
      Optional<String> name = m.name();
      if (name.isEmpty() && m.alias().isPresent()) {
        MetricKey k = node.aliases.get(m.alias().getAsLong());
        if (k != null && k.device().equals(device)) name = Optional.of(k.name());
      }
      Known known = name.map(dev.metrics::get).orElse(null);
      if (known == null) {
        String what = m.name().map(n -> "metric '" + n + "'").orElse("alias " + m.alias().orElse(-1));
        return holdForRebirth(nodeId, node, "data from " + topic.edge() + " for " + what + ", which its birth does not have", updates);
      }
      Update u = update(known.address(), m, known.type(), at);
      dev.metrics.put(known.address().metric(), new Known(u.address(), known.type(), u.value(), u.at(), u.quality()));
      updates.add(u);
    }
    return new Outcome(updates, List.of(), List.of());
  }

  /** Values of the node held UNCERTAIN (their last value kept) until its next birth, and a rebirth asked for. */
  private Outcome holdForRebirth(EdgeId nodeId, Node node, String why, List<Update> updates) {
    node.awaitingRebirth = true;
    Quality q = Quality.uncertain("Uncertain_LastUsableValue: " + why + "; waiting for its rebirth");
    Instant now = clock.instant();
    node.devices.values().forEach(dev -> {
      if (dev.alive) markAll(dev, now, q, updates);
    });
    return askRebirth(nodeId, updates);
  }

  private Outcome askRebirth(EdgeId nodeId, List<Update> updates) {
    Instant now = clock.instant();
    Instant last = rebirthAsked.get(nodeId);
    boolean ask = last == null || !now.isBefore(last.plus(rebirthInterval));
    if (ask) rebirthAsked.put(nodeId, now);
    return new Outcome(updates, ask ? List.of(nodeId) : List.of(), List.of());
  }

  private static void markAll(Device dev, Instant at, Quality q, List<Update> updates) {
    dev.metrics.replaceAll((name, k) -> {
      Object value = q.isBad() ? null : k.value();
      updates.add(new Update(k.address(), value, at, q));
      return new Known(k.address(), k.type(), value, at, q);
    });
  }

  /**
   * Asks for the birth of a node nothing is known of (a binding names it, or the broker link is
   * new): a host application that joins late learns the node's metrics this way.
   */
  Optional<EdgeId> rebirthIfUnknown(EdgeId nodeId) {
    Node n = nodes.get(nodeId);
    if (n != null && n.alive && !n.awaitingRebirth) return Optional.empty();
    return askRebirth(nodeId, List.of()).rebirths().stream().findFirst();
  }

  /** What the birth certificates say of a metric, with its latest value and quality. */
  Optional<Known> metric(SparkplugAddress a) {
    Node n = nodes.get(a.edge().nodeId());
    if (n == null) return Optional.empty();
    Device dev = n.devices.get(a.device());
    return dev == null ? Optional.empty() : Optional.ofNullable(dev.metrics.get(a.metric()));
  }

  /** Whether the node or device has been born and not died since. */
  boolean alive(EdgeId edge) {
    Node n = nodes.get(edge.nodeId());
    if (n == null || !n.alive) return false;
    Device dev = n.devices.get(edge.device());
    return dev != null && dev.alive;
  }

  /** Every metric of every birth certificate, node by node. */
  List<Known> all() {
    List<Known> out = new ArrayList<>();
    nodes.values().forEach(n -> n.devices.values().forEach(d -> out.addAll(d.metrics.values())));
    return out;
  }

  /** Forgets every node (the broker link was lost: deaths may have been missed); returns the nodes that were known. */
  List<EdgeId> forgetAll() {
    List<EdgeId> known = new ArrayList<>(nodes.keySet());
    nodes.clear();
    rebirthAsked.clear();
    return known;
  }
}
