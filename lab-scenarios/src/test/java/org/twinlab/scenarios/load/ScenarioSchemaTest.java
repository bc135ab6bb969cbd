package org.twinlab.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.twinlab.scenarios.model.ActionAttributes;
import org.twinlab.scenarios.model.FaultDef;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The JSON Schema published for editors accepts every library scenario and rejects what the loader rejects in shape. */
class ScenarioSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final JsonSchema SCHEMA = schema();

  private static JsonSchema schema() {
    try {
      JsonNode doc = JSON.readTree(Files.readString(Path.of("schema/scenario.schema.json")));
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(doc);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode yaml(String text) {
    return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
  }

  static Stream<String> library() {
    return ScenarioLibrary.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("library")
  void acceptsTheLibrary(String file) throws IOException {
    try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/scenarios/" + file)) {
      Set<ValidationMessage> errors = SCHEMA.validate(yaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      assertThat(errors).as(file).isEmpty();
    }
  }

  @Test
  void rejectsWhatIsMisshapen() {
    String ok = """
        scenario: s
        title: {en: T, zh: T}
        level: 4
        skill: operate
        clauses: ["4-04-05-10 L4 3.1.2"]
        rig: tank-process
        time_limit: 10m
        tasks: [{id: t, prompt: {en: p, zh: p}, checks: [{id: c, measure: "eventually alarm.level_high"}]}]
        reference: [{at: 1m, do: emergency_stop}]
        """;
    assertThat(SCHEMA.validate(yaml(ok))).isEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("skill: operate", "skill: dance")))).isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("time_limit: 10m", "time_limit: ten minutes")))).isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("do: emergency_stop", "do: panic")))).isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("{at: 1m, do", "{at: 1m, when: x, do")))).as("at or when, not both").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("measure: \"eventually alarm.level_high\"", "points: 2")))).as("measure or judge").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok + "faults: [{id: f, kind: stuck_at, target: tank.level, at: 1m}]\n"))).as("stuck_at needs a value").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok + "colour: red\n"))).isNotEmpty();
  }

  @Test
  void aJudgedCheckGivesARubricOfEveryMarkInBothLanguages() {
    String ok = """
        scenario: s
        title: {en: T, zh: T}
        level: 4
        skill: operate
        clauses: ["4-04-05-10 L4 3.1.2"]
        rig: tank-process
        time_limit: 10m
        tasks:
          - id: t
            prompt: {en: p, zh: p}
            checks:
              - id: c
                judge: {en: aspect, zh: 方面}
                rubric:
                  0: {en: none, zh: 无}
                  1: {en: some, zh: 部分}
                  2: {en: most, zh: 大部分}
                  3: {en: all, zh: 全部}
                evidence: [report]
        reference: [{at: 1m, do: report}]
        judgements: {c: 3}
        """;
    assertThat(SCHEMA.validate(yaml(ok))).isEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("          2: {en: most, zh: 大部分}\n", "")))).as("every mark").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("{en: most, zh: 大部分}", "{en: most}")))).as("both languages").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("evidence: [report]", "evidence: [essay]")))).as("an action kind").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("judge: {en: aspect, zh: 方面}", "measure: \"eventually action.report\""))))
        .as("a measurement has no rubric").isNotEmpty();
  }

  @Test
  void aReferenceStepGivesTheFieldsItsActionTakes() {
    String ok = """
        scenario: s
        title: {en: T, zh: T}
        level: 4
        skill: operate
        clauses: ["4-04-05-10 L4 3.1.2"]
        rig: tank-process
        time_limit: 10m
        tasks: [{id: t, prompt: {en: p, zh: p}, checks: [{id: c, measure: "eventually action.write[value in 290..310]"}]}]
        reference:
          - {at: 1m, do: write, with: {property: pid.setpoint, value: 300}}
          - {at: 2m, do: test_suite, with: {cases: [{given: {pid.setpoint: 300}, when: {command: panel.emergency_stop}, then: "twin.pump.running == false", within: 5s}]}}
        """;
    assertThat(SCHEMA.validate(yaml(ok))).isEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace(", value: 300}", "}")))).as("a write needs its value").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("value: 300", "vlaue: 300")))).as("a field the action does not take").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("- {at: 1m, do: write, with: {property: pid.setpoint, value: 300}}", "- {at: 1m, do: write}"))))
        .as("a write without fields").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("within: 5s", "within: 5s, expect: pass")))).as("a case has name, given, settle, when, then, within").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace("when: {command: panel.emergency_stop}", "when: {command: panel.emergency_stop, rig: {heater.on: true}}"))))
        .as("one stimulus").isNotEmpty();
    assertThat(SCHEMA.validate(yaml(ok.replace(", then: \"twin.pump.running == false\"", "")))).as("a case says what the twin shows").isNotEmpty();
  }

  private static final String MINIMAL = """
      scenario: s
      title: {en: T, zh: T}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2"]
      rig: tank-process
      time_limit: 10m
      tasks: [{id: t, prompt: {en: p, zh: p}, checks: [{id: c, measure: "eventually alarm.level_high"}]}]
      reference: [{at: 1m, do: emergency_stop}]
      """;

  private static Set<ValidationMessage> withFault(String fault) {
    return SCHEMA.validate(yaml(MINIMAL + "faults: [" + fault + "]\n"));
  }

  private static Set<ValidationMessage> withBinding(String binding) {
    return SCHEMA.validate(yaml(MINIMAL + "setup: {bindings: [" + binding + "]}\n"));
  }

  @Test
  void aDurationIsWhatTheLoaderReads() {
    assertThat(withFault("{id: f, kind: actuator_jam, target: pump, at: 500ms, lasting: 1.5m}")).isEmpty();
    assertThat(withFault("{id: f, kind: actuator_jam, target: pump, at: 1m30s, lasting: 1h}")).isEmpty();
    assertThat(withFault("{id: f, kind: actuator_jam, target: pump, at: 0s}")).as("a time after the start").isNotEmpty();
    assertThat(withFault("{id: f, kind: actuator_jam, target: pump, at: 5 minutes}")).isNotEmpty();
  }

  @Test
  void aFaultTakesTheParametersOfItsKind() {
    assertThat(withFault("{id: f, kind: noise, target: flow.rate, stddev: 1.5, at: 1m}")).isEmpty();
    assertThat(withFault("{id: f, kind: communication_loss, target: tank-process, on: 'rig.tank.level > 300', lasting: 2m}")).isEmpty();
    assertThat(withFault("{id: f, kind: stuck_at, target: tank.level, value: 240, stddev: 2, at: 1m}")).as("a stuck sensor has no noise").isNotEmpty();
    assertThat(withFault("{id: f, kind: noise, target: flow.rate, stddev: -1, at: 1m}")).as("a spread is 0 or more").isNotEmpty();
    assertThat(withFault("{id: f, kind: dropout, target: flow.rate, probability: 1.5, at: 1m}")).as("a chance is 0 to 1").isNotEmpty();
    assertThat(withFault("{id: f, kind: offset, target: tank.level, offset: ten, at: 1m}")).as("an offset is a number").isNotEmpty();
    assertThat(withFault("{id: f, kind: bearing_wear, target: vibration, at: 1m}")).as("wear needs its rate").isNotEmpty();
    assertThat(withFault("{id: f, kind: communication_loss, target: plc, at: 1m}")).as("a link belongs to a rig").isNotEmpty();
    assertThat(withFault("{id: f, kind: actuator_jam, target: pump, at: 1m, value: 3}")).as("a jam has no parameter").isNotEmpty();
  }

  @Test
  void aBindingsTransformIsTypedByItsKeys() {
    String binding = "{property: tank.level, connection: '${plc}', address: 'ns=2;s=Level', transform: %s}";
    assertThat(withBinding(binding.formatted("{bit: 3, invert: true, range: {raw: [0, 27648], value: [0, 500]}, scale: 2, offset: -5, "
        + "unit: {from: cm, to: mm}, clamp: [0, 500], deadband: 0.2}"))).isEmpty();
    assertThat(withBinding(binding.formatted("{gain: 2}"))).as("no such key").isNotEmpty();
    assertThat(withBinding(binding.formatted("{range: {raw: [0, 27648]}}"))).as("a range maps raw onto value").isNotEmpty();
    assertThat(withBinding(binding.formatted("{range: {raw: [0], value: [0, 500]}}"))).as("two raw values").isNotEmpty();
    assertThat(withBinding(binding.formatted("{scale: 0}"))).as("a scale of 0 loses the signal").isNotEmpty();
    assertThat(withBinding(binding.formatted("{unit: {from: furlong}}"))).as("a unit the runtime converts").isNotEmpty();
    assertThat(withBinding(binding.formatted("{bit: 64}"))).as("a bit of a 64-bit word").isNotEmpty();
    assertThat(withBinding(binding.formatted("{deadband: -1}"))).isNotEmpty();
    assertThat(withBinding("{property: tank.level, transform: {scale: 2}}")).as("a setup binding is whole").isNotEmpty();
    assertThat(withBinding("{property: tank.level, remove: true}")).isEmpty();
    assertThat(withBinding("{property: tank.level, remove: true, address: x}")).as("a removal is only the property").isNotEmpty();
  }

  @Test
  void theSchemaKnowsEveryFaultKindAndTransformKeyTheLoaderAndTwinTake() {
    JsonNode defs = SCHEMA.getSchemaNode().get("$defs");
    List<String> kinds = new ArrayList<>();
    defs.get("fault").get("allOf").forEach(rule -> kinds.add(rule.at("/if/properties/kind/const").asText()));
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(FaultDef.KINDS);
    assertThat(defs.at("/fault/properties/kind/enum")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(FaultDef.KINDS);
    Set<String> keys = new TreeSet<>();
    defs.get("transform").get("properties").fields().forEachRemaining(f -> {
      JsonNode nested = f.getValue().get("properties");
      if (nested == null) keys.add(f.getKey());
      else nested.fieldNames().forEachRemaining(n -> keys.add(f.getKey() + "." + n));
    });
    assertThat(keys).containsExactlyInAnyOrderElementsOf(ActionAttributes.of("binding_edit").stream()
        .filter(a -> a.startsWith("transform.")).map(a -> a.substring("transform.".length())).toList());
  }

  @Test
  void everyFieldIsDescribedForEditors() {
    JsonNode root = SCHEMA.getSchemaNode();
    List<String> bare = new ArrayList<>();
    undescribed(root, "#", root, bare);
    assertThat(bare).isEmpty();
  }

  /** Collects the fields (entries of properties) with no description, either their own or that of the definition they refer to. */
  private static void undescribed(JsonNode node, String where, JsonNode root, List<String> bare) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) undescribed(node.get(i), where + "/" + i, root, bare);
      return;
    }
    if (!node.isObject()) return;
    node.fields().forEachRemaining(f -> {
      if (f.getKey().equals("properties") && f.getValue().isObject()) {
        f.getValue().fields().forEachRemaining(p -> {
          JsonNode field = p.getValue();
          boolean described = field.has("description")
              || (field.has("$ref") && root.at(field.get("$ref").asText().substring(1)).has("description"));
          if (!described && !where.contains("/if")) bare.add(where + "/properties/" + p.getKey());
          undescribed(field, where + "/properties/" + p.getKey(), root, bare);
        });
      } else {
        undescribed(f.getValue(), where + "/" + f.getKey(), root, bare);
      }
    });
  }
}
