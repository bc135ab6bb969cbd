package org.twinlab.models.expr;

/** How far a signal's value is known at a moment, which decides how a check that reads it is judged. */
public enum Knowledge {
  /** The value is there and trusted. */
  KNOWN,
  /**
   * There is no trustworthy value, and that counts against the candidate: a binding they broke, a
   * fault the scenario injected that they should have handled. Comparisons on it are false.
   */
  MISSING,
  /**
   * The platform itself could not read it (its own link down, through no action of the candidate):
   * a check that rests on it is indeterminate, never failed.
   */
  UNKNOWN
}
