package org.twinlab.models.expr;

import java.util.ArrayList;
import java.util.List;

/** The signals and events an expression reads, in the order written. */
public final class ExprReferences {
  private ExprReferences() {}

  public static List<Expr> of(Expr e) {
    List<Expr> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  public static void collect(Expr e, List<Expr> out) {
    if (e instanceof Expr.Signal || e instanceof Expr.EventMatch) out.add(e);
    else if (e instanceof Expr.Not n) collect(n.operand(), out);
    else if (e instanceof Expr.Negate n) collect(n.operand(), out);
    else if (e instanceof Expr.Abs a) collect(a.operand(), out);
    else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    }
  }
}
