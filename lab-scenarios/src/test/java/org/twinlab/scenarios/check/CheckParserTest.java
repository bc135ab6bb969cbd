package org.twinlab.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.expr.Filter;

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
    assertThat(m.filters()).extracting(Filter::key, Filter::op, Filter::value)
        .containsExactly(tuple("property", Filter.Op.EQ, "belt.frequency_setpoint"), tuple("value", Filter.Op.EQ, "40"),
            tuple("twin", Filter.Op.EQ, "conveyor-1"));
    assertThat(e.window().from()).isEqualTo(new Anchor.First(new Expr.EventMatch("fault.jam", List.of(), 109)));
  }

  @Test
  void filtersTestWithEveryOperatorAndNegativeNumbersNeedNoQuotes() throws Exception {
    assertThat(filters("action.write[property=pid.kp, value==2]")).extracting(Filter::op).containsExactly(Filter.Op.EQ, Filter.Op.EQ);
    assertThat(filters("action.write[property!=pid.mode]")).singleElement()
        .isEqualTo(new Filter("property", Filter.Op.NE, "pid.mode", "", 25, 35));
    assertThat(filters("action.write[value<5, value<=6, value>7, value>=-5]")).extracting(Filter::op, Filter::value)
        .containsExactly(tuple(Filter.Op.LT, "5"), tuple(Filter.Op.LE, "6"), tuple(Filter.Op.GT, "7"), tuple(Filter.Op.GE, "-5"));
    assertThat(filters("action.write[value=-2.5]")).singleElement().isEqualTo(new Filter("value", Filter.Op.EQ, "-2.5", "", 25, 31));
    assertThat(filters("action.write[value in 40..60]")).singleElement()
        .isEqualTo(new Filter("value", Filter.Op.IN, "40", "60", 25, 34));
    assertThat(filters("action.write[value in -10.5..-2]")).singleElement().extracting(Filter::value, Filter::upTo)
        .isEqualTo(List.of("-10.5", "-2"));
    assertThat(filters("action.report[cause contains \"jammed pump\", text contains 480]")).extracting(Filter::op, Filter::value)
        .containsExactly(tuple(Filter.Op.CONTAINS, "jammed pump"), tuple(Filter.Op.CONTAINS, "480"));
    assertThat(filters("action.export[from=-10m]")).singleElement().extracting(Filter::value).isEqualTo("-10m");
    assertThat(filters("action.stop[rig=motor-vibration]")).singleElement().extracting(Filter::value).isEqualTo("motor-vibration");
  }

  @Test
  void filterMistakesNameTheirColumn() {
    assertError("eventually action.write[value has 3]", 31, "expected '=' or another test");
    assertError("eventually action.write[value < high]", 33, "'<' compares numbers, and 'high' is not one");
    assertError("eventually action.write[value >= 10s]", 34, "'>=' compares numbers");
    assertError("eventually action.write[value in 60..40]", 34, "the range 60..40 is empty");
    assertError("eventually action.write[value in 40 60]", 37, "expected '..'");
    assertError("eventually action.write[value in low..60]", 34, "a range's bounds are numbers");
    assertError("eventually action.write[value in 40..]", 38, "expected the attribute's value");
    assertError("eventually action.write[value = - pid]", 35, "expected a number after '-'");
    assertError("eventually action.write[value = 1.2.3]", 33, "'1.2.3' is not a number");
    assertError("eventually twin.x > 40..60", 23, "unexpected '..'");
  }

  private static List<Filter> filters(String event) throws Exception {
    return ((Expr.EventMatch) ((Check.Eventually) CheckParser.parse("eventually " + event)).state()).filters();
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

  @Test
  void theSharedExpressionGrammarReadsBareTextExponentsAndRefusesALoneEquals() throws Exception {
    Expr.Binary mode = (Expr.Binary) ((Check.Eventually) CheckParser.parse("eventually twin.pid.mode == auto within 1m")).state();
    assertThat(mode.right()).isEqualTo(new Expr.Literal("auto"));
    Expr.Binary big = (Expr.Binary) ((Check.Always) CheckParser.parse("always twin.tank.level < 4.5e2")).state();
    assertThat(big.right()).isEqualTo(new Expr.Literal(450.0));
    assertError("eventually twin.x = 5", 19, "write ==");
    assertError("count action.ack >= 2e1", 21, "whole number");
    assertError("eventually twin.x == within 1m", 22, "expected a value, found 'within'");
    assertThatThrownBy(() -> CheckParser.parseExpression("twin.x > 1 holds for 5s")).isInstanceOf(ExprSyntaxException.class)
        .hasMessageContaining("unexpected 'holds' after the condition")
        .satisfies(e -> assertThat(((ExprSyntaxException) e).column()).isEqualTo(12));
  }

  private static void assertError(String text, int column, String message) {
    assertThatThrownBy(() -> CheckParser.parse(text)).isInstanceOf(ExprSyntaxException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ExprSyntaxException) e).column()).as(text).isEqualTo(column));
  }
}
