package org.twinlab.scenarios.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
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
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "write", List.of("property", "value"),
      "command", List.of("command"),
      "alarm_ack", List.of("alarm"),
      "binding_create", List.of("property", "connection", "address"),
      "binding_edit", List.of("property"),
      "binding_delete", List.of("property"),
      "test_suite", List.of("cases"),
      "security_suite", List.of("cases"),
      "artefact", List.of("kind", "title"));

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
    if (!needed.isEmpty()) step.self().problem(problems, "a " + kind + " needs with: {" + String.join(", ", needed) + "}");
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
      case "kind" -> v.asString(problems).ifPresent(k -> {
        if (!ActionAttributes.ARTEFACT_KINDS.contains(k)) {
          v.problem(problems, "'" + k + "' is not an artefact's kind" + NearName.hint(k, ActionAttributes.ARTEFACT_KINDS)
              + ": " + String.join(", ", ActionAttributes.ARTEFACT_KINDS));
        }
      });
      case "value" -> {
        if (kind.equals("report") && !(v.asScalar(new Problems()) instanceof Number)) v.problem(problems, "a report's value is the number it quotes");
      }
      case "cases" -> { if (kind.equals("test_suite")) new TestSuiteCases(suiteRig(with), problems).check(v); } // a security script is checked by its schema
      default -> { }
    }
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
