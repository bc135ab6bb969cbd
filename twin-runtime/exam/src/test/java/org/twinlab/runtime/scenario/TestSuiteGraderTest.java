package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class TestSuiteGraderTest {
  private final TestSuiteGrader tank = new TestSuiteGrader(ModelLibrary.loadBuiltIn("tank-process"));

  private static Map<String, Object> suite(Map<?, ?>... cases) {
    return Map.of("cases", List.of(cases));
  }

  @Test
  void aGoodSuiteCatchesEveryVariantWithoutFalseFailures() {
    ActionOutcome o = tank.grade(suite(
        Map.of("given", Map.of("pid.setpoint", 300), "settle", "150s", "then", "twin.tank.level > 280 and twin.tank.level < 320"),
        Map.of("settle", "20s", "then", "twin.tank.temperature > 19 and twin.tank.temperature < 21 and twin.flow.rate > 20"),
        Map.of("settle", "20s", "when", Map.of("write", Map.of("property", "inlet_valve.open", "value", false)),
            "then", "twin.inlet_valve.open == false and twin.flow.rate < 0.5", "within", "5s"),
        Map.of("given", Map.of("pid.setpoint", 465), "settle", "300s", "then", "alarm.level_high and twin.tank.level < 475", "within", "5s"),
        Map.of("given", Map.of("pid.setpoint", 250), "settle", "150s", "when", Map.of("write", Map.of("property", "pid.setpoint", "value", 400)),
            "then", "twin.tank.level > 253", "within", "3s")));
    assertThat(o.result()).containsEntry("cases", "5").containsEntry("false_failures", "0").containsEntry("variants", "6")
        .containsEntry("detected", "6");
    Mutant.KINDS.forEach(k -> assertThat(o.result()).containsEntry("detects." + k, "true"));
  }

  @Test
  void aCaseThatFailsOnTheCorrectTwinIsAFalseFailureAndCatchesNothing() {
    ActionOutcome o = tank.grade(suite(Map.of("name", "wrong expectation", "settle", "20s", "then", "twin.tank.level > 480", "within", "2s")));
    assertThat(o.result()).containsEntry("false_failures", "1").containsEntry("detected", "0");
    SuiteResult.CaseResult c = SuiteResult.from(o.result()).orElseThrow().cases().get(0);
    assertThat(c.name()).isEqualTo("wrong expectation");
    assertThat(c.passes()).isFalse();
    assertThat(c.why()).startsWith("did not hold within 2.0 s; the twin showed twin.tank.level = ");
    assertThat(c.catches()).isEmpty();
    assertThat(o.result()).containsEntry("case.1.result", "false_failure").containsEntry("caught_by.wrong_scale", "");
  }

  @Test
  void aStimulusTheTwinRefusesIsAFalseFailureThatSaysSo() {
    ActionOutcome o = tank.grade(suite(Map.of("when", Map.of("write", Map.of("property", "tank.level", "value", 3)),
        "then", "twin.tank.level == 3", "within", "1s")));
    SuiteResult.CaseResult c = SuiteResult.from(o.result()).orElseThrow().cases().get(0);
    assertThat(c.passes()).isFalse();
    assertThat(c.why()).startsWith("the twin refused the write: ");
  }

  @Test
  void aResponseTimeCaseCatchesOnlyTheSlowUpdate() {
    ActionOutcome o = tank.grade(suite(Map.of("given", Map.of("pid.setpoint", 250), "settle", "150s",
        "when", Map.of("write", Map.of("property", "pid.setpoint", "value", 400)), "then", "twin.tank.level > 253", "within", "3s")));
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detects.slow_update", "true")
        .containsEntry("detects.inverted_bit", "false");
    assertThat(o.result()).containsEntry("case.1.result", "pass").containsEntry("caught_by.slow_update", "1")
        .containsEntry("caught_by.inverted_bit", "");
    assertThat(o.result().get("case.1.catches").split(",")).contains("slow_update").doesNotContain("inverted_bit");
  }

  @Test
  void aBadSuiteIsRefusedWithTheCaseAndFieldAtFault() {
    assertThatThrownBy(() -> tank.grade(Map.of())).isInstanceOf(TwinRequestException.class).hasMessageContaining("list of cases");
    assertThatThrownBy(() -> tank.grade(suite(Map.of("then", "twin.tank.level >"))))
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].then"))
        .hasMessageContaining("column");
    assertThatThrownBy(() -> tank.grade(suite(Map.of("then", "true"), Map.of("then", "twin.tank.colour == 1"))))
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[1].then"))
        .hasMessageContaining("no property 'tank.colour'");
    assertThatThrownBy(() -> tank.grade(suite(Map.of("then", "rig.tank.level > 1"))))
        .hasMessageContaining("not the rig");
    assertThatThrownBy(() -> tank.grade(suite(Map.of("when", Map.of("shout", "x"), "then", "true"))))
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].when.shout"));
    // a field beside the cases would sit among the recorded result's attributes, as if the grading said it
    assertThatThrownBy(() -> tank.grade(Map.of("cases", List.of(Map.of("then", "true")), "case", Map.of("9", Map.of("result", "pass")))))
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("case"));
    assertThatThrownBy(() -> tank.grade(suite(Map.of("then", "true", "within", "2h"))))
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].within"));
  }
}
