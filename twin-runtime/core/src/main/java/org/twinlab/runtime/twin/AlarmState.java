package org.twinlab.runtime.twin;

import java.time.Instant;
import java.util.Optional;
import org.twinlab.models.AlarmDef;

/**
 * An alarm of a twin: active while its condition holds; acknowledged by a person. An alarm that
 * cleared but was never acknowledged stays listed, as operators expect of an alarm list.
 */
public record AlarmState(AlarmDef alarm, boolean active, Instant raisedAt, Optional<Instant> clearedAt,
    Optional<Acknowledgement> acknowledged) {

  /** Who acknowledged an alarm, and when. */
  public record Acknowledgement(String by, Instant at) {}

  public boolean needsAttention() {
    return active || acknowledged.isEmpty();
  }
}
