package org.twinlab.models.condition;

/** A condition that does not parse; {@link #column()} is 1-based within the expression text. */
public class ConditionSyntaxException extends Exception {
  private final int column;

  public ConditionSyntaxException(int column, String message) {
    super(message);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
