package org.twinlab.connectors;

/**
 * What became of a write: done, refused by the rig (e.g. Bad_OutOfRange), refused before it left
 * because the value is not of the kind the signal holds, or not sent because the rig cannot be
 * reached. Callers answer each differently: the rig's word, the caller's mistake, try later.
 */
public record WriteResult(boolean ok, String detail, Refusal refusal) {
  /** Why a write did not happen. */
  public enum Refusal { NONE, BY_RIG, TYPE_MISMATCH, UNAVAILABLE }

  public static final WriteResult OK = new WriteResult(true, "", Refusal.NONE);

  public WriteResult(boolean ok, String detail) {
    this(ok, detail, ok ? Refusal.NONE : Refusal.BY_RIG);
  }

  /** The rig answered with an error. */
  public static WriteResult failed(String detail) {
    return new WriteResult(false, detail, Refusal.BY_RIG);
  }

  /** The value would have to change its kind or lose part of itself to fit the signal. */
  public static WriteResult typeMismatch(String detail) {
    return new WriteResult(false, detail, Refusal.TYPE_MISMATCH);
  }

  /** Nothing was sent: the connection to the rig is down. */
  public static WriteResult unavailable(String detail) {
    return new WriteResult(false, detail, Refusal.UNAVAILABLE);
  }
}
