package org.twinlab.scenarios.check;

import java.util.List;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.ExprReferences;

/** Visits every expression of a check, its windows' anchors included. */
final class CheckWalker {
  private CheckWalker() {}

  static void collect(Check check, List<Expr> out) {
    if (check instanceof Check.Eventually c) ExprReferences.collect(c.state(), out);
    else if (check instanceof Check.Always c) ExprReferences.collect(c.state(), out);
    else if (check instanceof Check.Never c) ExprReferences.collect(c.state(), out);
    else if (check instanceof Check.HoldsFor c) ExprReferences.collect(c.state(), out);
    else if (check instanceof Check.Count c) out.add(c.event());
    else if (check instanceof Check.Tracks c) {
      out.add(c.twin());
      out.add(c.rig());
    }
    anchor(check.window().from(), out);
    anchor(check.window().to(), out);
  }

  private static void anchor(Anchor a, List<Expr> out) {
    if (a instanceof Anchor.First f) ExprReferences.collect(f.what(), out);
    else if (a instanceof Anchor.Last l) ExprReferences.collect(l.what(), out);
    else if (a instanceof Anchor.Offset o) anchor(o.base(), out);
  }
}
