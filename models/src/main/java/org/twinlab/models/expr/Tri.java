package org.twinlab.models.expr;

/** Kleene's three-valued logic: a state may be unknown where the platform could not see it. */
public enum Tri {
  TRUE, FALSE, UNKNOWN;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Tri and(Tri o) {
    if (this == FALSE || o == FALSE) return FALSE;
    if (this == TRUE && o == TRUE) return TRUE;
    return UNKNOWN;
  }

  public Tri or(Tri o) {
    if (this == TRUE || o == TRUE) return TRUE;
    if (this == FALSE && o == FALSE) return FALSE;
    return UNKNOWN;
  }

  public Tri not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }
}
