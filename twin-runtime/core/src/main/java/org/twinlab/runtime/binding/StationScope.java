package org.twinlab.runtime.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.sparkplug.EdgeId;
import org.twinlab.connectors.sparkplug.SparkplugAddress;

/**
 * What a candidate's binding may reach: their own station's rig and nothing else. The scope comes
 * from the bindings the twin was configured with (not from edits made since): a binding may use only
 * the connections those use; on OPC UA no node another station's twin binds on that connection,
 * whichever way the node id is written ({@code ns=3;} or {@code nsu=URI;}), and on a PLC other
 * stations use too only the station's own part of its address space (the nodes under the string
 * id prefix its configured nodes share, or exactly those nodes); on
 * MQTT only topics under the prefix the configured topics share (e.g. {@code twinlab/motor-1/}),
 * none that another station's twin binds or that lies under another station's own prefix; on
 * Sparkplug only the edge nodes the configured metrics are on, and on a node other stations bind
 * too only the station's own node or devices of it, never a metric another station binds. A fix of
 * a typo, a topic or a scaling stays inside; a reading or a write on another station's rig does not.
 */
public final class StationScope {
  private static final String OPCUA = "opcua";
  private static final String MQTT = "mqtt";
  private static final String SPARKPLUG = "sparkplug";

  /** Why a binding is out of scope, and the field of the binding at fault. */
  public record Refusal(String field, String reason) {}

  /** A signal another station's twin is configured with. */
  private record Foreign(String twin, String address) {}

  private final String twin;
  private final Map<String, String> protocols;
  private final Set<String> connections = new TreeSet<>();
  private final Map<String, Set<String>> ownTopics = new LinkedHashMap<>();
  private final Map<String, List<String>> ownPrefix = new LinkedHashMap<>();
  private final Map<String, List<Foreign>> foreign = new LinkedHashMap<>();
  private final Map<String, List<Foreign>> foreignPrefixes = new LinkedHashMap<>();
  private final Map<String, Set<String>> ownNodes = new LinkedHashMap<>();
  /** Sparkplug: connection to the edge nodes ({@code group/node}) and the nodes or devices the station's metrics are on. */
  private final Map<String, Set<String>> ownEdgeNodes = new LinkedHashMap<>();
  private final Map<String, Set<EdgeId>> ownEdges = new LinkedHashMap<>();
  private final Map<String, List<Foreign>> foreignEdges = new LinkedHashMap<>();

  private StationScope(String twin, Map<String, String> protocols) {
    this.twin = twin;
    this.protocols = Map.copyOf(protocols);
  }

  /**
   * @param configured the twin's bindings as configured or deployed (empty when it has none: nothing is in scope)
   * @param otherStations the configured bindings of every twin at another station
   * @param protocols each connection's protocol
   */
  public static StationScope of(BindingSet configured, Collection<BindingSet> otherStations, Map<String, String> protocols) {
    StationScope s = new StationScope(configured.twin(), protocols);
    for (SignalRef ref : signals(configured)) {
      s.connections.add(ref.connection());
      if (MQTT.equals(protocols.get(ref.connection()))) {
        topic(ref.address()).ifPresent(t -> s.ownTopics.computeIfAbsent(ref.connection(), c -> new LinkedHashSet<>()).add(t));
      } else if (OPCUA.equals(protocols.get(ref.connection()))) {
        s.ownNodes.computeIfAbsent(ref.connection(), c -> new LinkedHashSet<>()).add(identifier(ref.address()));
      } else if (SPARKPLUG.equals(protocols.get(ref.connection()))) {
        sparkplug(ref.address()).ifPresent(a -> {
          s.ownEdgeNodes.computeIfAbsent(ref.connection(), c -> new LinkedHashSet<>()).add(nodeOf(a));
          s.ownEdges.computeIfAbsent(ref.connection(), c -> new LinkedHashSet<>()).add(a.edge());
        });
      }
    }
    s.ownTopics.forEach((conn, topics) -> s.ownPrefix.put(conn, commonPrefix(topics)));
    for (BindingSet other : otherStations) {
      Map<String, Set<String>> theirTopics = new LinkedHashMap<>();
      for (SignalRef ref : signals(other)) {
        if (SPARKPLUG.equals(protocols.get(ref.connection()))) {
          sparkplug(ref.address()).ifPresent(a -> s.foreignEdges.computeIfAbsent(ref.connection(), c -> new ArrayList<>())
              .add(new Foreign(other.twin(), a.toString())));
          continue;
        }
        boolean mqtt = MQTT.equals(protocols.get(ref.connection()));
        Optional<String> address = mqtt ? topic(ref.address()) : Optional.of(ref.address().strip());
        address.ifPresent(a -> s.foreign.computeIfAbsent(ref.connection(), c -> new ArrayList<>()).add(new Foreign(other.twin(), a)));
        if (mqtt) address.ifPresent(a -> theirTopics.computeIfAbsent(ref.connection(), c -> new LinkedHashSet<>()).add(a));
      }
      theirTopics.forEach((conn, topics) -> {
        List<String> prefix = commonPrefix(topics);
        if (!prefix.isEmpty()) {
          s.foreignPrefixes.computeIfAbsent(conn, c -> new ArrayList<>()).add(new Foreign(other.twin(), String.join("/", prefix)));
        }
      });
    }
    return s;
  }

  /** The first reason the binding reaches outside the station, if any. */
  public Optional<Refusal> check(Binding b) {
    Optional<Refusal> source = check(b.source(), "connection", "address");
    if (source.isPresent()) return source;
    return b.writeTo().flatMap(w -> check(w, "write.connection", "write.address"));
  }

  /** The same for a command's target. */
  public Optional<Refusal> check(CommandBinding c) {
    return check(c.target(), "connection", "address");
  }

  private Optional<Refusal> check(SignalRef ref, String connectionField, String addressField) {
    String conn = ref.connection();
    if (!connections.contains(conn)) {
      String allowed = connections.isEmpty() ? "none: it has no configured bindings" : String.join(", ", connections);
      return refuse(connectionField, twin + " may be bound only to its own station's connections (" + allowed + "), not to '" + conn + "'");
    }
    String protocol = protocols.get(conn);
    if (OPCUA.equals(protocol)) return checkNode(conn, ref.address().strip(), addressField);
    if (MQTT.equals(protocol)) return checkTopic(conn, ref.address(), addressField);
    if (SPARKPLUG.equals(protocol)) return checkMetric(conn, ref.address(), addressField);
    return refuse(connectionField, "'" + conn + "' has no protocol this station's scope knows");
  }

  private Optional<Refusal> checkNode(String conn, String node, String field) {
    String id = identifier(node);
    List<Foreign> theirs = foreign.getOrDefault(conn, List.of());
    for (Foreign f : theirs) {
      if (identifier(f.address()).equals(id)) {
        return refuse(field, "'" + node + "' on " + conn + " is " + f.twin() + "'s, a twin of another station");
      }
    }
    if (theirs.isEmpty()) return Optional.empty(); // the station's own PLC: any node of it
    // a PLC other stations use too: only this station's part of it, so an unbound node of theirs is out as well
    Set<String> own = ownNodes.getOrDefault(conn, Set.of());
    List<String> prefix = nodePrefix(own);
    boolean inside = prefix.isEmpty() ? own.contains(id) : within(segments(id), prefix);
    if (inside) return Optional.empty();
    String part = prefix.isEmpty() ? String.join(", ", own) : String.join(".", prefix) + ".…";
    return refuse(field, "'" + node + "' on " + conn + " lies outside " + twin + "'s part of a PLC other stations share (" + part + ")");
  }

  /** A node id without its namespace part: {@code s="DB"."X"} of both {@code ns=3;s="DB"."X"} and {@code nsu=urn:a;s="DB"."X"}. */
  static String identifier(String node) {
    String n = node.strip();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(";([sigb]=)").matcher(n);
    return m.find() && (n.startsWith("ns=") || n.startsWith("nsu=")) ? n.substring(m.start() + 1) : n;
  }

  /** The dotted segments of a string node id ({@code s="DB"."Belt"."Speed"}), or none for other kinds. */
  private static List<String> segments(String identifier) {
    return identifier.startsWith("s=") ? List.of(identifier.substring(2).split("\\.", -1)) : List.of();
  }

  /** The segments the station's own string node ids share, each id's own last segment left out. */
  private static List<String> nodePrefix(Set<String> own) {
    List<List<String>> ids = own.stream().map(StationScope::segments).toList();
    return ids.stream().anyMatch(List::isEmpty) ? List.of() : sharedParent(ids);
  }

  /** The leading parts all paths share, each path's own last part left out (none for no paths). */
  private static List<String> sharedParent(Collection<List<String>> paths) {
    List<String> prefix = null;
    for (List<String> path : paths) {
      List<String> parent = path.subList(0, path.size() - 1);
      int n = 0;
      if (prefix != null) {
        while (n < prefix.size() && n < parent.size() && prefix.get(n).equals(parent.get(n))) n++;
      }
      prefix = List.copyOf(prefix == null ? parent : prefix.subList(0, n));
    }
    return prefix == null ? List.of() : prefix;
  }

  private static boolean within(List<String> segments, List<String> prefix) {
    return segments.size() > prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
  }

  private Optional<Refusal> checkMetric(String conn, String address, String field) {
    Optional<SparkplugAddress> parsed = sparkplug(address);
    if (parsed.isEmpty()) return refuse(field, "'" + address + "' is not a Sparkplug address (group/node#metric or group/node/device#metric)");
    SparkplugAddress a = parsed.get();
    Set<String> own = ownEdgeNodes.getOrDefault(conn, Set.of());
    if (!own.contains(nodeOf(a))) {
      return refuse(field, "'" + a + "' is on the edge node " + nodeOf(a) + ", not one of " + twin + "'s on " + conn + " ("
          + String.join(", ", own) + ")");
    }
    List<Foreign> theirs = foreignEdges.getOrDefault(conn, List.of());
    for (Foreign f : theirs) {
      if (f.address().equals(a.toString())) {
        return refuse(field, "'" + a + "' on " + conn + " is " + f.twin() + "'s, a twin of another station");
      }
    }
    boolean shared = theirs.stream().anyMatch(f -> sparkplug(f.address()).map(StationScope::nodeOf).filter(nodeOf(a)::equals).isPresent());
    Set<EdgeId> edges = ownEdges.getOrDefault(conn, Set.of());
    if (shared && !edges.contains(a.edge())) {
      return refuse(field, "'" + a + "' lies outside " + twin + "'s part of the edge node " + nodeOf(a) + ", which other stations use too ("
          + String.join(", ", edges.stream().map(EdgeId::toString).toList()) + ")");
    }
    return Optional.empty();
  }

  private static Optional<SparkplugAddress> sparkplug(String address) {
    try {
      return Optional.of(SparkplugAddress.parse(address.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String nodeOf(SparkplugAddress a) {
    return a.group() + "/" + a.node();
  }

  private Optional<Refusal> checkTopic(String conn, String address, String field) {
    Optional<String> parsed = topic(address);
    if (parsed.isEmpty()) return refuse(field, "'" + address + "' is not an MQTT topic");
    String topic = parsed.get();
    List<String> levels = levels(topic);
    List<String> prefix = ownPrefix.getOrDefault(conn, List.of());
    if (prefix.isEmpty()) {
      Set<String> own = ownTopics.getOrDefault(conn, Set.of());
      if (!own.contains(topic)) {
        return refuse(field, "'" + topic + "' is not one of " + twin + "'s topics on " + conn + " (" + String.join(", ", own) + ")");
      }
    } else if (levels.size() <= prefix.size() || !levels.subList(0, prefix.size()).equals(prefix)) {
      return refuse(field, "'" + topic + "' lies outside " + twin + "'s topics on " + conn + " (" + String.join("/", prefix) + "/…)");
    }
    for (Foreign f : foreign.getOrDefault(conn, List.of())) {
      if (overlap(levels, levels(f.address()))) {
        return refuse(field, "'" + topic + "' reaches " + f.address() + " on " + conn + ", which " + f.twin() + " of another station binds");
      }
    }
    for (Foreign f : foreignPrefixes.getOrDefault(conn, List.of())) {
      List<String> theirs = levels(f.address());
      boolean wider = theirs.size() <= prefix.size() && prefix.subList(0, theirs.size()).equals(theirs);
      if (!wider && reachesUnder(levels, theirs)) {
        return refuse(field, "'" + topic + "' reaches " + f.address() + "/…, the topics of " + f.twin() + " of another station");
      }
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(String field, String reason) {
    return Optional.of(new Refusal(field, reason));
  }

  private static List<SignalRef> signals(BindingSet set) {
    List<SignalRef> out = new ArrayList<>();
    for (Binding b : set.bindings()) {
      out.add(b.source());
      b.writeTo().ifPresent(out::add);
    }
    set.commands().forEach(c -> out.add(c.target()));
    return out;
  }

  private static Optional<String> topic(String address) {
    try {
      return Optional.of(MqttAddress.parse(address).filter());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<String> levels(String topic) {
    return List.of(topic.split("/", -1));
  }

  /** The topic levels all topics share, each topic's own last level left out, up to the first wildcard. */
  static List<String> commonPrefix(Collection<String> topics) {
    List<String> prefix = sharedParent(topics.stream().map(StationScope::levels).toList());
    int wild = 0;
    while (wild < prefix.size() && !prefix.get(wild).equals("+") && !prefix.get(wild).equals("#")) wild++;
    return List.copyOf(prefix.subList(0, wild));
  }

  /** Whether two topic filters can match one same topic. */
  static boolean overlap(List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : null;
      String y = i < b.size() ? b.get(i) : null;
      if ("#".equals(x) || "#".equals(y)) return true;
      if (x == null || y == null) return false;
      if (!x.equals("+") && !y.equals("+") && !x.equals(y)) return false;
    }
    return true;
  }

  /** Whether a topic filter can match a topic below a prefix. */
  static boolean reachesUnder(List<String> filter, List<String> prefix) {
    for (int i = 0; i < prefix.size(); i++) {
      if (i >= filter.size()) return false;
      String f = filter.get(i);
      if (f.equals("#")) return true;
      if (!f.equals("+") && !f.equals(prefix.get(i))) return false;
    }
    return filter.size() > prefix.size();
  }
}
