package org.twinlab.runtime.twin;

import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Role;

/**
 * Who takes an action on a twin: a logged-in user with their role, or the runtime itself (a
 * scenario's setup, the configuration), which has no role and never counts as anyone's work.
 */
public record Actor(String name, Role role) {
  public static Actor of(Caller c) {
    return new Actor(c.name(), c.role());
  }

  public static Actor runtime(String name) {
    return new Actor(name, null);
  }

  /** The role as the evidence spells it; "runtime" for the runtime itself. */
  public String roleKey() {
    return role == null ? CandidateAction.RUNTIME : role.key();
  }
}
