package org.twinlab.runtime.twin;

/**
 * An action the ledger let through, recorded before it is carried out: in the evidence of the
 * station its twin is at (session, station and the record's seq), or untracked (the twin is at no
 * station) with session null. {@code mayAct} asks, just before the act, whether it may still be
 * carried out: a candidate's station may have been paused or handed in since it was recorded.
 */
public record Taken(CandidateAction action, String session, String station, long seq, java.util.function.BooleanSupplier mayAct) {
  public static Taken untracked(CandidateAction action) {
    return new Taken(action, null, null, 0, () -> true);
  }

  public boolean tracked() {
    return session != null;
  }
}
