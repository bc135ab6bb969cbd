package org.twinlab.runtime.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorSupport;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.opcua.NodeFacts;
import org.twinlab.connectors.opcua.OpcUaConnector;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingFit;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.CommandBinding;
import org.twinlab.runtime.binding.SignalRef;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.runtime.config.LabCheck;

/**
 * Checks bindings against the runtime's own live connections, as {@code serve --check --online}
 * does against fresh ones, with the same judgement ({@link BindingFit}): an OPC UA node exists, its
 * DataType fits the property through the transform, its access level allows the reads and writes;
 * a Sparkplug metric against the births the connector has seen; an MQTT topic by listening to it on
 * the runtime's connection for {@link LabCheck#LISTEN} (so a check of MQTT bindings answers after
 * up to that long): a topic that carried nothing, a pointer that finds nothing or a value of the
 * wrong kind is a problem. What cannot be asked now (a connection that is down) is named as not checked.
 */
public final class LiveBindingCheck {
  private final Connections connections;

  public LiveBindingCheck(Connections connections) {
    this.connections = connections;
  }

  /**
   * One problem of one binding or command.
   *
   * @param entry the property or command bound
   * @param field the binding's field at fault ({@code address}, {@code write.address})
   */
  public record Finding(String twin, String entry, String connection, String field, String problem) {
    public String line() {
      return "twin " + twin + ", " + entry + " (" + field + " on connection '" + connection + "'): " + problem;
    }
  }

  /**
   * @param problems what the servers showed to be wrong
   * @param notChecked why some signals were not checked, one line per connection
   */
  public record Outcome(List<Finding> problems, List<String> notChecked) {}

  private record Use(BindingFit.Subject subject, SignalRef signal, String field, boolean reads, boolean writes) {}

  /** Every binding and command of a twin whose signal is on the given connection (all connections when empty). */
  public CompletableFuture<Outcome> check(String twin, TwinModel model, BindingSet set, Optional<String> onConnection) {
    List<Use> uses = new ArrayList<>();
    // the model's properties by path once per check, not a search of the model per binding: a PLC coming
    // back checks every twin's bindings, 30 twins of 200 each in a full lab
    Map<String, PropertyDef> properties = model.properties();
    for (Binding b : set.bindings()) {
      if (onConnection.isEmpty() || touches(b, onConnection.get())) uses.addAll(uses(Optional.ofNullable(properties.get(b.property())), b));
    }
    for (CommandBinding c : set.commands()) {
      uses.add(new Use(BindingFit.Subject.command(c.command(), c.value()), c.target(), "address", false, true));
    }
    onConnection.ifPresent(id -> uses.removeIf(u -> !u.signal().connection().equals(id)));
    return check(twin, uses);
  }

  /** One binding about to be created or replaced. */
  public CompletableFuture<Outcome> check(String twin, TwinModel model, Binding binding) {
    return check(twin, uses(model.property(binding.property()), binding));
  }

  private static boolean touches(Binding b, String connection) {
    return b.source().connection().equals(connection) || b.writeTo().filter(w -> w.connection().equals(connection)).isPresent();
  }

  private static List<Use> uses(Optional<PropertyDef> property, Binding b) {
    Optional<BindingFit.Subject> subject = property.map(p -> BindingFit.Subject.of(p, b.transform()));
    if (subject.isEmpty()) return List.of();
    boolean writesBack = b.writeTo().filter(w -> w.connection().equals(b.source().connection()) && w.address().equals(b.source().address()))
        .isPresent();
    List<Use> out = new ArrayList<>(List.of(new Use(subject.get(), b.source(), "address", true, writesBack)));
    if (!writesBack) b.writeTo().ifPresent(w -> out.add(new Use(subject.get(), w, "write.address", false, true)));
    return out;
  }

  private CompletableFuture<Outcome> check(String twin, List<Use> uses) {
    Map<String, List<Use>> byConnection = new LinkedHashMap<>();
    uses.forEach(u -> byConnection.computeIfAbsent(u.signal().connection(), k -> new ArrayList<>()).add(u));
    List<String> notChecked = new ArrayList<>();
    List<CompletableFuture<List<Finding>>> asked = new ArrayList<>();
    byConnection.forEach((connection, on) -> {
      Optional<String> why = unaskable(connection);
      if (why.isPresent()) {
        notChecked.add("connection '" + connection + "': " + why.get());
        return;
      }
      if (ConnectionConfig.SPARKPLUG.equals(connections.protocols().get(connection))) {
        asked.add(sparkplug(twin, connection, on, notChecked));
        return;
      }
      if (ConnectionConfig.MQTT.equals(connections.protocols().get(connection))) {
        asked.add(mqtt(twin, connection, on));
        return;
      }
      OpcUaConnector opcua = (OpcUaConnector) connections.get(connection).orElseThrow();
      List<String> addresses = List.copyOf(new LinkedHashSet<>(on.stream().map(u -> u.signal().address()).toList()));
      asked.add(opcua.inspect(addresses).handle((facts, failed) -> {
        if (failed != null) {
          synchronized (notChecked) {
            notChecked.add("connection '" + connection + "': the server did not answer about the nodes: " + ConnectorSupport.describe(failed));
          }
          return List.of();
        }
        Map<String, NodeFacts> byAddress = new LinkedHashMap<>();
        facts.forEach(f -> byAddress.put(f.address(), f));
        List<Finding> found = new ArrayList<>();
        for (Use u : on) {
          NodeFacts node = byAddress.get(u.signal().address());
          if (node == null) continue;
          BindingFit.opcua(u.subject(), connection, u.reads(), u.writes(), node)
              .ifPresent(p -> found.add(new Finding(twin, u.subject().name(), connection, u.field(), p)));
        }
        return found;
      }));
    });
    return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<Finding> all = new ArrayList<>();
      asked.forEach(a -> all.addAll(a.join()));
      synchronized (notChecked) {
        return new Outcome(List.copyOf(all), List.copyOf(notChecked));
      }
    });
  }

  /**
   * Sparkplug metrics are judged by the births the connector has seen: the metric's type against
   * the property, or a birth without the metric; a node or device not born yet is not checked.
   */
  private CompletableFuture<List<Finding>> sparkplug(String twin, String connection, List<Use> on, List<String> notChecked) {
    return connections.get(connection).orElseThrow().discover("").handle((known, failed) -> {
      List<Finding> found = new ArrayList<>();
      if (failed != null) {
        synchronized (notChecked) {
          notChecked.add("connection '" + connection + "': " + ConnectorSupport.describe(failed));
        }
        return found;
      }
      Map<String, String> types = new LinkedHashMap<>();
      java.util.Set<String> born = new java.util.HashSet<>();
      known.forEach(d -> {
        types.put(d.address(), d.dataType());
        born.add(edgeOf(d.address()));
      });
      for (Use u : on) {
        String address = u.signal().address().strip();
        String type = types.get(address);
        if (type != null) {
          BindingFit.sparkplug(u.subject(), Optional.of(type), "")
              .ifPresent(p -> found.add(new Finding(twin, u.subject().name(), connection, u.field(), p)));
        } else if (born.contains(edgeOf(address))) {
          found.add(new Finding(twin, u.subject().name(), connection, u.field(),
              "metric: the birth certificate of " + edgeOf(address) + " has no metric '" + address.substring(address.indexOf('#') + 1) + "'"));
        } else {
          synchronized (notChecked) {
            notChecked.add("connection '" + connection + "': no birth of " + edgeOf(address) + " seen yet");
          }
        }
      }
      return found;
    });
  }

  /**
   * MQTT topics are judged by what the runtime's connection receives on them within
   * {@link LabCheck#LISTEN}: a silent topic, a pointer that finds nothing or a value of the wrong kind
   * is a problem, as in {@code serve --check --online}.
   */
  private CompletableFuture<List<Finding>> mqtt(String twin, String connection, List<Use> on) {
    List<Finding> found = new ArrayList<>();
    List<Use> read = new ArrayList<>();
    Set<MqttAddress> addresses = new LinkedHashSet<>();
    for (Use u : on) {
      if (!u.reads()) continue; // a broker does not tell who may publish where
      try {
        addresses.add(MqttAddress.parse(u.signal().address()));
        read.add(u);
      } catch (IllegalArgumentException e) {
        found.add(new Finding(twin, u.subject().name(), connection, u.field(), e.getMessage()));
      }
    }
    if (read.isEmpty()) return CompletableFuture.completedFuture(found);
    MqttConnector mqtt = (MqttConnector) connections.get(connection).orElseThrow();
    return MqttListen.listen(mqtt, List.copyOf(addresses), LabCheck.LISTEN).thenApply(topics -> {
      for (Use u : read) {
        BindingFit.mqtt(u.subject(), u.signal().address(), true, topics, LabCheck.LISTEN.toSeconds())
            .ifPresent(p -> found.add(new Finding(twin, u.subject().name(), connection, u.field(), p)));
      }
      return found;
    });
  }

  /** The node or device part of a Sparkplug address: what comes before its metric. */
  private static String edgeOf(String address) {
    int hash = address.indexOf('#');
    return hash < 0 ? address : address.substring(0, hash);
  }

  /** Why this connection's signals cannot be asked about now, or empty when its server can be. */
  private Optional<String> unaskable(String connection) {
    if (connections.get(connection).isEmpty()) return Optional.of("not one of the runtime's connections");
    String protocol = connections.protocols().get(connection);
    if (!ConnectionConfig.OPCUA.equals(protocol) && !ConnectionConfig.SPARKPLUG.equals(protocol) && !ConnectionConfig.MQTT.equals(protocol)) {
      return Optional.of("no live check for protocol '" + protocol + "'");
    }
    ConnectionState state = connections.states().stream().filter(e -> e.connector().equals(connection)).findFirst()
        .map(ConnectionEvent::state).orElse(ConnectionState.CONNECTING);
    return state == ConnectionState.CONNECTED ? Optional.empty() : Optional.of("not connected now (" + state.name().toLowerCase() + ")");
  }
}
