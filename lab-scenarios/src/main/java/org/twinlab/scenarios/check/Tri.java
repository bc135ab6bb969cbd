package org.twinlab.scenarios.check;

/** Kleene's three-valued logic: a state may be unknown where the platform could not see it. */
enum Tri {
  TRUE, FALSE, UNKNOWN;

  static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  Tri and(Tri o) {
    if (this == FALSE || o == FALSE) return FALSE;
    if (this == TRUE && o == TRUE) return TRUE;
    return UNKNOWN;
  }

  Tri or(Tri o) {
    if (this == TRUE || o == TRUE) return TRUE;
    if (this == FALSE && o == FALSE) return FALSE;
    return UNKNOWN;
  }

  Tri not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }
}
