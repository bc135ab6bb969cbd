package org.twinlab.models;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.view.GltfScene;
import org.twinlab.models.view.ViewHints;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/**
 * Reads a twin model from YAML and validates it. Every problem found is reported with
 * file:line:column and the field at fault; a model with any problem is rejected whole.
 */
public final class ModelLoader {
  private static final long DEFAULT_PERIOD_MS = 1000;

  private ModelLoader() {}

  /**
   * Reads a model file, and its glTF scene beside it when it names one by a plain file name (no
   * directory) that is there and at most {@link GltfScene#MAX_CONTENT_BYTES}: the scene travels with
   * the model to the viewer. A scene not there is left unread, as before.
   */
  public static TwinModel load(Path file) throws InvalidInputException {
    TwinModel model = read(YamlDocument.parse(file));
    return model.view().gltf().filter(GltfScene::plainFileName).map(g -> {
      Path beside = file.toAbsolutePath().getParent().resolve(g.file());
      try {
        if (!Files.isRegularFile(beside) || Files.size(beside) > GltfScene.MAX_CONTENT_BYTES) return model;
        return model.withGltfContent(Files.readString(beside, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return model;
      }
    }).orElse(model);
  }

  public static TwinModel load(String source, Reader text) throws InvalidInputException {
    return read(YamlDocument.parse(source, text));
  }

  public static TwinModel load(String source, String text) throws InvalidInputException {
    return read(YamlDocument.parse(source, text));
  }

  static TwinModel read(YamlValue root) throws InvalidInputException {
    return root.readMapping(ModelLoader::readModel);
  }

  private static TwinModel readModel(YamlMap m, Problems problems) {
    String id = m.requireString("model", problems).orElse("");
    if (!id.isEmpty() && !Ids.isName(id)) {
      m.get("model").ifPresent(v -> v.problem(problems, "use lower case letters, digits and '-' (e.g. conveyor-sorting)"));
    }
    int version = m.require("version", problems).flatMap(v -> v.asLong(problems)).map(Long::intValue).orElse(1);
    Localized name = m.require("name", problems).flatMap(v -> localized(v, problems)).orElse(Localized.of(id));
    RigKind kind = m.require("kind", problems).flatMap(v -> v.asString(problems).flatMap(s -> {
      Optional<RigKind> k = RigKind.parse(s);
      if (k.isEmpty()) v.problem(problems, "unknown kind (expected plc-station or sensor-node)");
      return k;
    })).orElse(RigKind.PLC_STATION);

    List<ComponentDef> components = m.list("components", problems, ModelLoader::component);
    if (components.isEmpty() && m.has("components")) {
      m.get("components").ifPresent(v -> v.problem(problems, "a model needs at least one component"));
    } else if (!m.has("components") || m.get("components").isEmpty()) {
      problems.add(m.self().location(), "components", "required field is missing");
    }
    rejectDuplicates(m, "components", components.stream().map(ComponentDef::id).toList(), problems);

    Map<String, PropertyDef> properties = new TwinModel(id, version, name, kind, components, List.of(), ViewHints.NONE).properties();
    List<AlarmDef> alarms = m.list("alarms", problems, (v, p) -> alarm(v, p, properties));
    rejectDuplicates(m, "alarms", alarms.stream().map(AlarmDef::id).toList(), problems);
    ViewHints view = m.get("view").map(v -> ViewHintsReader.read(v, properties, problems)).orElse(ViewHints.NONE);
    m.rejectUnknown(problems);
    return new TwinModel(id, version, name, kind, components, alarms, view);
  }

  private static Optional<ComponentDef> component(YamlValue v, Problems problems) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> id = id(m, problems);
      Localized name = m.require("name", problems).flatMap(n -> localized(n, problems)).orElse(null);
      String prefix = id.orElse("?") + ".";
      List<PropertyDef> props = m.list("properties", problems, (p, pr) -> property(p, pr, prefix));
      List<CommandDef> commands = m.list("commands", problems, (c, pr) -> command(c, pr, prefix));
      rejectDuplicates(m, "properties", props.stream().map(PropertyDef::id).toList(), problems);
      rejectDuplicates(m, "commands", commands.stream().map(c -> c.path()).toList(), problems);
      m.rejectUnknown(problems);
      if (id.isEmpty() || name == null) return Optional.empty();
      return Optional.of(new ComponentDef(id.get(), name, props, commands));
    });
  }

  static Optional<PropertyDef> property(YamlValue v, Problems problems, String prefix) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> id = id(m, problems);
      Optional<PropertyType> type = m.require("type", problems).flatMap(t -> t.asString(problems).flatMap(s -> {
        Optional<PropertyType> pt = PropertyType.parse(s);
        if (pt.isEmpty()) t.problem(problems, "unknown type (expected bool, int, double, string or enum)");
        return pt;
      }));
      String unit = m.string("unit", problems).orElse("");
      Optional<ValueRange> range = m.get("range").flatMap(r -> range(r, problems));
      List<String> values = m.list("values", problems, (e, p) -> e.asString(p));
      boolean writable = m.bool("writable", false, problems);
      long period = m.get("period_ms").map(p -> period(p, problems)).orElse(DEFAULT_PERIOD_MS);
      Localized description = m.require("description", problems).flatMap(d -> localized(d, problems)).orElse(null);
      type.ifPresent(t -> {
        if (range.isPresent() && !t.isNumeric()) {
          m.get("range").ifPresent(r -> r.problem(problems, "only int and double properties have a range"));
        }
        if (t == PropertyType.ENUM && values.isEmpty()) {
          problems.add(m.self().location(), m.self().path() + ".values", "an enum property needs its values");
        }
        if (t != PropertyType.ENUM && m.has("values") && !values.isEmpty()) {
          m.get("values").ifPresent(r -> r.problem(problems, "only enum properties have values"));
        }
      });
      m.rejectUnknown(problems);
      if (id.isEmpty() || type.isEmpty() || description == null) return Optional.empty();
      return Optional.of(new PropertyDef(prefix + id.get(), type.get(), unit, range, values, writable, period, description));
    });
  }

  /** A period in milliseconds above 0, or {@code event} for a property sent on change only. */
  private static long period(YamlValue p, Problems problems) {
    if (p.text().filter("event"::equals).isPresent()) return PropertyDef.EVENT_DRIVEN;
    long ms = p.asLong(problems).orElse(DEFAULT_PERIOD_MS);
    if (ms <= 0) p.problem(problems, "must be above 0 (or event for a property sent only when it changes)");
    return ms;
  }

  private static Optional<CommandDef> command(YamlValue v, Problems problems, String prefix) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> id = id(m, problems);
      List<PropertyDef> params = m.list("params", problems, (p, pr) -> property(p, pr, ""));
      Localized description = m.require("description", problems).flatMap(d -> localized(d, problems)).orElse(null);
      m.rejectUnknown(problems);
      if (id.isEmpty() || description == null) return Optional.empty();
      return Optional.of(new CommandDef(prefix + id.get(), params, description));
    });
  }

  private static Optional<AlarmDef> alarm(YamlValue v, Problems problems, Map<String, PropertyDef> properties) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> id = id(m, problems);
      Optional<YamlValue> condNode = m.require("condition", problems);
      Optional<String> text = condNode.flatMap(c -> c.asString(problems));
      AlarmCondition condition = null;
      if (text.isPresent()) {
        try {
          condition = AlarmCondition.parse(text.get());
          ConditionChecker.check(condition, properties).ifPresent(msg -> condNode.get().problem(problems, msg));
        } catch (ExprSyntaxException e) {
          problems.add(condNode.get().locationWithin(e.column()), condNode.get().path(), e.getMessage());
        }
      }
      Optional<Severity> severity = m.require("severity", problems).flatMap(s -> s.asString(problems).flatMap(t -> {
        Optional<Severity> sv = Severity.parse(t);
        if (sv.isEmpty()) s.problem(problems, "unknown severity (expected info, warning, major or critical)");
        return sv;
      }));
      Localized message = m.require("message", problems).flatMap(d -> localized(d, problems)).orElse(null);
      m.rejectUnknown(problems);
      if (id.isEmpty() || condition == null || severity.isEmpty() || message == null) return Optional.empty();
      return Optional.of(new AlarmDef(id.get(), condition, text.get(), severity.get(), message));
    });
  }

  private static Optional<String> id(YamlMap m, Problems problems) {
    Optional<YamlValue> node = m.require("id", problems);
    Optional<String> id = node.flatMap(v -> v.asString(problems));
    if (id.isPresent() && !Ids.isId(id.get())) {
      node.get().problem(problems, "use lower case letters, digits and '_' and start with a letter");
      return Optional.empty();
    }
    return id;
  }

  /** Reads an {@code {en: ..., zh: ...}} text; other YAML inputs use it for theirs. */
  public static Optional<Localized> localized(YamlValue v, Problems problems) {
    return v.asMap(problems).flatMap(m -> {
      Optional<String> en = m.requireString("en", problems);
      Optional<String> zh = m.requireString("zh", problems);
      m.rejectUnknown(problems);
      return en.isPresent() && zh.isPresent() ? Optional.of(new Localized(en.get(), zh.get())) : Optional.empty();
    });
  }

  private static Optional<ValueRange> range(YamlValue v, Problems problems) {
    Optional<double[]> ends = v.asPair(problems);
    if (ends.isEmpty()) return Optional.empty();
    if (!(ends.get()[0] < ends.get()[1])) {
      v.problem(problems, "min must be below max");
      return Optional.empty();
    }
    return Optional.of(new ValueRange(ends.get()[0], ends.get()[1]));
  }

  private static void rejectDuplicates(YamlMap m, String field, List<String> ids, Problems problems) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        m.get(field).ifPresent(v -> v.problem(problems, "'" + id + "' is defined twice"));
      }
    }
  }

  /** For callers that want an unchecked failure (tests, the built-in library). */
  public static TwinModel loadOrThrow(String source, Reader text) {
    try {
      return load(source, text);
    } catch (InvalidInputException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
