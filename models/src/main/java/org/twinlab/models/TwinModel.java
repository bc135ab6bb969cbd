package org.twinlab.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.view.ViewHints;

/** The typed description of a kind of rig. Immutable; built by {@link ModelLoader}. */
public record TwinModel(
    String id,
    int version,
    Localized name,
    RigKind kind,
    List<ComponentDef> components,
    List<AlarmDef> alarms,
    ViewHints view) {

  public TwinModel {
    components = List.copyOf(components);
    alarms = List.copyOf(alarms);
  }

  /** Every property by its "component.property" path, in file order. */
  public Map<String, PropertyDef> properties() {
    Map<String, PropertyDef> all = new LinkedHashMap<>();
    components.forEach(c -> c.properties().forEach(p -> all.put(p.path(), p)));
    return all;
  }

  /** The property at a "component.property" path; a scan, since building {@link #properties()} per lookup made lookups over a whole model quadratic. */
  public Optional<PropertyDef> property(String path) {
    PropertyDef found = null;
    for (ComponentDef c : components) {
      for (PropertyDef p : c.properties()) {
        if (p.path().equals(path)) found = p; // the last one wins, as in properties()
      }
    }
    return Optional.ofNullable(found);
  }

  /** The same model with its glTF scene's text, when it has a scene. */
  public TwinModel withGltfContent(String text) {
    if (view.gltf().isEmpty()) return this;
    return new TwinModel(id, version, name, kind, components, alarms, new ViewHints(view.shapes(), view.gltf().map(g -> g.withContent(text))));
  }

  public Optional<CommandDef> command(String path) {
    return components.stream().flatMap(c -> c.commands().stream()).filter(c -> c.path().equals(path)).findFirst();
  }
}
