package org.twinlab.connectors;

/** What the rig answered to a write: success, or its error (e.g. Bad_TypeMismatch). */
public record WriteResult(boolean ok, String detail) {
  public static final WriteResult OK = new WriteResult(true, "");

  public static WriteResult failed(String detail) {
    return new WriteResult(false, detail);
  }
}
