package org.twinlab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;

/** A trainer's typo must point at its line, column and field, never at a stack trace. */
class ModelLoaderTest {

  private static final String HEADER = """
      model: test-rig
      version: 1
      name: {en: Test rig, zh: 测试}
      kind: plc-station
      """;

  private static String withComponent(String properties) {
    return HEADER + """
        components:
          - id: tank
            name: {en: Tank, zh: 水箱}
            properties:
        """ + properties;
  }

  private static Problem onlyProblem(String yaml) {
    try {
      ModelLoader.load("rig.yaml", yaml);
    } catch (InvalidInputException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("model was accepted");
  }

  @Test
  void aMinimalModelLoads() throws Exception {
    TwinModel m = ModelLoader.load("rig.yaml", withComponent("""
              - {id: level, type: double, unit: mm, range: [0, 500], description: {en: Level, zh: 液位}}
        """));
    assertThat(m.property("tank.level").orElseThrow().expectedPeriodMs()).isEqualTo(1000);
  }

  @Test
  void aPropertySentOnlyWhenItChangesSaysSo() throws Exception {
    TwinModel m = ModelLoader.load("rig.yaml", withComponent("""
              - {id: online, type: enum, values: [Online, Offline], period_ms: event, description: {en: Link, zh: 链路}}
        """));
    assertThat(m.property("tank.online").orElseThrow().eventDriven()).isTrue();
    Problem zero = onlyProblem(withComponent("""
              - {id: level, type: double, period_ms: 0, description: {en: Level, zh: 液位}}
        """));
    assertThat(zero.field()).isEqualTo("components[0].properties[0].period_ms");
    assertThat(zero.message()).contains("above 0").contains("event");
    Problem word = onlyProblem(withComponent("""
              - {id: level, type: double, period_ms: often, description: {en: Level, zh: 液位}}
        """));
    assertThat(word.field()).isEqualTo("components[0].properties[0].period_ms");
  }

  @Test
  void unknownTypeNamesLineColumnAndField() {
    Problem p = onlyProblem(withComponent("""
              - id: level
                type: float
                description: {en: Level, zh: 液位}
        """));
    assertThat(p.location().line()).isEqualTo(10);
    assertThat(p.location().column()).isEqualTo(15);
    assertThat(p.field()).isEqualTo("components[0].properties[0].type");
    assertThat(p.toString()).startsWith("rig.yaml:10:15: components[0].properties[0].type: unknown type");
  }

  @Test
  void misspeltFieldIsRejectedNotIgnored() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, writeable: true, description: {en: Level, zh: 液位}}
        """));
    assertThat(p.field()).isEqualTo("components[0].properties[0].writeable");
    assertThat(p.message()).startsWith("unknown field");
  }

  @Test
  void invertedRangeIsRejected() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, range: [500, 0], description: {en: Level, zh: 液位}}
        """));
    assertThat(p.field()).isEqualTo("components[0].properties[0].range");
    assertThat(p.message()).isEqualTo("min must be below max");
  }

  @Test
  void missingChineseDescriptionIsRejected() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, description: {en: Level}}
        """));
    assertThat(p.field()).isEqualTo("components[0].properties[0].description.zh");
  }

  @Test
  void alarmOnUnknownPropertyIsRejected() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, description: {en: Level, zh: 液位}}
        alarms:
          - {id: high, condition: tank.levle > 450, severity: major, message: {en: High, zh: 高}}
        """));
    assertThat(p.field()).isEqualTo("alarms[0].condition");
    assertThat(p.message()).contains("unknown property 'tank.levle'");
  }

  @Test
  void alarmSyntaxErrorPointsInsideTheExpression() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, description: {en: Level, zh: 液位}}
        alarms:
          - id: high
            condition: tank.level >
            severity: major
            message: {en: High, zh: 高}
        """));
    assertThat(p.location().line()).isEqualTo(12);
    assertThat(p.location().column()).isEqualTo(28);
    assertThat(p.message()).contains("value is missing");
  }

  @Test
  void aTemporalOperatorInAnAlarmIsRefusedAtItsPlace() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, description: {en: Level, zh: 液位}}
        alarms:
          - id: high
            condition: tank.level > 450 holds for 10s
            severity: major
            message: {en: High, zh: 高}
        """));
    assertThat(p.location().line()).isEqualTo(12);
    assertThat(p.location().column()).isEqualTo(33);
    assertThat(p.field()).isEqualTo("alarms[0].condition");
    assertThat(p.message()).contains("unexpected 'holds'").contains("a state of the twin now");
  }

  @Test
  void arithmeticInAnAlarmIsOnNumbersOnly() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, description: {en: Level, zh: 液位}}
              - {id: full, type: bool, description: {en: Full, zh: 满}}
        alarms:
          - {id: high, condition: tank.level + tank.full > 1, severity: major, message: {en: High, zh: 高}}
        """));
    assertThat(p.field()).isEqualTo("alarms[0].condition");
    assertThat(p.message()).contains("arithmetic is on numbers only").contains("'tank.full' is bool");
  }

  @Test
  void comparingABoolWithANumberIsRejected() {
    Problem p = onlyProblem(withComponent("""
              - {id: full, type: bool, description: {en: Full, zh: 满}}
        alarms:
          - {id: high, condition: tank.full > 1, severity: major, message: {en: High, zh: 高}}
        """));
    assertThat(p.message()).contains("is bool");
  }

  @Test
  void viewAnimationMustNameAKnownProperty() {
    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, range: [0, 500], description: {en: Level, zh: 液位}}
        view:
          shapes:
            - id: water
              shape: cylinder
              size: [1, 1, 1]
              animate:
                - {property: tank.height, effect: fill}
        """));
    assertThat(p.field()).isEqualTo("view.shapes[0].animate[0].property");
  }

  @Test
  void aTranslationMayWrapAndAShellBeSeeThroughButWrapIsForTranslationsOnly() throws Exception {
    TwinModel m = ModelLoader.load("rig.yaml", withComponent("""
              - {id: level, type: double, range: [0, 500], description: {en: Level, zh: 液位}}
        view:
          shapes:
            - id: float
              shape: sphere
              size: [1, 1, 1]
              color: "#2196f380"
              animate:
                - {property: tank.level, effect: translate, axis: [1, 0, 0], scale: 0.01, wrap: 2, offset: 0.5}
        """));
    var a = m.view().shapes().get(0).animations().get(0);
    assertThat(a.distance(100)).isEqualTo(1.5);
    assertThat(a.distance(200)).isEqualTo(0.5);
    assertThat(m.view().shapes().get(0).color()).isEqualTo("#2196f380");

    Problem p = onlyProblem(withComponent("""
              - {id: level, type: double, range: [0, 500], description: {en: Level, zh: 液位}}
        view:
          shapes:
            - id: water
              shape: cylinder
              size: [1, 1, 1]
              animate:
                - {property: tank.level, effect: fill, wrap: 2}
        """));
    assertThat(p.field()).isEqualTo("view.shapes[0].animate[0].wrap");
    assertThat(p.message()).contains("translate");
  }

  @Test
  void invalidYamlReportsItsPosition() {
    assertThatThrownBy(() -> ModelLoader.load("rig.yaml", "model: [unclosed\nversion: 1\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("rig.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void everyProblemIsReportedInOnePass() {
    try {
      ModelLoader.load("rig.yaml", "model: Bad Name\nversion: x\nkind: robot\n");
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      assertThat(e.problems()).extracting(Problem::field).contains("model", "version", "kind", "name", "components");
    }
  }
}
