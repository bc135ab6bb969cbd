package org.twinlab.sim;

/** How a rig took a write: accepted, or refused and why (not writable, out of range, jammed). */
public record WriteOutcome(boolean accepted, String reason) {
  public static final WriteOutcome ACCEPTED = new WriteOutcome(true, "");

  public static WriteOutcome refused(String reason) {
    return new WriteOutcome(false, reason);
  }
}
