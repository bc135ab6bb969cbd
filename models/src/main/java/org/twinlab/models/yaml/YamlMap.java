package org.twinlab.models.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read field by field. Fields that were never asked for are reported by
 * {@link #rejectUnknown}, so a misspelt key is an error rather than a silently ignored line.
 */
public final class YamlMap {
  private final YamlValue self;
  private final Map<String, YamlValue> fields = new LinkedHashMap<>();
  private final Map<String, YamlValue> keys = new LinkedHashMap<>();
  private final Set<String> asked = new TreeSet<>();

  YamlMap(YamlValue self, MappingNode node) {
    this.self = self;
    for (NodeTuple t : node.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
      fields.put(key, self.child(key, t.getValueNode()));
      keys.put(key, self.child(key, t.getKeyNode()));
    }
  }

  public YamlValue self() {
    return self;
  }

  /** All keys, in file order; reading them this way accepts any key. */
  public List<String> keys() {
    asked.addAll(fields.keySet());
    return List.copyOf(fields.keySet());
  }

  public boolean has(String key) {
    asked.add(key);
    return fields.containsKey(key);
  }

  public Optional<YamlValue> get(String key) {
    asked.add(key);
    YamlValue v = fields.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** The key's node even when it holds no value (null), to say where a value is missing. */
  public Optional<YamlValue> node(String key) {
    asked.add(key);
    return Optional.ofNullable(fields.get(key));
  }

  public Optional<YamlValue> require(String key, Problems problems) {
    Optional<YamlValue> v = get(key);
    if (v.isEmpty()) {
      String field = self.path().isEmpty() ? key : self.path() + "." + key;
      problems.add(self.location(), field, "required field is missing");
    }
    return v;
  }

  public Optional<String> string(String key, Problems problems) {
    return get(key).flatMap(v -> v.asString(problems));
  }

  public Optional<String> requireString(String key, Problems problems) {
    return require(key, problems).flatMap(v -> v.asString(problems));
  }

  public boolean bool(String key, boolean otherwise, Problems problems) {
    return get(key).flatMap(v -> v.asBool(problems)).orElse(otherwise);
  }

  public Optional<Double> number(String key, Problems problems) {
    return get(key).flatMap(v -> v.asDouble(problems));
  }

  /** Reads a list field item by item, keeping the items that read cleanly. */
  public <T> List<T> list(String key, Problems problems, BiFunction<YamlValue, Problems, Optional<T>> item) {
    List<T> out = new ArrayList<>();
    get(key).ifPresent(v -> {
      for (YamlValue e : v.asList(problems)) {
        item.apply(e, problems).ifPresent(out::add);
      }
    });
    return out;
  }

  public void rejectUnknown(Problems problems) {
    for (Map.Entry<String, YamlValue> e : keys.entrySet()) {
      if (!asked.contains(e.getKey())) {
        e.getValue().problem(problems, "unknown field (expected one of: " + String.join(", ", asked) + ")");
      }
    }
  }
}
