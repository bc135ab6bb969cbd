package org.twinlab.models.expr;

/**
 * Text of the expression language (an alarm condition, a scenario check, a trigger) that does not
 * parse; the column (1-based) points into that text, so loaders can report file:line:column.
 */
public final class ExprSyntaxException extends Exception {
  private final int column;

  public ExprSyntaxException(int column, String message) {
    super(message);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
