package org.twinlab.models;

import java.util.Map;
import java.util.Optional;
import org.twinlab.models.expr.Expr;

/**
 * Checks an alarm condition against a model: the properties it names exist, and each is used as
 * its type allows (a bool as a condition, numbers in arithmetic and ordering, an enum against one
 * of its values). The first thing wrong is reported; the condition is otherwise sound.
 */
public final class ConditionChecker {
  private enum Kind { NUMBER, BOOL, TEXT }

  private final Map<String, PropertyDef> properties;

  private ConditionChecker(Map<String, PropertyDef> properties) {
    this.properties = properties;
  }

  /** The first thing wrong, or empty when the condition fits the model. */
  public static Optional<String> check(AlarmCondition c, Map<String, PropertyDef> properties) {
    try {
      new ConditionChecker(properties).condition(c.expr());
      return Optional.empty();
    } catch (Misfit m) {
      return Optional.of(m.getMessage());
    }
  }

  /** What the checker found wrong; a control-flow exception, without a stack. */
  private static final class Misfit extends Exception {
    Misfit(String message) {
      super(message, null, false, false);
    }
  }

  /** An expression where a truth value is expected. */
  private void condition(Expr e) throws Misfit {
    if (e instanceof Expr.Binary b && (b.op() == Expr.Op.AND || b.op() == Expr.Op.OR)) {
      condition(b.left());
      condition(b.right());
    } else if (e instanceof Expr.Not n) {
      condition(n.operand());
    } else if (e instanceof Expr.Binary b && comparison(b.op())) {
      compare(b);
    } else if (e instanceof Expr.Signal s) {
      PropertyDef p = property(s);
      if (p.type() != PropertyType.BOOL) throw new Misfit("'" + s.name() + "' is " + p.type().label() + ", compare it with a value");
    } else if (!(e instanceof Expr.Literal l && l.value() instanceof Boolean)) {
      throw new Misfit("a value alone is no condition: compare it, as in tank.level > 450");
    }
  }

  private void compare(Expr.Binary b) throws Misfit {
    if (b.left() instanceof Expr.Signal s && b.right() instanceof Expr.Literal l) {
      withLiteral(s, b.op(), l.value());
    } else if (b.right() instanceof Expr.Signal s && b.left() instanceof Expr.Literal l) {
      withLiteral(s, b.op(), l.value());
    } else {
      Kind left = kind(b.left());
      Kind right = kind(b.right());
      boolean ordering = b.op() != Expr.Op.EQ && b.op() != Expr.Op.NE;
      if (ordering && (left != Kind.NUMBER || right != Kind.NUMBER)) throw new Misfit("'" + b.op().text + "' orders numbers only");
      if (left != right) throw new Misfit("'" + b.op().text + "' compares a " + word(left) + " with a " + word(right));
    }
  }

  /** {@code property op literal}: the literal fits the property's type, and the operator does. */
  private void withLiteral(Expr.Signal s, Expr.Op op, Object literal) throws Misfit {
    PropertyDef p = property(s);
    boolean ordering = op != Expr.Op.EQ && op != Expr.Op.NE;
    switch (p.type()) {
      case INT, DOUBLE -> {
        if (!(literal instanceof Number)) throw mismatch(s, literal, "a number");
      }
      case BOOL -> {
        if (ordering) throw new Misfit("'" + s.name() + "' is bool: use == or !=");
        if (!(literal instanceof Boolean)) throw mismatch(s, literal, "true or false");
      }
      case ENUM -> {
        if (ordering) throw new Misfit("'" + s.name() + "' is an enum: use == or !=");
        if (!p.enumValues().contains(String.valueOf(literal))) throw mismatch(s, literal, "one of " + p.enumValues());
      }
      case STRING -> {
        if (ordering) throw new Misfit("'" + s.name() + "' is text: use == or !=");
      }
    }
  }

  /** The kind of value an operand of a comparison or of arithmetic has. */
  private Kind kind(Expr e) throws Misfit {
    if (e instanceof Expr.Literal l) {
      return l.value() instanceof Number ? Kind.NUMBER : l.value() instanceof Boolean ? Kind.BOOL : Kind.TEXT;
    }
    if (e instanceof Expr.Signal s) {
      PropertyType t = property(s).type();
      return t.isNumeric() ? Kind.NUMBER : t == PropertyType.BOOL ? Kind.BOOL : Kind.TEXT;
    }
    if (e instanceof Expr.Negate n) return number(n.operand());
    if (e instanceof Expr.Abs a) return number(a.operand());
    if (e instanceof Expr.Binary b && !comparison(b.op()) && b.op() != Expr.Op.AND && b.op() != Expr.Op.OR) {
      number(b.left());
      return number(b.right());
    }
    condition(e); // a comparison or logic used as a value: it is a truth value
    return Kind.BOOL;
  }

  private Kind number(Expr e) throws Misfit {
    if (kind(e) != Kind.NUMBER) throw new Misfit("arithmetic is on numbers only" + (e instanceof Expr.Signal s ? ", and '" + s.name() + "' is "
        + property(s).type().label() : ""));
    return Kind.NUMBER;
  }

  private PropertyDef property(Expr.Signal s) throws Misfit {
    PropertyDef p = properties.get(s.name());
    if (p == null) throw new Misfit("unknown property '" + s.name() + "'");
    return p;
  }

  private static boolean comparison(Expr.Op op) {
    return switch (op) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  private static String word(Kind k) {
    return switch (k) {
      case NUMBER -> "number";
      case BOOL -> "truth value";
      case TEXT -> "text";
    };
  }

  private static Misfit mismatch(Expr.Signal s, Object literal, String expected) {
    return new Misfit("'" + s.name() + "' is compared with '" + literal + "' but needs " + expected);
  }
}
