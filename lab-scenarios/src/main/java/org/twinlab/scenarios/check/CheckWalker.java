package org.twinlab.scenarios.check;

import java.util.List;

/** Visits every expression of a check, its windows' anchors included. */
final class CheckWalker {
  private CheckWalker() {}

  static void collect(Check check, List<Expr> out) {
    if (check instanceof Check.Eventually c) refs(c.state(), out);
    else if (check instanceof Check.Always c) refs(c.state(), out);
    else if (check instanceof Check.Never c) refs(c.state(), out);
    else if (check instanceof Check.HoldsFor c) refs(c.state(), out);
    else if (check instanceof Check.Count c) out.add(c.event());
    else if (check instanceof Check.Tracks c) {
      out.add(c.twin());
      out.add(c.rig());
    }
    anchor(check.window().from(), out);
    anchor(check.window().to(), out);
  }

  private static void anchor(Anchor a, List<Expr> out) {
    if (a instanceof Anchor.First f) refs(f.what(), out);
    else if (a instanceof Anchor.Last l) refs(l.what(), out);
    else if (a instanceof Anchor.Offset o) anchor(o.base(), out);
  }

  static void refs(Expr e, List<Expr> out) {
    if (e instanceof Expr.Signal || e instanceof Expr.EventMatch) out.add(e);
    else if (e instanceof Expr.Not n) refs(n.operand(), out);
    else if (e instanceof Expr.Negate n) refs(n.operand(), out);
    else if (e instanceof Expr.Abs a) refs(a.operand(), out);
    else if (e instanceof Expr.Binary b) {
      refs(b.left(), out);
      refs(b.right(), out);
    }
  }
}
