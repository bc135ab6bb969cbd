package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.session.LabSession;
import org.twinlab.runtime.session.LabSessions;
import org.twinlab.runtime.session.SessionViews;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * The examiner's hall in one answer: every station of a session the caller may see, each as the
 * row the hall shows (state, time, points, the result only when final, checks with their marks,
 * the last action, and its twins' alarms). An examiner gets the stations they mark, as the
 * session's own view gives them; the guard has already refused anyone the session is not theirs.
 */
final class HallRoutes {
  private final Vertx vertx;
  private final LabSessions sessions;
  private final Twins twins;
  private final java.util.function.Supplier<RemoteTwins> remote;

  HallRoutes(Vertx vertx, LabSessions sessions, Twins twins) {
    this(vertx, sessions, twins, () -> RemoteTwins.NONE);
  }

  /** @param remote the twins other nodes of a clustered lab run: their alarms are asked of those nodes */
  HallRoutes(Vertx vertx, LabSessions sessions, Twins twins, java.util.function.Supplier<RemoteTwins> remote) {
    this.remote = remote;
    this.vertx = vertx;
    this.sessions = sessions;
    this.twins = twins;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/sessions/:session/hall").handler(this::hall);
  }

  private void hall(RoutingContext ctx) {
    Caller caller = Guard.caller(ctx);
    String id = ctx.pathParam("session");
    // judging every station's checks is work for a worker; the twins' alarms come from their own snapshots
    Future<JsonObject> rows = vertx.executeBlocking(() -> Http.parse("session", () -> rows(sessions.require(id), caller)), false);
    Http.respond(ctx, rows.compose(this::withAlarms), 200, v -> v);
  }

  private JsonObject rows(LabSession s, Caller caller) {
    JsonObject view = SessionViews.session(s);
    JsonArray out = new JsonArray();
    for (Object o : view.getJsonArray("stations")) {
      JsonObject st = (JsonObject) o;
      if (caller.is(Role.EXAMINER) && !st.getJsonArray("examiners", new JsonArray()).contains(caller.name())) continue;
      String station = st.getString("id");
      JsonObject full = SessionViews.station(s, station, s.result(station, this::displayName, sessions.catalog().scoring()));
      out.add(row(full));
    }
    return view.put("stations", out);
  }

  /** What a hall row needs of a station's full view: its checks without their texts, only its last action, and when it started. */
  private static JsonObject row(JsonObject full) {
    JsonObject row = full.copy();
    JsonArray actions = full.getJsonArray("actions", new JsonArray());
    row.put("lastAction", actions.isEmpty() ? null : actions.getValue(actions.size() - 1));
    JsonArray checks = new JsonArray();
    for (Object o : full.getJsonArray("checks", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      JsonObject brief = new JsonObject().put("check", c.getString("check")).put("kind", c.getString("kind")).put("status", c.getString("status"));
      if (c.containsKey("marks")) brief.put("marks", c.getJsonObject("marks"));
      if (c.containsKey("confirmed")) brief.put("confirmed", c.getJsonArray("confirmed"));
      checks.add(brief);
    }
    row.put("checks", checks);
    // when the station's clock first ran: where its recorded history (the alarm panel's) begins
    JsonArray clock = full.getJsonArray("clock", new JsonArray());
    row.put("startedAt", clock.isEmpty() ? null : clock.getJsonObject(0).getString("at"));
    for (String bulky : List.of("actions", "faults", "interventions", "clock", "tasks")) row.remove(bulky);
    return row;
  }

  private Future<JsonObject> withAlarms(JsonObject hall) {
    Set<String> wanted = new LinkedHashSet<>();
    hall.getJsonArray("stations").forEach(o -> ((JsonObject) o).getJsonArray("twins", new JsonArray()).forEach(t -> wanted.add(String.valueOf(t))));
    List<Future<TwinSnapshot>> snapshots = new ArrayList<>();
    for (String t : wanted) twins.find(t).map(TwinVerticle::snapshot).ifPresent(snapshots::add);
    // a twin another node runs: its alarms as that node shows them (none while it does not answer)
    Map<String, Future<JsonObject>> elsewhere = new java.util.LinkedHashMap<>();
    for (String t : wanted) {
      if (!twins.has(t) && !remote.get().ids().isEmpty()) elsewhere.put(t, remote.get().twin(t).otherwiseEmpty());
    }
    return Future.all(snapshots).compose(all -> Future.join(List.copyOf(elsewhere.values())).otherwiseEmpty().map(x -> all)).map(all -> {
      Map<String, JsonArray> byTwin = new java.util.HashMap<>();
      elsewhere.forEach((t, f) -> {
        JsonArray alarms = new JsonArray();
        if (f.succeeded() && f.result() != null) {
          f.result().getJsonArray("alarms", new JsonArray()).forEach(o -> {
            JsonObject a = (JsonObject) o;
            if (a.getBoolean("active", false) || a.getValue("acknowledged") == null && a.getValue("raisedAt") != null) alarms.add(a.copy().put("twin", t));
          });
        }
        byTwin.put(t, alarms);
      });
      for (int i = 0; i < all.size(); i++) {
        TwinSnapshot snap = all.resultAt(i);
        JsonArray alarms = new JsonArray();
        // what the hall and the alarm panel show: active, or cleared but not yet acknowledged
        snap.alarms().stream().filter(a -> a.active() || a.acknowledged().isEmpty() && a.raisedAt() != null)
            .forEach(a -> alarms.add(Views.alarm(a).put("twin", snap.id())));
        byTwin.put(snap.id(), alarms);
      }
      hall.getJsonArray("stations").forEach(o -> {
        JsonObject st = (JsonObject) o;
        JsonArray alarms = new JsonArray();
        st.getJsonArray("twins", new JsonArray()).forEach(t -> byTwin.getOrDefault(String.valueOf(t), new JsonArray()).forEach(alarms::add));
        st.put("alarms", alarms);
      });
      return hall;
    });
  }

  private String displayName(String user) {
    return sessions.accounts().find(user).map(Account::displayName).orElse(user);
  }
}
