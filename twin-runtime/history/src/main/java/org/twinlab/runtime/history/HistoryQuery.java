package org.twinlab.runtime.history;

import java.time.Instant;
import java.util.Set;

/**
 * Which history to read: one twin (or every twin when null), some of its properties (all when
 * empty), a lab session (any when null), and the time window [from, to).
 */
public record HistoryQuery(String twin, Set<String> properties, String session, Instant from, Instant to) {

  public HistoryQuery {
    properties = Set.copyOf(properties);
    if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
  }

  public static HistoryQuery twin(String twin, Instant from, Instant to) {
    return new HistoryQuery(twin, Set.of(), null, from, to);
  }

  public static HistoryQuery session(String session, Instant from, Instant to) {
    return new HistoryQuery(null, Set.of(), session, from, to);
  }

  public HistoryQuery withProperties(Set<String> wanted) {
    return new HistoryQuery(twin, wanted, session, from, to);
  }

  /** Whether a point belongs to the answer; stores use it where their own filter cannot say it. */
  public boolean matches(String pointTwin, String property, String pointSession) {
    return (twin == null || twin.equals(pointTwin)) && (properties.isEmpty() || properties.contains(property))
        && (session == null || session.equals(pointSession));
  }
}
