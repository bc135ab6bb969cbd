package org.twinlab.scenarios.check;

import java.time.Duration;
import org.twinlab.models.expr.Expr;

/** A parsed check: a temporal operator over a state expression (or events) in a window of the run. */
public sealed interface Check {
  Window window();

  /** True at some moment of the window. */
  record Eventually(Expr state, Window window) implements Check {}

  /** True at every moment of the window. */
  record Always(Expr state, Window window) implements Check {}

  /** False at every moment of the window. */
  record Never(Expr state, Window window) implements Check {}

  /** True without a break for at least the duration, somewhere in the window. */
  record HoldsFor(Expr state, Duration duration, Window window) implements Check {}

  /** How many matching events the window holds, compared with a number. */
  record Count(Expr.EventMatch event, Expr.Op op, long number, Window window) implements Check {}

  /**
   * Virtual-real consistency: the two signals differ by at most the tolerance for at least the
   * duration, somewhere in the window.
   */
  record Tracks(Expr.Signal twin, Expr.Signal rig, double tolerance, Duration duration, Window window) implements Check {}
}
