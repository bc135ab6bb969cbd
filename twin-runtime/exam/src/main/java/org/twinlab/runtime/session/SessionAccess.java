package org.twinlab.runtime.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.scenarios.engine.StationClock;

/**
 * Who reaches what of the lab sessions: a candidate their own station's twins while it runs, and
 * its past only from its start; an examiner the sessions and stations they mark; administrators and
 * trainers everything. Decided from the sessions as they are now, on every request.
 */
public final class SessionAccess implements Reach {
  private final LabSessions sessions;
  private final Clock clock;

  public SessionAccess(LabSessions sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The sessions a user may see, oldest first. */
  public List<LabSession> visibleTo(Caller c) {
    return sessions.oldestFirst().stream().filter(s -> session(c, s.id())).toList();
  }

  @Override
  public boolean twin(Caller c, String twin) {
    if (staff(c)) return true;
    for (LabSession s : sessions.all()) {
      if (s.ended()) continue;
      for (StationSession st : s.stations()) {
        if (!st.plan().twins().contains(twin)) continue;
        if (c.is(Role.EXAMINER) && st.plan().examiners().contains(c.name())) return true;
        if (c.is(Role.CANDIDATE) && st.plan().candidate().equals(c.name()) && st.state() != StationClock.State.ENDED) return true;
      }
    }
    return false;
  }

  @Override
  public Optional<Instant> visibleSince(Caller c, String twin) {
    if (!c.is(Role.CANDIDATE)) return Optional.empty();
    for (LabSession s : sessions.all()) {
      if (s.ended()) continue;
      for (StationSession st : s.stations()) {
        if (!st.plan().twins().contains(twin) || !st.plan().candidate().equals(c.name())) continue;
        return Optional.of(st.run().map(r -> r.clock().startedAt()).filter(Objects::nonNull).orElseGet(clock::instant));
      }
    }
    return Optional.of(clock.instant()); // reaches no station of theirs: no past at all
  }

  @Override
  public boolean session(Caller c, String session) {
    Optional<LabSession> s = sessions.find(session);
    if (s.isEmpty() || staff(c)) return staff(c); // a 404 for staff, not a hint for others
    return s.get().plan().stations().stream().anyMatch(p -> assigned(c, p));
  }

  @Override
  public boolean station(Caller c, String session, String station) {
    Optional<LabSession> s = sessions.find(session);
    if (s.isEmpty() || staff(c)) return staff(c);
    return s.get().plan().station(station).map(p -> assigned(c, p)).orElse(false);
  }

  private static boolean staff(Caller c) {
    return c.is(Role.ADMIN) || c.is(Role.TRAINER);
  }

  /** An examiner marks the station; a candidate sits at it. */
  private static boolean assigned(Caller c, StationPlan p) {
    return c.is(Role.EXAMINER) ? p.examiners().contains(c.name()) : p.candidate().equals(c.name());
  }
}
