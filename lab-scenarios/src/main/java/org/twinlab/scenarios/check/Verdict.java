package org.twinlab.scenarios.check;

import java.time.Instant;

/**
 * A check's state: decided (passed, failed, or indeterminate because the platform could not see
 * what it needed) or still pending while the run goes on.
 *
 * @param at the moment that decided it (the witness, or the end of the window), or null while pending
 * @param because a short explanation for examiners
 */
public record Verdict(Outcome outcome, Instant at, String because) {

  public enum Outcome { PASSED, FAILED, INDETERMINATE, PENDING }

  static Verdict passed(Instant at, String because) {
    return new Verdict(Outcome.PASSED, at, because);
  }

  static Verdict failed(Instant at, String because) {
    return new Verdict(Outcome.FAILED, at, because);
  }

  static Verdict indeterminate(Instant at, String because) {
    return new Verdict(Outcome.INDETERMINATE, at, because);
  }

  static Verdict pending(String because) {
    return new Verdict(Outcome.PENDING, null, because);
  }
}
