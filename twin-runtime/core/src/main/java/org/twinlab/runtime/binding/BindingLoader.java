package org.twinlab.runtime.binding;

import java.util.ArrayList;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.PropertyType;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/**
 * Reads a twin's bindings (YAML, or JSON, which is YAML too) and checks them against its model and
 * the connections that exist. Every problem names file:line:column and the field.
 *
 * <pre>
 * twin: conveyor-1
 * model: conveyor-sorting
 * bindings:
 *   - property: tank.level
 *     connection: plc-1
 *     address: 'nsu=urn:twinlab:plc;s="DB_Process"."Tank"."LevelRaw"'
 *     sampling_ms: 100
 *     transform: {range: {raw: [0, 27648], value: [0, 500]}, deadband: 0.5, clamp: [0, 500]}
 *     write: true            # or {connection: plc-1, address: ...}
 * commands:
 *   - command: panel.start
 *     connection: plc-1
 *     address: 'nsu=urn:twinlab:plc;s="DB_Sorting"."Panel"."Start"'
 *     value: true
 * </pre>
 */
public final class BindingLoader {
  private BindingLoader() {}

  /**
   * @param protocols connection id to its protocol ("opcua" or "mqtt"), to check addresses
   */
  public static BindingSet load(String source, Reader text, TwinModel model, Map<String, String> protocols) throws InvalidInputException {
    return YamlDocument.parse(source, text).readMapping((m, problems) -> read(m, model, protocols, problems));
  }

  public static BindingSet load(String source, String text, TwinModel model, Map<String, String> protocols) throws InvalidInputException {
    return load(source, new java.io.StringReader(text), model, protocols);
  }

  /**
   * Reads bindings held as plain maps (a saved version, a deployed package, a scenario's setup)
   * with the same rules as a binding file.
   */
  public static BindingSet load(String source, String twin, TwinModel model, List<?> bindings, Map<String, String> protocols)
      throws InvalidInputException {
    String doc = new JsonObject().put("twin", twin).put("model", model.id()).put("bindings", new JsonArray(new ArrayList<>(bindings))).encode();
    return load(source, doc, model, protocols);
  }

  /** Reads one binding held as a plain map, with the same rules as in a binding file. */
  public static Binding binding(String source, Map<String, Object> fields, TwinModel model, Map<String, String> protocols)
      throws InvalidInputException {
    return YamlDocument.parse(source, new JsonObject(fields).encode()).readMapping((m, problems) ->
        binding(m, model, protocols, problems).orElse(null));
  }

  private static BindingSet read(YamlMap m, TwinModel model, Map<String, String> protocols, Problems problems) {
    String twin = m.requireString("twin", problems).orElse("");
    Optional<YamlValue> modelNode = m.require("model", problems);
    String modelId = modelNode.flatMap(v -> v.asString(problems)).orElse(model.id());
    if (!modelId.equals(model.id())) modelNode.get().problem(problems, "this twin is a " + model.id() + ", not a " + modelId);
    List<Binding> bindings = m.list("bindings", problems, (v, p) -> v.asMap(p).flatMap(b -> binding(b, model, protocols, p)));
    Set<String> seen = new HashSet<>();
    for (Binding b : bindings) {
      if (!seen.add(b.property())) m.get("bindings").ifPresent(v -> v.problem(problems, "'" + b.property() + "' is bound twice"));
    }
    List<CommandBinding> commands = m.list("commands", problems, (v, p) -> v.asMap(p).flatMap(c -> command(c, model, protocols, p)));
    m.rejectUnknown(problems);
    return new BindingSet(twin, modelId, bindings, commands);
  }

  private static Optional<CommandBinding> command(YamlMap c, TwinModel model, Map<String, String> protocols, Problems problems) {
    Optional<YamlValue> node = c.require("command", problems);
    Optional<String> command = node.flatMap(v -> v.asString(problems)).filter(id -> {
      boolean known = model.command(id).isPresent();
      if (!known) node.get().problem(problems, "the " + model.id() + " model has no command '" + id + "'");
      return known;
    });
    Optional<SignalRef> target = signal(c, protocols, problems);
    Object value = c.get("value").map(v -> v.asScalar(problems)).orElse(Boolean.TRUE);
    c.rejectUnknown(problems);
    if (command.isEmpty() || target.isEmpty()) return Optional.empty();
    return Optional.of(new CommandBinding(command.get(), target.get(), value));
  }

  /** Reads one binding mapping; also used for bindings created through the API. */
  public static Optional<Binding> binding(YamlMap b, TwinModel model, Map<String, String> protocols, Problems problems) {
    Optional<YamlValue> propNode = b.require("property", problems);
    Optional<PropertyDef> property = propNode.flatMap(v -> v.asString(problems)).flatMap(p -> {
      Optional<PropertyDef> def = model.property(p);
      if (def.isEmpty()) propNode.get().problem(problems, "the " + model.id() + " model has no property '" + p + "'");
      return def;
    });
    Optional<SignalRef> source = signal(b, protocols, problems);
    Transform transform = b.get("transform").flatMap(t -> TransformReader.read(t, property, problems)).orElse(Transform.IDENTITY);
    Optional<SignalRef> writeTo = b.get("write").flatMap(w -> writeTarget(w, source, property, protocols, problems));
    if (writeTo.isPresent() && transform.bit().isPresent()) {
      b.get("write").ifPresent(w -> w.problem(problems, "writing through a bit of a word is not supported: bind the whole word"));
    }
    b.rejectUnknown(problems);
    if (property.isEmpty() || source.isEmpty()) return Optional.empty();
    return Optional.of(new Binding(property.get().path(), source.get(), transform, writeTo));
  }

  private static Optional<SignalRef> signal(YamlMap b, Map<String, String> protocols, Problems problems) {
    Optional<YamlValue> connNode = b.require("connection", problems);
    Optional<String> conn = connNode.flatMap(v -> v.asString(problems));
    if (conn.isPresent() && !protocols.containsKey(conn.get())) {
      connNode.get().problem(problems, "no connection '" + conn.get() + "' (known: " + String.join(", ", new java.util.TreeSet<>(protocols.keySet())) + ")");
      conn = Optional.empty();
    }
    Optional<YamlValue> addrNode = b.require("address", problems);
    Optional<String> address = addrNode.flatMap(v -> v.asString(problems));
    if (conn.isPresent() && address.isPresent()) {
      Addresses.check(protocols.get(conn.get()), address.get()).ifPresent(why -> addrNode.get().problem(problems, why));
    }
    double sampling = b.number("sampling_ms", problems).orElse(100.0);
    // 0 would ask the server for its fastest rate: a candidate could load a shared PLC with it
    if (!(sampling > 0)) b.get("sampling_ms").ifPresent(v -> v.problem(problems, "must be above 0 (milliseconds between samples)"));
    if (conn.isEmpty() || address.isEmpty()) return Optional.empty();
    return Optional.of(new SignalRef(conn.get(), address.get(), sampling));
  }

  private static Optional<SignalRef> writeTarget(YamlValue w, Optional<SignalRef> source, Optional<PropertyDef> property,
      Map<String, String> protocols, Problems problems) {
    if (property.isPresent() && !property.get().writable()) {
      w.problem(problems, property.get().path() + " is not writable in its model");
      return Optional.empty();
    }
    if (w.text().isPresent()) {
      boolean on = w.asBool(problems).orElse(false);
      return on ? source : Optional.empty();
    }
    return w.asMap(problems).flatMap(m -> {
      Optional<SignalRef> target = signal(m, protocols, problems);
      m.rejectUnknown(problems);
      return target;
    });
  }

  static boolean numeric(Optional<PropertyDef> p) {
    return p.map(d -> d.type().isNumeric()).orElse(true);
  }

  static boolean bool(Optional<PropertyDef> p) {
    return p.map(d -> d.type() == PropertyType.BOOL).orElse(true);
  }
}
