package org.twinlab.models.expr;

/**
 * The value of an expression at one moment, in Kleene's three-valued logic. Numbers compare as
 * numbers, anything else only by equality of its text; a missing value makes a comparison false
 * (an alarm never fires, a check never passes, on data that is not there) and an unknown one
 * makes it unknown. Alarm conditions and scenario checks are judged by this one definition.
 */
public final class StateEvaluator {

  /** Where the expression's names get their values at the moment judged. */
  public interface Lookup {
    Reading signal(Expr.Signal signal);

    /** Whether a matching event happens at this very moment. */
    boolean happened(Expr.EventMatch event);
  }

  private StateEvaluator() {}

  public static Tri truth(Expr e, Lookup at) {
    return truth(value(e, at));
  }

  public static Tri truth(Reading v) {
    if (v.knowledge() == Knowledge.UNKNOWN) return Tri.UNKNOWN;
    if (v.knowledge() == Knowledge.MISSING) return Tri.FALSE;
    if (v.value() instanceof Tri tri) return tri;
    return Tri.of(Boolean.TRUE.equals(v.value()));
  }

  public static Reading value(Expr e, Lookup at) {
    if (e instanceof Expr.Literal l) return Reading.known(l.value());
    if (e instanceof Expr.Signal s) return at.signal(s);
    if (e instanceof Expr.EventMatch m) return Reading.known(Tri.of(at.happened(m)));
    if (e instanceof Expr.Not n) return Reading.known(truth(n.operand(), at).not());
    if (e instanceof Expr.Negate n) return arithmetic(value(n.operand(), at), null, Expr.Op.SUB);
    if (e instanceof Expr.Abs a) return arithmetic(value(a.operand(), at), null, null);
    Expr.Binary b = (Expr.Binary) e;
    if (b.op() == Expr.Op.AND) return Reading.known(truth(b.left(), at).and(truth(b.right(), at)));
    if (b.op() == Expr.Op.OR) return Reading.known(truth(b.left(), at).or(truth(b.right(), at)));
    Reading left = value(b.left(), at);
    Reading right = value(b.right(), at);
    return switch (b.op()) {
      case ADD, SUB, MUL, DIV -> arithmetic(left, right, b.op());
      default -> Reading.known(comparison(left, right, b.op()));
    };
  }

  /** Arithmetic on numbers (abs when op is null, negation when right is null). */
  private static Reading arithmetic(Reading left, Reading right, Expr.Op op) {
    if (left.knowledge() == Knowledge.UNKNOWN || (right != null && right.knowledge() == Knowledge.UNKNOWN)) return Reading.UNKNOWN;
    Double x = number(left);
    Double y = right == null ? null : number(right);
    if (x == null || (right != null && y == null)) return Reading.MISSING;
    if (op == null) return Reading.known(Math.abs(x));
    if (right == null) return Reading.known(-x);
    double r = switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      default -> x / y;
    };
    return Double.isFinite(r) ? Reading.known(r) : Reading.MISSING;
  }

  private static Tri comparison(Reading left, Reading right, Expr.Op op) {
    if (left.knowledge() == Knowledge.UNKNOWN || right.knowledge() == Knowledge.UNKNOWN) return Tri.UNKNOWN;
    if (left.knowledge() == Knowledge.MISSING || right.knowledge() == Knowledge.MISSING || left.value() == null || right.value() == null) {
      return Tri.FALSE;
    }
    Double x = number(left);
    Double y = number(right);
    if (x != null && y != null) {
      int c = Double.compare(x, y);
      return Tri.of(switch (op) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      });
    }
    Object a = left.value() instanceof Tri tri ? (Object) (tri == Tri.TRUE) : left.value();
    Object b = right.value() instanceof Tri tri ? (Object) (tri == Tri.TRUE) : right.value();
    boolean equal = a.toString().equals(b.toString());
    return switch (op) {
      case EQ -> Tri.of(equal);
      case NE -> Tri.of(!equal);
      default -> Tri.FALSE; // no order between texts or truth values
    };
  }

  private static Double number(Reading v) {
    return v.value() instanceof Number n ? n.doubleValue() : null;
  }
}
