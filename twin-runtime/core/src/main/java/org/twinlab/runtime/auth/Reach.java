package org.twinlab.runtime.auth;

/**
 * What part of the lab a user may reach beyond their role: a candidate only the twins and station
 * they sit at, an examiner the sessions and stations they are assigned to. Administrators and
 * trainers reach everything.
 */
public interface Reach {
  boolean twin(Caller caller, String twin);

  boolean session(Caller caller, String session);

  boolean station(Caller caller, String session, String station);

  /**
   * The earliest moment of a twin's past the caller may see: for a candidate, the start of their
   * station (the present, before it starts), so that no one reads what an earlier candidate did on
   * the same rig; empty for everyone else.
   */
  default java.util.Optional<java.time.Instant> visibleSince(Caller caller, String twin) {
    return java.util.Optional.empty();
  }
}
