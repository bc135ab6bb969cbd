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
}
