package org.twinlab.runtime.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.mqtt.PayloadDecoder;
import org.twinlab.connectors.mqtt.TopicFilter;
import org.twinlab.connectors.opcua.NodeFacts;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.PropertyType;

/**
 * Whether a bound signal fits what its binding does with it, judged from what the rig answered: an
 * OPC UA node's DataType and access level, or the payloads seen on an MQTT topic. One judgement for
 * {@code serve --check --online}, the runtime's start and a binding created through the API.
 */
public final class BindingFit {
  private BindingFit() {}

  /**
   * What is bound: a property through its transform, or a command writing a value.
   *
   * @param property the model's property, when known
   * @param transform the binding's transform, when it read cleanly
   * @param value for a command, the value it writes
   */
  public record Subject(String name, boolean command, Optional<PropertyDef> property, Optional<Transform> transform, Object value) {
    public static Subject of(PropertyDef property, Transform transform) {
      return new Subject(property.path(), false, Optional.of(property), Optional.of(transform), null);
    }

    public static Subject command(String command, Object value) {
      return new Subject(command, true, Optional.empty(), Optional.empty(), value);
    }
  }

  /** A value's kind as the runtime sees it coming in. */
  private enum Kind {
    BOOL("a boolean"), INTEGER("an integer"), REAL("a number"), STRING("text"), OTHER("something else");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** What is wrong with using this OPC UA node as the binding does, or empty when it fits. */
  public static Optional<String> opcua(Subject s, String connection, boolean reads, boolean writes, NodeFacts node) {
    if (node.missing().isPresent()) return Optional.of("no such node on connection '" + connection + "': " + node.missing().get());
    List<String> wrong = new ArrayList<>();
    if (reads && !node.readable()) wrong.add("access: the node may not be read (its user access level lacks CurrentRead)");
    if (writes && !node.writable()) {
      wrong.add("access: the node is read-only, but " + (s.command() ? "the command " + s.name() + " writes it"
          : s.name() + " is writable and its binding writes to it"));
    }
    Kind kind = node.builtInType().map(BindingFit::kind).orElse(Kind.OTHER);
    String shown = node.dataType() + node.builtInType().filter(b -> !b.equals(node.dataType())).map(b -> " (" + b + ")").orElse("");
    typeProblem(s, kind, "the node's DataType is " + shown).ifPresent(wrong::add);
    return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
  }

  /**
   * What is wrong with reading this MQTT address, given the last payload seen on each topic while
   * listening, or empty when it fits.
   */
  public static Optional<String> mqtt(Subject s, String address, boolean reads, Map<String, PayloadDecoder.Parsed> topics, long listenedSeconds) {
    if (!reads) return Optional.empty(); // a broker does not tell who may publish where
    MqttAddress a = MqttAddress.parse(address);
    List<Map.Entry<String, PayloadDecoder.Parsed>> on = topics.entrySet().stream()
        .filter(e -> TopicFilter.matches(a.filter(), e.getKey())).sorted(Map.Entry.comparingByKey()).toList();
    if (on.isEmpty()) {
      return Optional.of("topic: nothing was published on " + a.filter() + " within " + listenedSeconds + " s (neither retained nor live)");
    }
    for (Map.Entry<String, PayloadDecoder.Parsed> e : on) {
      PayloadDecoder.Decoded d = PayloadDecoder.value(e.getValue(), a.pointer());
      if (d.ok()) return typeProblem(s, kind(d.value()), "the value at " + address + " is " + kind(d.value()).label);
    }
    Map.Entry<String, PayloadDecoder.Parsed> first = on.get(0);
    PayloadDecoder.Parsed p = first.getValue();
    if (a.pointer().isPresent() && p.isJson()) {
      List<String> there = PayloadDecoder.pointers(p.json());
      String hint = there.size() > 12 ? String.join(", ", there.subList(0, 12)) + ", ..." : String.join(", ", there);
      return Optional.of("pointer: no field " + a.pointer().get() + " in the payload on " + first.getKey() + " (fields there: " + hint + ")");
    }
    return Optional.of("pointer: " + PayloadDecoder.value(p, a.pointer()).error() + " (on " + first.getKey() + ")");
  }

  /** Whether some payload seen on a topic of this MQTT address has a value at its pointer: listening longer cannot tell more. */
  public static boolean resolves(MqttAddress a, Map<String, PayloadDecoder.Parsed> topics) {
    return topics.entrySet().stream().anyMatch(e -> TopicFilter.matches(a.filter(), e.getKey())
        && PayloadDecoder.value(e.getValue(), a.pointer()).ok());
  }

  /**
   * What is wrong with using this Sparkplug metric as the binding does, given what the births seen
   * while listening said of it (its type), or empty when it fits.
   *
   * @param dataType the metric's type as its birth declares it (Int16, Float, Boolean, ...), empty when no birth had it
   * @param missing why it is not known: no birth of its node or device seen, or the birth has no such metric
   */
  public static Optional<String> sparkplug(Subject s, Optional<String> dataType, String missing) {
    if (dataType.isEmpty()) return Optional.of("metric: " + missing);
    Kind kind = switch (dataType.get()) {
      case "Boolean" -> Kind.BOOL;
      case "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "DateTime" -> Kind.INTEGER;
      case "Float", "Double" -> Kind.REAL;
      case "String", "Text", "UUID" -> Kind.STRING;
      default -> Kind.OTHER;
    };
    return typeProblem(s, kind, "the metric's Sparkplug type is " + dataType.get());
  }

  /** Whether a raw value of this kind becomes the property's type through the binding's transform (or a command's value fits). */
  private static Optional<String> typeProblem(Subject s, Kind raw, String what) {
    if (raw == Kind.OTHER) return Optional.empty(); // the server did not say what its values travel as
    if (s.command()) {
      Kind value = kind(s.value());
      boolean fits = value == raw || value == Kind.INTEGER && raw == Kind.REAL || value == Kind.REAL && raw == Kind.INTEGER;
      return fits || value == Kind.OTHER ? Optional.empty()
          : Optional.of("type: " + what + ", but the command " + s.name() + " writes " + value.label + " (" + s.value() + ")");
    }
    if (s.property().isEmpty() || s.transform().isEmpty()) return Optional.empty(); // no model, or an entry already reported
    PropertyDef def = s.property().get();
    Transform t = s.transform().get();
    Kind k = raw;
    if (t.bit().isPresent()) {
      if (k != Kind.INTEGER) return Optional.of("type: " + what + ": transform bit: needs an integer word");
      k = Kind.BOOL;
    }
    if (t.invert() && k != Kind.BOOL) return Optional.of("type: " + what + ": transform invert: needs a boolean");
    boolean numeric = t.range().isPresent() || t.scale() != 1 || t.offset() != 0 || t.unitFrom().isPresent() || t.clamp().isPresent();
    if (numeric && k != Kind.INTEGER && k != Kind.REAL) return Optional.of("type: " + what + ": the transform's range, scale, unit or clamp needs a number");
    boolean fits = switch (def.type()) {
      case BOOL -> k == Kind.BOOL;
      case INT, DOUBLE -> k == Kind.INTEGER || k == Kind.REAL;
      case STRING, ENUM -> k == Kind.STRING;
    };
    if (fits) return Optional.empty();
    String through = t.bit().isPresent() || t.invert() || numeric ? " through its transform" : " (no transform makes it one)";
    return Optional.of("type: " + what + ", but " + def.path() + " is " + article(def.type()) + through);
  }

  private static String article(PropertyType t) {
    return switch (t) {
      case INT, ENUM -> "an " + t.label();
      default -> "a " + t.label();
    };
  }

  private static Kind kind(String builtIn) {
    return switch (builtIn) {
      case "Boolean" -> Kind.BOOL;
      case "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64" -> Kind.INTEGER;
      case "Float", "Double" -> Kind.REAL;
      // read as text by the connector
      case "String", "LocalizedText", "DateTime", "Guid", "NodeId", "ExpandedNodeId", "QualifiedName", "XmlElement" -> Kind.STRING;
      default -> Kind.OTHER;
    };
  }

  private static Kind kind(Object value) {
    if (value instanceof Boolean) return Kind.BOOL;
    if (value instanceof Long || value instanceof Integer) return Kind.INTEGER;
    if (value instanceof Number) return Kind.REAL;
    if (value instanceof String) return Kind.STRING;
    return Kind.OTHER;
  }
}
