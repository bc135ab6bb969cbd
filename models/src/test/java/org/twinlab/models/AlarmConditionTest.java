package org.twinlab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.expr.ExprSyntaxException;

/** Alarm conditions are expressions of the one expression language, judged on a twin's current values. */
class AlarmConditionTest {

  private static boolean eval(String expr, Map<String, Object> values) throws Exception {
    return AlarmCondition.parse(expr).test(values::get);
  }

  @Test
  void andBindsTighterThanOr() throws Exception {
    Map<String, Object> v = Map.of("a.x", 1.0, "a.y", 0.0, "a.z", 5.0);
    assertThat(eval("a.x > 2 and a.y > 2 or a.z == 5", v)).isTrue();
    assertThat(eval("a.x > 2 and (a.y > 2 or a.z == 5)", v)).isFalse();
  }

  @Test
  void barePropertiesNegationAndEnums() throws Exception {
    Map<String, Object> v = Map.of("p.on", true, "p.mode", "auto");
    assertThat(eval("p.on and p.mode == auto", v)).isTrue();
    assertThat(eval("not p.on or p.mode != 'auto'", v)).isFalse();
    assertThat(eval("p.on == true", v)).isTrue();
    assertThat(eval("p.on", Map.of("p.on", "true"))).as("only a true bool holds").isFalse();
  }

  @Test
  void missingValuesNeverFireAComparison() throws Exception {
    assertThat(eval("t.level > 1", Map.of())).isFalse();
    assertThat(eval("t.level >= -0.5e1", Map.of("t.level", -5))).isTrue();
    assertThat(eval("t.level < 4.5E2", Map.of("t.level", 449L))).isTrue();
    Map<String, Object> none = new HashMap<>();
    none.put("t.level", null);
    assertThat(eval("not t.level > 1", none)).as("a missing value makes the comparison false, its negation true").isTrue();
  }

  @Test
  void arithmeticOfTheCheckLanguageWorksInAlarmsToo() throws Exception {
    Map<String, Object> v = Map.of("tank.level", 262.0, "pid.setpoint", 250.0);
    assertThat(eval("abs(tank.level - pid.setpoint) > 10", v)).isTrue();
    assertThat(eval("tank.level - pid.setpoint * 2 < 0", v)).isTrue();
    assertThat(AlarmCondition.parse("abs(tank.level - pid.setpoint) > 10 or panel.estop").properties())
        .containsExactlyInAnyOrder("tank.level", "pid.setpoint", "panel.estop");
  }

  @Test
  void errorsCarryTheirColumn() {
    assertError("t.level = 4", 9, "write ==");
    assertError("(t.on and t.off", 16, "expected ')'");
    assertError("level > 4", 1, "component.property");
    assertError("t.level >", 10, "a value is missing after '>'");
    assertError("t.level > 'high", 11, "never closed");
    assertError("", 1, "empty condition");
    assertError("m.state == start", 12, "text that is a reserved word is quoted: 'start'");
  }

  @Test
  void temporalOperatorsAndWindowsAreRefused() {
    assertError("eventually tank.level > 450", 1, "an alarm condition is a state of the twin now");
    assertError("tank.level > 450 holds for 10s", 18, "an alarm condition is a state of the twin now");
    assertError("tank.level > 450 within 30s", 18, "an alarm condition is a state of the twin now");
    assertError("tank.level > 30s", 14, "a duration (30s) has no place in an alarm condition");
    assertError("count action.write >= 1", 1, "an alarm condition is a state of the twin now");
  }

  private static void assertError(String text, int column, String message) {
    assertThatThrownBy(() -> AlarmCondition.parse(text)).as(text).isInstanceOf(ExprSyntaxException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ExprSyntaxException) e).column()).as(text).isEqualTo(column));
  }
}
