package org.twinlab.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckParserTest {

  @Test
  void everyOperatorParsesWithItsWindow() throws Exception {
    assertThat(CheckParser.parse("eventually twin.belt.running == true within 2m")).isInstanceOf(Check.Eventually.class);
    assertThat(CheckParser.parse("always twin.tank.level <= 480")).isInstanceOf(Check.Always.class);
    assertThat(CheckParser.parse("never rig.tank.level >= 500 after first fault.inlet_stuck")).isInstanceOf(Check.Never.class);
    Check.HoldsFor h = (Check.HoldsFor) CheckParser.parse("abs(twin.tank.level - rig.tank.level) <= 2 holds for 1m30s");
    assertThat(h.duration()).isEqualTo(Duration.ofSeconds(90));
    Check.Count c = (Check.Count) CheckParser.parse("count action.alarm_ack >= 2 between start + 1m and end");
    assertThat(c.number()).isEqualTo(2);
    assertThat(c.window().from()).isEqualTo(new Anchor.Offset(new Anchor.Start(), Duration.ofMinutes(1)));
    Check.Tracks t = (Check.Tracks) CheckParser.parse("tracks twin.tank.level rig.tank.level within 2.5 for 30s");
    assertThat(t.tolerance()).isEqualTo(2.5);
    assertThat(t.window()).isEqualTo(Window.WHOLE_RUN);
    Check.Eventually e = (Check.Eventually) CheckParser.parse(
        "eventually action.emergency_stop before first rig.tank.level >= 490");
    assertThat(e.window().endExclusive()).isTrue();
  }

  @Test
  void eventsCarryAttributeFilters() throws Exception {
    Check.Eventually e = (Check.Eventually) CheckParser.parse(
        "eventually action.write[property=belt.frequency_setpoint, value=40, twin=conveyor-1] within 30s after first fault.jam");
    Expr.EventMatch m = (Expr.EventMatch) e.state();
    assertThat(m.kind()).isEqualTo("action.write");
    assertThat(m.attributes()).isEqualTo(Map.of("property", "belt.frequency_setpoint", "value", "40", "twin", "conveyor-1"));
    assertThat(e.window().from()).isEqualTo(new Anchor.First(new Expr.EventMatch("fault.jam", Map.of(), 109)));
  }

  @Test
  void precedenceIsOrThenAndThenNotThenComparisonThenArithmetic() throws Exception {
    Check.Always a = (Check.Always) CheckParser.parse("always not twin.a > 1 + 2 * 3 or twin.b and twin.c");
    Expr.Binary or = (Expr.Binary) a.state();
    assertThat(or.op()).isEqualTo(Expr.Op.OR);
    assertThat(or.left()).isInstanceOf(Expr.Not.class);
    Expr.Binary gt = (Expr.Binary) ((Expr.Not) or.left()).operand();
    assertThat(gt.op()).isEqualTo(Expr.Op.GT);
    assertThat(((Expr.Binary) gt.right()).op()).isEqualTo(Expr.Op.ADD);
    assertThat(((Expr.Binary) or.right()).op()).isEqualTo(Expr.Op.AND);
  }

  @Test
  void mistakesNameTheirColumn() {
    assertError("", 1, "empty check");
    assertError("eventualy twin.x > 1", 1, "'eventualy' is not a signal, an event or an operator");
    assertError("twin.x > 1 for 30s", 12, "expected 'holds for'");
    assertError("eventually tank.level > 300", 12, "'tank.level' is not a signal or an event");
    assertError("eventually twin.x >", 20, "ends too early");
    assertError("twin.x > 1 holds for 30", 22, "expected a duration");
    assertError("eventually twin.x > 1 within 30 sec", 30, "expected a duration");
    assertError("eventually twin.x > 1 within 3y", 30, "'3y' is not a duration");
    assertError("count twin.x >= 2", 7, "count counts events");
    assertError("count action.ack >= 1.5", 21, "whole number");
    assertError("eventually twin.x > 1 after sometime", 29, "expected start, end, first");
    assertError("eventually twin.mode == 'AUTO", 25, "never closed");
    assertError("eventually action.write[property] within 1m", 33, "expected '='");
    assertError("eventually twin.x > 1 within 1m extra", 33, "unexpected 'extra'");
    assertError("eventually twin.x > 30s", 21, "a duration (30s) cannot stand in a state");
    assertError("always twin.x # 2", 15, "unexpected character '#'");
  }

  private static void assertError(String text, int column, String message) {
    assertThatThrownBy(() -> CheckParser.parse(text)).isInstanceOf(CheckSyntaxException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((CheckSyntaxException) e).column()).as(text).isEqualTo(column));
  }
}
