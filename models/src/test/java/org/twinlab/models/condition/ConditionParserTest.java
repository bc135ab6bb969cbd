package org.twinlab.models.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

  private static boolean eval(String expr, Map<String, Object> values) throws Exception {
    return ConditionParser.parse(expr).test(values::get);
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
  }

  @Test
  void missingValuesNeverFireAComparison() throws Exception {
    assertThat(eval("t.level > 1", Map.of())).isFalse();
    assertThat(eval("t.level >= -0.5e1", Map.of("t.level", -5))).isTrue();
  }

  @Test
  void errorsCarryTheirColumn() {
    assertThatThrownBy(() -> ConditionParser.parse("t.level = 4"))
        .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> assertThat(e.column()).isEqualTo(9));
    assertThatThrownBy(() -> ConditionParser.parse("(t.on and t.off"))
        .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> assertThat(e.column()).isEqualTo(16));
    assertThatThrownBy(() -> ConditionParser.parse("level > 4"))
        .hasMessageContaining("component.property");
  }
}
