package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class SecuritySuiteGraderTest {
  private final SecuritySuiteGrader tank = new SecuritySuiteGrader(ModelLibrary.loadBuiltIn("tank-process"));

  private static Map<String, Object> script(Map<?, ?>... cases) {
    return Map.of("cases", List.of(cases));
  }

  private static Map<String, Object> write(String property, Object value, String expect) {
    return Map.of("write", Map.of("property", property, "value", value), "expect", expect);
  }

  @Test
  void aGoodScriptFindsEveryInsecureVariantWithoutFalseFailures() {
    ActionOutcome o = tank.grade(script(
        write("pid.setpoint", 600, "refused"),
        write("pid.manual_output", 101, "refused"),
        write("pump.speed", 50, "refused"),
        write("pid.setpoint", 300, "accepted")));
    assertThat(o.result()).containsEntry("cases", "4").containsEntry("false_failures", "0").containsEntry("variants", "3")
        .containsEntry("detected", "3");
    InsecureVariant.KINDS.forEach(k -> assertThat(o.result()).containsEntry("detects." + k, "true"));
    assertThat(o.result()).containsEntry("caught_by.range_widened", "2").containsEntry("caught_by.read_only_writable", "3");
  }

  @Test
  void aWriteFarBeyondTheRangeMissesTheWidenedRange() {
    ActionOutcome o = tank.grade(script(write("pid.manual_output", 500, "refused"), write("pid.setpoint", 9999, "refused")));
    assertThat(o.result()).containsEntry("detects.range_unchecked", "true").containsEntry("detects.range_widened", "false")
        .containsEntry("detects.read_only_writable", "false");
  }

  @Test
  void expectingALegalWriteRefusedIsAFalseFailureAndCatchesNothing() {
    ActionOutcome o = tank.grade(script(write("pid.setpoint", 300, "refused")));
    assertThat(o.result()).containsEntry("false_failures", "1").containsEntry("detected", "0")
        .containsEntry("case.1.result", SuiteResult.FALSE_FAILURE);
  }

  @Test
  void aMalformedScriptIsRefusedNamingTheField() {
    assertThatThrownBy(() -> tank.grade(script(Map.of("write", Map.of("property", "pid.nope", "value", 1), "expect", "refused"))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].write.property"));
    assertThatThrownBy(() -> tank.grade(script(Map.of("write", Map.of("property", "pid.setpoint", "value", 1), "expect", "maybe"))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("cases[0].expect"));
    assertThatThrownBy(() -> tank.grade(Map.of("cases", List.of(write("pid.setpoint", 1, "refused")), "detected", "3")))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("detected"));
  }
}
