package org.twinlab.runtime.bus;

/**
 * An action the ledger let through, recorded before it is carried out: in the evidence of the
 * station its twin is at (session, station and the record's seq), or untracked (the twin is at no
 * station) with session null.
 */
public record Taken(CandidateAction action, String session, String station, long seq) {
  public static Taken untracked(CandidateAction action) {
    return new Taken(action, null, null, 0);
  }

  public boolean tracked() {
    return session != null;
  }
}
