package org.twinlab.runtime.bus;

import java.time.Instant;
import java.util.Map;

/**
 * An action someone took on a twin, as scenario runs record it: who, when, what (one of the
 * scenario language's action kinds) and its fields as the API took them.
 */
public record CandidateAction(String twin, Instant at, String who, String kind, Map<String, Object> fields,
    Map<String, String> result) {
  public CandidateAction {
    fields = Map.copyOf(fields);
    result = Map.copyOf(result);
  }

  public static CandidateAction of(String twin, String who, String kind, Map<String, Object> fields) {
    return new CandidateAction(twin, Instant.now(), who, kind, fields, Map.of());
  }
}
