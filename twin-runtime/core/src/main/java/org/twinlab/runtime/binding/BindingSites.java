package org.twinlab.runtime.binding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.SourceLocation;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.models.yaml.YamlDocument;

/**
 * Each binding and command of a binding file with where its signals stand in the file, read one
 * entry at a time so that an entry with a problem does not hide the others, and read without the
 * twin's model when that failed to load: what checking the bindings against the rigs needs.
 */
public final class BindingSites {
  private BindingSites() {}

  /**
   * One signal an entry names.
   *
   * @param field the entry's field holding the address ({@code bindings[2].address}, {@code bindings[2].write.address})
   * @param reads whether the runtime reads the signal (a property's source)
   * @param writes whether the runtime writes it (a property written back, a command)
   */
  public record Use(String connection, String address, SourceLocation at, String field, boolean reads, boolean writes) {}

  /**
   * A binding ({@code property}) or command entry.
   *
   * @param name the property or command it names, as written
   * @param property the model's property, when the model loaded and has it
   * @param transform the entry's transform when the entry read cleanly against the model
   * @param value for a command, the value it writes
   */
  public record Site(String name, boolean command, SourceLocation at, List<Use> uses, Optional<PropertyDef> property,
      Optional<Transform> transform, Object value) {}

  /**
   * Reads the entries of a binding file.
   *
   * @param model the twin's model; when empty, the connections and addresses are checked here and
   *     their problems added to {@code problems} (with a model they are the binding loader's)
   */
  public static List<Site> read(Path file, Optional<TwinModel> model, Map<String, String> protocols, Problems problems) {
    List<Site> out = new ArrayList<>();
    Problems ignored = new Problems();
    YamlValue root;
    try (var reader = Files.newBufferedReader(file)) {
      root = YamlDocument.parse(file.toString(), reader);
    } catch (InvalidInputException | java.io.IOException e) {
      return out; // reported by the binding loader
    }
    Problems own = model.isEmpty() ? problems : ignored;
    Optional<YamlMap> top = root.asMap(ignored);
    if (top.isEmpty()) return out;
    for (YamlValue entry : top.get().get("bindings").map(v -> v.asList(ignored)).orElse(List.of())) {
      entry.asMap(ignored).ifPresent(b -> binding(b, model, protocols, own, ignored).ifPresent(out::add));
    }
    for (YamlValue entry : top.get().get("commands").map(v -> v.asList(ignored)).orElse(List.of())) {
      entry.asMap(ignored).ifPresent(c -> command(c, protocols, own, ignored).ifPresent(out::add));
    }
    return out;
  }

  private static Optional<Site> binding(YamlMap b, Optional<TwinModel> model, Map<String, String> protocols, Problems own, Problems ignored) {
    String name = b.get("property").flatMap(YamlValue::text).orElse("");
    Optional<PropertyDef> property = model.flatMap(m -> m.property(name));
    Optional<Binding> read = model.flatMap(m -> BindingLoader.binding(b, m, protocols, ignored));
    Optional<Use> source = use(b, protocols, true, false, own);
    List<Use> uses = new ArrayList<>();
    Optional<YamlValue> write = b.get("write");
    boolean writeBack = write.flatMap(YamlValue::text).map(t -> t.equalsIgnoreCase("true")).orElse(false);
    source.map(u -> writeBack ? new Use(u.connection(), u.address(), u.at(), u.field(), true, true) : u).ifPresent(uses::add);
    write.filter(w -> w.text().isEmpty()).flatMap(w -> w.asMap(ignored)).flatMap(w -> use(w, protocols, false, true, own)).ifPresent(uses::add);
    if (uses.isEmpty()) return Optional.empty();
    return Optional.of(new Site(name, false, b.self().location(), uses, property, read.map(Binding::transform), null));
  }

  private static Optional<Site> command(YamlMap c, Map<String, String> protocols, Problems own, Problems ignored) {
    String name = c.get("command").flatMap(YamlValue::text).orElse("");
    Object value = c.get("value").map(v -> v.asScalar(ignored)).orElse(Boolean.TRUE);
    return use(c, protocols, false, true, own).map(u -> new Site(name, true, c.self().location(), List.of(u), Optional.empty(),
        Optional.empty(), value));
  }

  /** The entry's connection and address, when both are there, the connection exists and the address is well formed. */
  private static Optional<Use> use(YamlMap m, Map<String, String> protocols, boolean reads, boolean writes, Problems own) {
    Optional<YamlValue> connNode = m.get("connection");
    Optional<YamlValue> addrNode = m.get("address");
    Optional<String> conn = connNode.flatMap(YamlValue::text);
    Optional<String> address = addrNode.flatMap(YamlValue::text);
    if (conn.isEmpty() || address.isEmpty()) return Optional.empty();
    if (!protocols.containsKey(conn.get())) {
      connNode.get().problem(own, "no connection '" + conn.get() + "' (known: " + String.join(", ", new java.util.TreeSet<>(protocols.keySet())) + ")");
      return Optional.empty();
    }
    Optional<String> malformed = Addresses.check(protocols.get(conn.get()), address.get());
    if (malformed.isPresent()) {
      addrNode.get().problem(own, malformed.get());
      return Optional.empty();
    }
    return Optional.of(new Use(conn.get(), address.get(), addrNode.get().location(), addrNode.get().path(), reads, writes));
  }
}
