package org.twinlab.runtime.twin;

import java.time.Instant;
import java.util.Map;

/**
 * An action someone took on a twin, as scenario runs record it: who, in which role, when, what
 * (one of the scenario language's action kinds), its fields as the API took them, and what it
 * gave (filled in once it has been carried out).
 */
public record CandidateAction(String twin, Instant at, String who, String role, String kind, Map<String, Object> fields,
    Map<String, String> result) {
  /** The role of the runtime's own actions (a scenario's setup, the configuration). */
  public static final String RUNTIME = "runtime";

  public CandidateAction {
    fields = Map.copyOf(fields);
    result = Map.copyOf(result);
  }

  /** An action taken now, as {@code at} says: the clock that stamps it is the caller's to choose. */
  public static CandidateAction of(String twin, Actor by, String kind, Map<String, Object> fields, Instant at) {
    return new CandidateAction(twin, at, by.name(), by.roleKey(), kind, fields, Map.of());
  }

  /** The same action with what carrying it out gave. */
  public CandidateAction withResult(Map<String, String> outcome) {
    return new CandidateAction(twin, at, who, role, kind, fields, outcome);
  }

  /** Taken by a candidate (not by staff, nor by the runtime). */
  public boolean byCandidate() {
    return "candidate".equals(role);
  }
}
