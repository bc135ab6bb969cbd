package org.twinlab.scenarios.check;

import java.time.Duration;
import org.twinlab.models.expr.Expr;

/** A moment a window is measured from: the run's start or end, or the first or last occurrence of something. */
public sealed interface Anchor {

  record Start() implements Anchor {}

  record End() implements Anchor {}

  /** The first moment the expression is true (for an event: its first occurrence). */
  record First(Expr what) implements Anchor {}

  /** The last moment the expression becomes true; known only when the run has ended. */
  record Last(Expr what) implements Anchor {}

  record Offset(Anchor base, Duration by) implements Anchor {}
}
