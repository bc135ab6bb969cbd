package org.twinlab.runtime.history;

/** A store could not do what was asked; the message says what and where, for an operator. */
public class HistoryException extends Exception {
  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }

  public HistoryException(String message) {
    super(message);
  }
}
