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
import org.twinlab.scenarios.model.JointVariants;

class JointProgramGraderTest {
  private final JointProgramGrader onTank = new JointProgramGrader(ModelLibrary.loadBuiltIn("tank-process"));

  private static Map<String, Object> step(String name, Map<String, Object> when, String then) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    if (when != null) s.put("when", when);
    s.put("then", then);
    s.put("within", "10s");
    return s;
  }

  private static Map<String, Object> program(Map<?, ?>... steps) {
    return Map.of("rigs", List.of("tank-process", "motor-vibration"), "steps", List.of(steps));
  }

  private static final Map<String, Object> LEVEL = step("level about 150 mm", null, "twin.tank.level > 100 and twin.tank.level < 250");
  private static final Map<String, Object> INLET = step("closing the inlet stops the flow",
      Map.of("write", Map.of("property", "inlet_valve.open", "value", false)), "twin.flow.rate < 0.5 and twin.tank.temperature > 10");
  private static final Map<String, Object> WINDING = step("winding about 35 °C", null,
      "twin.motor.winding_temperature > 25 and twin.motor.winding_temperature < 60");
  private static final Map<String, Object> AXES = step("X above Z", null, "twin.vibration.rms_x > twin.vibration.rms_z + 0.2");

  // the miswirings a program across both rigs finds are each rig's own, told apart by the step that stops
  @Test
  void aProgramAcrossBothRigsFindsEachRigsMiswiringAtItsStep() {
    ActionOutcome o = onTank.grade(program(LEVEL, INLET, WINDING, AXES));
    assertThat(o.accepted()).isTrue();
    assertThat(o.result()).containsEntry("cases", "4").containsEntry("false_failures", "0").containsEntry("variants", "10")
        .containsEntry("detects.tank_wrong_scale", "true").containsEntry("detects.tank_swapped_signals", "true")
        .containsEntry("detects.tank_inverted_bit", "true").containsEntry("detects.motor_wrong_scale", "true")
        .containsEntry("detects.motor_swapped_signals", "true")
        .containsEntry("caught_by.tank_wrong_scale", "1").containsEntry("caught_by.motor_wrong_scale", "3")
        .containsEntry("caught_by.motor_swapped_signals", "4");
    assertThat(o.result().get("case.2.catches")).contains("tank_swapped_signals", "tank_inverted_bit");
    assertThat(JointVariants.ALL).containsAll(JointProgramGrader.variants(List.of(ModelLibrary.loadBuiltIn("tank-process"),
        ModelLibrary.loadBuiltIn("motor-vibration"))).stream().map(JointProgramGrader.Variant::id).toList());
  }

  @Test
  void aProgramOnOneRigFindsNothingOnTheOther() {
    ActionOutcome o = onTank.grade(program(LEVEL, INLET));
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detects.tank_wrong_scale", "true")
        .containsEntry("detects.motor_wrong_scale", "false").containsEntry("detects.motor_swapped_signals", "false");
  }

  // a program stops at its first failing step: on the correct wiring that is a false failure and nothing after it counts
  @Test
  void aStepFailingOnTheCorrectWiringStopsTheProgramAndCatchesNothing() {
    ActionOutcome o = onTank.grade(program(step("wrong expectation", null, "twin.tank.level > 400"), WINDING));
    assertThat(o.result()).containsEntry("false_failures", "2").containsEntry("detected", "0")
        .containsEntry("case.1.result", SuiteResult.FALSE_FAILURE).containsEntry("case.2.result", SuiteResult.FALSE_FAILURE);
    assertThat(o.result().get("case.2.why")).startsWith("not run");
  }

  @Test
  void aMalformedProgramIsRefusedNamingTheField() {
    assertThat(field(() -> onTank.read(Map.of("steps", List.of(step("x", null, "twin.vibration.rms_x > 1"))))))
        .isEqualTo("steps[0].then"); // the motor is not one of its rigs
    assertThat(field(() -> onTank.read(Map.of("rigs", List.of("tank-process", "motor-vibraton"), "steps", List.of(LEVEL)))))
        .isEqualTo("rigs[1]");
    assertThat(field(() -> onTank.read(Map.of("rigs", List.of("motor-vibration"), "steps", List.of())))).isEqualTo("steps");
    assertThat(field(() -> onTank.read(Map.of("steps", List.of(LEVEL), "detected", "10")))).isEqualTo("detected");
    assertThat(field(() -> onTank.read(program(step("y", null, "twin.tank.level >"))))).isEqualTo("steps[0].then");
  }

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (TwinRequestException e) {
      return e.field();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void refusalsAreBadRequests() {
    assertThatThrownBy(() -> onTank.grade(Map.of())).isInstanceOf(TwinRequestException.class);
  }
}
