package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.engine.ActionOutcome;

class TestSuiteGraderTest {
  private final TestSuiteGrader grader = new TestSuiteGrader(ModelLibrary.loadBuiltIn("tank-process"));

  @Test
  void aResponseTimeCaseCatchesTheSlowUpdate() {
    ActionOutcome o = grader.grade(Map.of("cases", List.of(Map.of(
        "name", "level updates within a second",
        "given", Map.of("pid.setpoint", 250),
        "settle", "150s",
        "when", Map.of("write", Map.of("property", "pid.setpoint", "value", 400)),
        "then", "twin.tank.level > 253",
        "within", "3s"))));
    System.out.println(o);
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detects.slow_update", "true");
  }

  @Test
  void aCaseOnTheInletValveCatchesTheInvertedBit() {
    ActionOutcome o = grader.grade(Map.of("cases", List.of(Map.of(
        "name", "closing the inlet stops the flow",
        "settle", "20s",
        "when", Map.of("write", Map.of("property", "inlet_valve.open", "value", false)),
        "then", "twin.inlet_valve.open == false and twin.flow.rate < 0.5",
        "within", "5s"))));
    System.out.println(o);
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detects.inverted_bit", "true");
  }
}
