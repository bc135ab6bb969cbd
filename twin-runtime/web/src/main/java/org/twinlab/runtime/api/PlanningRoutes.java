package org.twinlab.runtime.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.session.LabSessions;
import org.twinlab.runtime.session.SessionPlan;

/**
 * What planning a session picks from that the scenario, exam and twin lists do not give: the
 * accounts that may sit (candidates) and mark (examiners), by name and display name only, and the
 * plan's rules, so the form can check them as it is filled in: a station of an exam needs an odd
 * number of three or more examiners (refused otherwise), a station of a scenario one or more, and
 * fewer than three or more than five stations for one examiner are warned of. Locked accounts are left out.
 */
final class PlanningRoutes {
  private final LabSessions sessions;

  PlanningRoutes(LabSessions sessions) {
    this.sessions = sessions;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/planning").handler(ctx -> {
      JsonArray candidates = new JsonArray();
      JsonArray examiners = new JsonArray();
      sessions.accounts().all().stream().filter(a -> !a.locked()).sorted(Comparator.comparing(Account::name)).forEach(a -> {
        JsonObject who = new JsonObject().put("name", a.name()).put("displayName", a.displayName());
        if (a.role() == Role.CANDIDATE) candidates.add(who);
        if (a.role() == Role.EXAMINER) examiners.add(who);
      });
      JsonObject rules = new JsonObject().put("minExaminersPerStation", SessionPlan.MIN_EXAMINERS_PER_STATION)
          .put("examNeedsOddExaminers", true).put("maxStationsPerExaminer", SessionPlan.MAX_STATIONS_PER_EXAMINER);
      Http.send(ctx, 200, new JsonObject().put("candidates", candidates).put("examiners", examiners).put("rules", rules));
    });
  }
}
