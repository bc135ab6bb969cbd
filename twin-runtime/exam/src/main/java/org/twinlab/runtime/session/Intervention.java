package org.twinlab.runtime.session;

import java.time.Instant;
import java.util.Map;

/**
 * What staff (an examiner, a trainer, an admin) did on the twin of a candidate's station: recorded
 * with who and in which role, shown on the station and its score sheet, and never the candidate's
 * work. Its outcome is "pending" until the evidence has it.
 */
public record Intervention(long seq, Instant at, long elapsedSeconds, String who, String role, String twin, String kind,
    Map<String, Object> fields, String outcome, String detail) {
  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String REFUSED = "refused";

  public Intervention {
    fields = Map.copyOf(fields);
  }

  Intervention settled(boolean accepted, String why) {
    return new Intervention(seq, at, elapsedSeconds, who, role, twin, kind, fields, accepted ? DONE : REFUSED, why);
  }
}
