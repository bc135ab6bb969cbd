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

  /** No lab sessions: only administrators and trainers reach anything. */
  Reach STAFF_ONLY = new Reach() {
    @Override
    public boolean twin(Caller c, String twin) {
      return c.is(Role.ADMIN) || c.is(Role.TRAINER);
    }

    @Override
    public boolean session(Caller c, String session) {
      return c.is(Role.ADMIN) || c.is(Role.TRAINER);
    }

    @Override
    public boolean station(Caller c, String session, String station) {
      return c.is(Role.ADMIN) || c.is(Role.TRAINER);
    }
  };
}
