package org.twinlab.scenarios.check;

/** A check that does not parse; the column (1-based) points into the check's text. */
public final class CheckSyntaxException extends Exception {
  private final int column;

  public CheckSyntaxException(int column, String message) {
    super(message);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
