package org.twinlab.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.twinlab.scenarios.model.ActionAttributes;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.standard.StandardLoader;

/** Every ```yaml example of the trainers' guide (lab-scenarios/README.md) loads and matches the JSON Schema. */
class ReadmeExamplesTest {
  private static final ReadmeExamples EXAMPLES =
      new ReadmeExamples(new ScenarioLoader(StandardLoader.digitalTwinTechnician()), ScenarioSchemaTest.SCHEMA);

  static List<ReadmeExamples.Example> readme() throws IOException {
    return ReadmeExamples.extract("README.md", Files.readString(Path.of("README.md")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readme")
  void loadsAndMatchesTheSchema(ReadmeExamples.Example example) {
    assertThat(EXAMPLES.problems(example)).as(example.toString()).isEmpty();
  }

  @Test
  void theGuideShowsEveryFaultKindAndEveryTransformKey() throws IOException {
    Set<String> kinds = new TreeSet<>();
    Set<String> transformKeys = new TreeSet<>();
    for (ReadmeExamples.Example e : readme()) {
      collect(new Load(LoadSettings.builder().build()).loadFromString(e.text()), kinds, transformKeys);
    }
    assertThat(kinds).as("the kinds of the faults in examples").containsAll(FaultDef.KINDS);
    assertThat(transformKeys).as("the keys of the transforms in examples").containsAll(ActionAttributes.of("binding_edit").stream()
        .filter(a -> a.startsWith("transform.")).map(a -> a.substring("transform.".length())).toList());
  }

  /** The kinds of faults and the keys of transforms (nested ones by dotted name) anywhere in a parsed example. */
  private static void collect(Object node, Set<String> kinds, Set<String> transformKeys) {
    if (node instanceof Map<?, ?> m) {
      if (m.containsKey("kind") && m.containsKey("id")) kinds.add(String.valueOf(m.get("kind")));
      if (m.get("transform") instanceof Map<?, ?> t) {
        t.forEach((k, v) -> {
          if (v instanceof Map<?, ?> nested) nested.keySet().forEach(n -> transformKeys.add(k + "." + n));
          else transformKeys.add(String.valueOf(k));
        });
      }
      m.values().forEach(v -> collect(v, kinds, transformKeys));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, kinds, transformKeys));
    }
  }

  @Test
  void aBrokenExampleIsToldAtItsLine() {
    String guide = """
        # Guide

        A fault:
        ```yaml
        - id: transmitter_stuck
          kind: stuck_at
          target: tank.level_raw
          at: 3m
        ```
        """;
    var examples = ReadmeExamples.extract("GUIDE.md", guide);
    assertThat(examples).singleElement().hasToString("GUIDE.md:5");
    assertThat(EXAMPLES.problems(examples.get(0))).hasValueSatisfying(p -> assertThat(p)
        .as("the missing value of a stuck_at, from the loader and from the schema").contains("GUIDE.md:5: faults[0]").contains("value")
        .contains("GUIDE.md:5: the schema"));
    String noisy = guide.replace("kind: stuck_at", "kind: noise").replace("  at: 3m", "  stddev: -2\n  at: 3m");
    assertThat(EXAMPLES.problems(ReadmeExamples.extract("GUIDE.md", noisy).get(0))).hasValueSatisfying(p -> assertThat(p)
        .as("a schema problem at the line of its field").contains("GUIDE.md:8: the schema: $.faults[0].stddev"));
  }

  @Test
  void aBlockIndentedInAListOrWithWordsAfterItsLanguageIsTakenToo() {
    String guide = """
        1. Break the binding:
           ```yaml
           setup:
             bindings:
               - {property: tank.level, remove: true}
           ```
        2. A fault:
        ```YAML title="a fault"
        - {id: jam, kind: actuator_jam, target: pumpp, at: 1m}
        ```
        """;
    var examples = ReadmeExamples.extract("GUIDE.md", guide);
    assertThat(examples).hasSize(2);
    assertThat(EXAMPLES.problems(examples.get(0))).isEmpty();
    assertThat(EXAMPLES.problems(examples.get(1))).hasValueSatisfying(p -> assertThat(p).contains("GUIDE.md:9:").contains("pump"));
  }

  @Test
  void aProblemInsideAPartIsToldAtItsOwnLine() {
    String guide = """
        ```yaml
        setup:
          bindings:
            - property: tank.levle
              connection: "${plc}"
              address: 'nsu=urn:twinlab:plc;s="DB_Process"."Tank"."LevelRaw"'
              transform: {range: {raw: [0, 27648], value: [0, 500]}, clamp: [0, 500]}
        ```
        """;
    var example = ReadmeExamples.extract("GUIDE.md", guide).get(0);
    assertThat(EXAMPLES.problems(example)).hasValueSatisfying(p -> assertThat(p).contains("GUIDE.md:4:").contains("tank.level"));
  }

  @Test
  void aTransformKeyTheTwinDoesNotTakeFailsTheSchema() {
    String guide = """
        ```yaml
        setup:
          bindings:
            - {property: tank.level, connection: "${plc}", address: 'ns=2;s=Level', transform: {gain: 2}}
        ```
        """;
    assertThat(EXAMPLES.problems(ReadmeExamples.extract("GUIDE.md", guide).get(0)))
        .hasValueSatisfying(p -> assertThat(p).contains("GUIDE.md:4: the schema").contains("gain"));
  }

  @Test
  void wholeScenariosAndEveryPartAreTakenAndTextThatIsNoneIsRefused() {
    String guide = """
        ```yaml
        cases:
          - {given: {pid.setpoint: 300}, when: {command: panel.emergency_stop}, then: "twin.pump.running == false", within: 5s}
        ```
        ```yaml
        id: noisy
        kind: noise
        target: vibration.rms_x
        stddev: 0.4
        at: 1m
        ```
        ```yaml
        - {id: told, judge: {en: The report names the cause, zh: 报告指出原因}, points: 2, rubric: {0: {en: No, zh: 无}, 1: {en: Vague, zh: 含糊}, 2: {en: Near, zh: 接近}, 3: {en: Right, zh: 正确}}}
        ```
        ```yaml
        - {when: "alarm.vibration_alert", do: alarm_ack, with: {alarm: vibration_alert}}
        ```
        ```yaml
        cases:
          - {given: {node.interval_ms: 500}, when: {write: {property: node.interval_ms, value: 1000}}, then: "twin.node.interval_ms == 1000"}
        rig: motor-vibration
        ```
        ```yaml
        sorted 12 of 12 workpieces
        ```
        ```text
        not YAML: [
        ```
        """;
    var examples = ReadmeExamples.extract("GUIDE.md", guide);
    assertThat(examples).hasSize(6);
    assertThat(examples.subList(0, 5)).allSatisfy(e -> assertThat(EXAMPLES.problems(e)).as(e.toString()).isEmpty());
    assertThat(EXAMPLES.problems(examples.get(5))).hasValueSatisfying(p -> assertThat(p).contains("GUIDE.md:24").contains("```text"));
  }
}
