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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The JSON Schema published for editors accepts every library scenario and rejects what the loader rejects in shape. */
class ScenarioSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

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
}
