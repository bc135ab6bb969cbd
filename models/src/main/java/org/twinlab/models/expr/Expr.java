package org.twinlab.models.expr;

import java.util.List;

/**
 * An expression of twinlab's one expression language: values of signals, events at an instant,
 * arithmetic and logic. Alarm conditions are such expressions over a twin's properties; scenario
 * checks put a temporal operator and a window around one.
 */
public sealed interface Expr {

  /** A number, boolean or text written in the check. */
  record Literal(Object value) implements Expr {}

  /**
   * A signal's value, named as written: {@code twin.tank.level}, {@code rig.tank.level},
   * {@code alarm.tank_high} in checks, {@code tank.level} in an alarm condition.
   */
  record Signal(String name, int column) implements Expr {}

  /**
   * True at the instant a matching event happens: {@code action.write[property=pid.setpoint]},
   * {@code action.write[value>=-5]}, {@code fault.inlet_stuck}. The event must pass every filter.
   */
  record EventMatch(String kind, List<Filter> filters, int column) implements Expr {
    public EventMatch {
      filters = List.copyOf(filters);
    }
  }

  record Not(Expr operand) implements Expr {}

  record Negate(Expr operand) implements Expr {}

  record Abs(Expr operand) implements Expr {}

  record Binary(Op op, Expr left, Expr right) implements Expr {}

  enum Op {
    OR("or"), AND("and"), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), ADD("+"), SUB("-"), MUL("*"), DIV("/");

    public final String text;

    Op(String text) {
      this.text = text;
    }
  }
}
