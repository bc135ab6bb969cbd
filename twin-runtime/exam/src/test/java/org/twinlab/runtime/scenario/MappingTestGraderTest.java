package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class MappingTestGraderTest {
  private final MappingTestGrader tank = new MappingTestGrader(ModelLibrary.loadBuiltIn("tank-process"));

  private static Map<String, Object> test(Map<?, ?>... cases) {
    return Map.of("cases", List.of(cases));
  }

  private static Map<String, Object> follows(String property, double tolerance, String within, String hold, Map<String, Object> when) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", property + " follows the rig");
    if (when != null) c.put("when", when);
    c.put("property", property);
    c.put("tolerance", tolerance);
    c.put("within", within);
    c.put("hold", hold);
    return c;
  }

  private static Map<String, Object> write(String property, Object value) {
    return Map.of("write", Map.of("property", property, "value", value));
  }

  /** The mapping test a good candidate writes: it drives the level loop and the inlet valve through the twin. */
  static Map<String, Object> goodTest() {
    return test(
        follows("tank.level", 1.0, "3s", "20s", write("pid.setpoint", 400)),
        follows("flow.rate", 0.5, "3s", "10s", write("pid.setpoint", 400)),
        follows("inlet_valve.open", 0, "3s", "5s", write("inlet_valve.open", false)));
  }

  @Test
  void aGoodTestCatchesEveryWrongMappingWithoutFalseFailures() {
    ActionOutcome o = tank.grade(goodTest());
    assertThat(o.result()).containsEntry("cases", "3").containsEntry("false_failures", "0").containsEntry("variants", "5")
        .containsEntry("driven_cases", "3");
    assertThat(o.result()).as(o.result().toString()).containsEntry("detected", "5");
    MappingTestGrader.wrongMappings("tank-process").forEach(m -> assertThat(o.result()).containsEntry("detects." + m.kind(), "true"));
    assertThat(o.result()).containsEntry("caught_by.swapped_signals", "2").containsEntry("caught_by.inverted_bit", "3")
        .containsEntry("case.1.result", SuiteResult.PASS);
    assertThat(o.result().get("case.1.why")).startsWith("followed the rig from +");
  }

  @Test
  void aCaseThatToleratesAnyDifferenceCatchesNothing() {
    ActionOutcome o = tank.grade(test(follows("tank.level", 1.0e9, "2s", "1s", null)));
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detected", "0").containsEntry("driven_cases", "0");
  }

  @Test
  void aLevelCaseAloneMissesTheSwappedSignalsAndTheInvertedBit() {
    ActionOutcome o = tank.grade(test(follows("tank.level", 1.0, "3s", "20s", write("pid.setpoint", 400))));
    assertThat(o.result()).containsEntry("detects.wrong_scale", "true").containsEntry("detects.stuck_sensor", "true")
        .containsEntry("detects.slow_update", "true").containsEntry("detects.swapped_signals", "false")
        .containsEntry("detects.inverted_bit", "false");
  }

  @Test
  void demandingNoDifferenceAtAllFromARisingLevelIsAFalseFailure() {
    // the level binding's deadband of 0.2 mm keeps the twin a little behind a rising level
    ActionOutcome o = tank.grade(test(follows("tank.level", 0, "2s", "20s", write("pid.setpoint", 450))));
    assertThat(o.result()).containsEntry("false_failures", "1").containsEntry("detected", "0")
        .containsEntry("case.1.result", SuiteResult.FALSE_FAILURE);
    assertThat(o.result().get("case.1.why")).startsWith("did not follow the rig within 0.00");
  }

  @Test
  void aWriteTheTwinRefusesCannotPass() {
    ActionOutcome o = tank.grade(test(follows("tank.level", 1.0, "2s", "2s", write("pid.setpoint", 900))));
    assertThat(o.result()).containsEntry("false_failures", "1");
    assertThat(o.result().get("case.1.why")).startsWith("the twin refused the write");
  }

  @Test
  void aMalformedTestIsRefusedNamingTheField() {
    assertThatThrownBy(() -> tank.grade(test(Map.of("when", write("pid.setpoint", 300)))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].property"));
    assertThatThrownBy(() -> tank.grade(test(Map.of("property", "tank.level", "tolerance", -1))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].tolerance"));
    assertThatThrownBy(() -> tank.grade(test(Map.of("property", "tank.levl"))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].property"));
    assertThatThrownBy(() -> tank.grade(test(Map.of("property", "tank.level", "then", "twin.tank.level > 0"))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].then"));
    assertThatThrownBy(() -> tank.grade(Map.of("cases", List.of(Map.of("property", "tank.level")), "detected", "5")))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("detected"));
    assertThatThrownBy(() -> tank.grade(Map.of("cases", List.of())))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases"));
  }
}
