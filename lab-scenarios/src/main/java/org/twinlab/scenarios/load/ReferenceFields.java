package org.twinlab.scenarios.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.scenarios.engine.WatchRule;
import org.twinlab.scenarios.model.ActionAttributes;
import org.twinlab.scenarios.model.NearName;
import org.twinlab.scenarios.model.StationRigs;

/**
 * Checks the fields of a reference step before the scenario is played: only fields its action
 * takes, and every property, command, alarm and rig they name one the station has, a written value
 * one the property takes, a test suite's cases as the platform reads them. Each problem at its place.
 */
final class ReferenceFields {
  /** The fields without which an action cannot be taken. */
  private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
      Map.entry("write", List.of("property", "value")),
      Map.entry("upgrade", List.of("version")),
      Map.entry("command", List.of("command")),
      Map.entry("alarm_ack", List.of("alarm")),
      Map.entry("binding_create", List.of("property", "connection", "address")),
      Map.entry("binding_edit", List.of("property")),
      Map.entry("binding_delete", List.of("property")),
      Map.entry("test_suite", List.of("cases")),
      Map.entry("security_suite", List.of("cases")),
      Map.entry("test_data", List.of("property", "from", "to", "source")),
      Map.entry("model_import", List.of("file", "text")),
      Map.entry("mapping_test", List.of("cases")),
      Map.entry("parameter_reading", List.of("readings")),
      Map.entry("storage_strategy", List.of("properties", "store")),
      Map.entry("chart", List.of("name", "properties", "from", "to")),
      Map.entry("watch", List.of("name", "condition")),
      Map.entry("joint_program", List.of("steps")),
      Map.entry("test_setup", List.of("probes")),
      Map.entry("perf_script", List.of("property", "values", "rate", "seconds", "metric", "threshold_ms")),
      Map.entry("artefact", List.of("kind", "title")));

  private final StationRigs rigs;
  private final Problems problems;

  /** @param rigs the station's rigs, or null when they could not be read (names are then not checked) */
  ReferenceFields(StationRigs rigs, Problems problems) {
    this.rigs = rigs;
    this.problems = problems;
  }

  /** A step without with: fields, which some actions need. */
  void absent(String kind, YamlMap step) {
    List<String> needed = REQUIRED.getOrDefault(kind, List.of());
    if (!needed.isEmpty()) step.self().problem(problems, (kind.matches("[aeiou].*") ? "an " : "a ") + kind + " needs with: {" + String.join(", ", needed) + "}");
  }

  void check(String kind, YamlMap with) {
    for (String field : ActionAttributes.fields(kind)) {
      if (REQUIRED.getOrDefault(kind, List.of()).contains(field)) with.require(field, problems);
      with.get(field).ifPresent(v -> field(kind, field, v, with));
    }
    with.rejectUnknown(problems);
  }

  private void field(String kind, String field, YamlValue v, YamlMap with) {
    switch (field) {
      case "property" -> v.asString(problems).ifPresent(p -> {
        if (rigs == null) return;
        Optional<PropertyDef> def = rigs.property(p);
        if (def.isEmpty()) v.problem(problems, rigs.lacksProperty(p));
        else if (kind.equals("write")) with.get("value").ifPresent(value -> written(def.get(), value));
        else if (kind.equals("test_data") && !def.get().type().isNumeric()) v.problem(problems, "'" + p + "' is not numeric: its data has no min, max or mean");
      });
      case "properties" -> v.asString(problems).ifPresent(list -> {
        for (String p : list.split(",")) {
          if (rigs != null && !p.isBlank() && !rigs.hasProperty(p.trim())) v.problem(problems, rigs.lacksProperty(p.trim()));
        }
      });
      case "command" -> v.asString(problems).ifPresent(c -> {
        if (rigs != null && !rigs.hasCommand(c)) v.problem(problems, rigs.lacksCommand(c));
      });
      case "alarm", "alarm_code" -> v.asString(problems).ifPresent(a -> {
        if (rigs != null && !rigs.hasAlarm(a)) v.problem(problems, rigs.lacksAlarm(a));
      });
      case "model", "rig" -> v.asString(problems).ifPresent(m -> {
        if (rigs != null && !rigs.ids().contains(m)) v.problem(problems, "this station's rigs are " + String.join(", ", rigs.ids()));
      });
      case "cause_category" -> v.asString(problems).ifPresent(c -> {
        if (!ActionAttributes.CAUSE_CATEGORIES.contains(c)) {
          v.problem(problems, "'" + c + "' is not a cause category" + NearName.hint(c, ActionAttributes.CAUSE_CATEGORIES)
              + ": " + String.join(", ", ActionAttributes.CAUSE_CATEGORIES));
        }
      });
      case "source" -> v.asString(problems).ifPresent(src -> {
        if (kind.equals("test_data") && !List.of("online", "offline").contains(src)) v.problem(problems, "where the data came from: online or offline");
      });
      case "kind" -> v.asString(problems).ifPresent(k -> {
        if (!ActionAttributes.ARTEFACT_KINDS.contains(k)) {
          v.problem(problems, "'" + k + "' is not an artefact's kind" + NearName.hint(k, ActionAttributes.ARTEFACT_KINDS)
              + ": " + String.join(", ", ActionAttributes.ARTEFACT_KINDS));
        }
      });
      case "value" -> {
        if (kind.equals("report") && !(v.asScalar(new Problems()) instanceof Number)) v.problem(problems, "a report's value is the number it quotes");
      }
      case "version" -> { // a package version, as the platform takes it: a whole number or a short name
        Object x = v.asScalar(new Problems());
        boolean fits = x instanceof Integer || x instanceof Long || x instanceof String t && t.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
        if (!fits) v.problem(problems, "a package version: a whole number such as 2, or letters, digits, '.', '_' and '-' (2.1)");
      }
      case "cases" -> {
        if (kind.equals("test_suite")) new TestSuiteCases(suiteRig(with), problems).check(v); // a security script is checked by its schema
        if (kind.equals("mapping_test")) mappingCases(v);
      }
      case "readings" -> v.asMap(problems).ifPresent(readings -> readings.keys().forEach(p -> named(p, readings.get(p).orElseThrow())));
      case "condition" -> v.asString(problems).ifPresent(c -> {
        try {
          WatchRule.read(Map.of("name", "reference", "condition", c), rigs, "reference");
        } catch (WatchRule.Invalid e) {
          v.problem(problems, e.getMessage());
        }
      });
      case "delay" -> {
        if (v.asString(problems).flatMap(org.twinlab.scenarios.check.CheckParser::parseDuration).isEmpty()) v.problem(problems, "a duration such as 10s");
      }
      default -> { }
    }
  }

  /** A mapping case's property, and those its rig state and stimulus name, must be the station's. */
  private void mappingCases(YamlValue cases) {
    for (YamlValue c : cases.asList(problems)) {
      c.asMap(new Problems()).ifPresent(m -> {
        m.get("property").ifPresent(p -> p.asString(problems).ifPresent(name -> named(name, p)));
        m.get("given").flatMap(g -> g.asMap(new Problems())).ifPresent(g -> g.keys().forEach(k -> named(k, g.get(k).orElseThrow())));
        m.get("when").flatMap(w -> w.asMap(new Problems())).flatMap(w -> w.get("write")).flatMap(w -> w.asMap(new Problems()))
            .flatMap(w -> w.get("property")).ifPresent(p -> p.asString(problems).ifPresent(name -> named(name, p)));
      });
    }
  }

  /** A property a reading or a mapping case names must be one the station has. */
  private void named(String property, YamlValue at) {
    if (rigs != null && !rigs.hasProperty(property)) at.problem(problems, rigs.lacksProperty(property));
  }

  /** A written value must be one the property takes, and the property one the twin writes to the rig, as the twin refuses otherwise. */
  private void written(PropertyDef def, YamlValue value) {
    if (!def.writable()) {
      value.problem(problems, "'" + def.path() + "' is read from the rig; it cannot be written");
      return;
    }
    Object v = value.asScalar(new Problems());
    if (v != null && !def.fitsType(v)) {
      String takes = switch (def.type()) {
        case BOOL -> "true or false";
        case STRING -> "a text";
        case ENUM -> "one of " + String.join(", ", def.enumValues());
        case INT, DOUBLE -> "a number";
      };
      value.problem(problems, "'" + def.path() + "' takes " + takes);
    } else if (v instanceof Number n && def.range().isPresent() && !def.range().get().contains(n.doubleValue())) {
      value.problem(problems, n + " is outside " + def.path() + "'s range " + def.range().get().min() + ".." + def.range().get().max());
    }
  }

  /** A test suite runs on the rig it names, else on the station's first. */
  private StationRigs suiteRig(YamlMap with) {
    if (rigs == null) return null;
    Optional<String> named = with.get("rig").flatMap(YamlValue::text);
    Optional<TwinModel> model = rigs.models().stream().filter(m -> named.map(m.id()::equals).orElse(m == rigs.primary())).findFirst();
    return model.map(StationRigs::of).orElse(null);
  }
}
