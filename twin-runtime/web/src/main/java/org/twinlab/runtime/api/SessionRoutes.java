package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.analysis.ItemAnalysis;
import org.twinlab.runtime.session.JudgementViews;
import org.twinlab.runtime.session.LabSession;
import org.twinlab.runtime.session.LabSessions;
import org.twinlab.runtime.session.SessionAccess;
import org.twinlab.runtime.session.SessionViews;
import org.twinlab.runtime.session.StationPlan;
import org.twinlab.runtime.session.ExamResult;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.runtime.sheets.SheetHtml;
import org.twinlab.runtime.sheets.SheetPdf;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.score.ScoreSheetCsv;

/**
 * Lab sessions: plan one, start, pause, resume, extend and end it (all stations or one), mark
 * judgements, follow each station, and take away score sheets and the evidence. What changes a
 * session is written to its evidence on a worker thread before it is answered.
 */
final class SessionRoutes {
  private static final int MAX_EXTENSION_MIN = 240;
  private final Vertx vertx;
  private final LabSessions sessions;
  private final SessionAccess access;

  SessionRoutes(Vertx vertx, LabSessions sessions, SessionAccess access) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.access = access;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/sessions").handler(this::list);
    r.post("/api/v1/sessions").handler(this::create);
    r.get("/api/v1/me/station").handler(this::myStation);
    r.get("/api/v1/sessions/:session").handler(ctx -> answer(ctx, 200, () -> view(ctx, session(ctx))));
    r.get("/api/v1/sessions/:session/sheets.csv").handler(this::csv);
    r.get("/api/v1/sessions/:session/analysis").handler(ctx -> answer(ctx, 200, () -> {
      Caller caller = Guard.caller(ctx);
      // an examiner's analysis covers the stations they mark, as their CSV does
      return ItemAnalysis.of(session(ctx), p -> marks(caller, p), sessions.catalog().scoring()).toJson();
    }));
    r.get("/api/v1/sessions/:session/evidence").handler(this::evidence);
    r.post("/api/v1/sessions/:session/end").handler(ctx -> answer(ctx, 200, () -> {
      LabSession s = wholeSession(ctx);
      var seal = s.end(Http.caller(ctx), sessions.key());
      return SessionViews.session(s).put("seal", seal.toJson());
    }));
    for (String scope : List.of("/api/v1/sessions/:session", "/api/v1/sessions/:session/stations/:station")) {
      // session-wide: in a clustered lab every node that runs some of the stations acts on its own (a station's call goes to its node)
      boolean wide = !scope.contains(":station");
      io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> everyNode = wide ? r.everyNode() : io.vertx.ext.web.RoutingContext::next;
      r.longPost(scope + "/start").handler(everyNode).handler(ctx -> answer(ctx, 200, () -> {
        List<String> problems = new java.util.ArrayList<>(scoped(ctx).start(station(ctx), Http.caller(ctx)));
        problems.addAll(Forwarding.elsewhereProblems(ctx));
        return SessionViews.session(session(ctx)).put("problems", new JsonArray(problems));
      }));
      r.post(scope + "/pause").handler(everyNode).handler(ctx -> {
        String reason = Http.requiredString(Http.jsonBody(ctx), "reason");
        answer(ctx, 200, () -> {
          scoped(ctx).pause(station(ctx), Http.caller(ctx), reason);
          return elsewhere(ctx, SessionViews.session(session(ctx)));
        });
      });
      r.post(scope + "/resume").handler(everyNode).handler(ctx -> answer(ctx, 200, () -> {
        scoped(ctx).resume(station(ctx), Http.caller(ctx));
        return elsewhere(ctx, SessionViews.session(session(ctx)));
      }));
      r.post(scope + "/extend").handler(everyNode).handler(this::extend);
    }
    r.post("/api/v1/sessions/:session/stations/:station/end").handler(ctx -> {
      String reason = Http.jsonBody(ctx).getString("reason", "stopped by an examiner");
      answer(ctx, 200, () -> {
        session(ctx).endStation(station(ctx), Http.caller(ctx), reason);
        return SessionViews.session(session(ctx));
      });
    });
    r.get("/api/v1/sessions/:session/stations/:station").handler(ctx -> answer(ctx, 200,
        () -> SessionViews.station(session(ctx), station(ctx), result(ctx))));
    r.get("/api/v1/sessions/:session/stations/:station/candidate").handler(ctx -> answer(ctx, 200,
        () -> SessionViews.candidate(session(ctx), station(ctx))));
    r.get("/api/v1/sessions/:session/stations/:station/result").handler(ctx -> answer(ctx, 200, () -> {
      StationResult result = result(ctx);
      // a candidate's result is theirs only once their station has ended: never while they can still act on it
      if (Guard.caller(ctx).is(Role.CANDIDATE) && result.state() != StationClock.State.ENDED) {
        throw TwinRequestException.conflict("station", "a candidate's result is shown once the station has ended");
      }
      return SessionViews.candidateResult(result);
    }));
    // handing in a part of an exam starts the next one: as long as a station's start
    r.longPost("/api/v1/sessions/:session/stations/:station/hand-in").handler(ctx -> answer(ctx, 200, () -> {
      session(ctx).endStation(station(ctx), Http.caller(ctx), "handed in by the candidate");
      return SessionViews.candidate(session(ctx), station(ctx));
    }));
    r.longPost("/api/v1/sessions/:session/stations/:station/begin").handler(ctx -> answer(ctx, 200, () -> {
      Http.parse("station", () -> {
        session(ctx).begin(station(ctx), Http.caller(ctx));
        return null;
      });
      return SessionViews.candidate(session(ctx), station(ctx));
    }));
    r.post("/api/v1/sessions/:session/stations/:station/marks").handler(this::mark);
    r.post("/api/v1/sessions/:session/stations/:station/marks/confirm").handler(this::confirmMark);
    r.get("/api/v1/sessions/:session/stations/:station/judgements").handler(ctx -> answer(ctx, 200,
        () -> JudgementViews.of(result(ctx), session(ctx).confirmations(station(ctx)))));
    r.get("/api/v1/sessions/:session/stations/:station/exam").handler(ctx -> answer(ctx, 200, () -> {
      ExamResult exam = examResult(ctx);
      if (Guard.caller(ctx).is(Role.CANDIDATE) && !exam.over()) {
        throw TwinRequestException.conflict("station", "a candidate's exam sheet is ready once the exam is over");
      }
      return SessionViews.exam(exam);
    }));
    r.get("/api/v1/sessions/:session/stations/:station/exam.html").handler(ctx -> examSheet(ctx, "html"));
    r.get("/api/v1/sessions/:session/stations/:station/exam.pdf").handler(ctx -> examSheet(ctx, "pdf"));
    r.get("/api/v1/sessions/:session/stations/:station/exam.csv").handler(ctx -> examSheet(ctx, "csv"));
    r.get("/api/v1/sessions/:session/stations/:station/sheet.html").handler(ctx -> sheet(ctx, false));
    r.get("/api/v1/sessions/:session/stations/:station/sheet.pdf").handler(ctx -> sheet(ctx, true));
  }

  private void list(RoutingContext ctx) {
    Caller c = Guard.caller(ctx);
    // a station's progress judges its checks: work for a worker, not the event loop
    Http.respond(ctx, vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      for (LabSession s : access.visibleTo(c)) {
        out.add(c.is(Role.CANDIDATE) ? new JsonObject().put("id", s.id()).put("title", s.plan().title()).put("ended", s.ended())
            : SessionViews.session(s));
      }
      return out;
    }, false), 200, a -> a);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    Caller c = Guard.caller(ctx);
    Http.respond(ctx, vertx.executeBlocking(() -> Http.parse("body", () -> SessionViews.session(sessions.create(body, c.name()))),
        false), 201, v -> v);
  }

  private void myStation(RoutingContext ctx) {
    String me = Guard.caller(ctx).name();
    var now = sessions.stationOf(me);
    // seated nowhere now: the station of the newest ended session, marked ended, so its result can be shown
    var at = now.or(() -> sessions.lastEndedStationOf(me))
        .orElseThrow(() -> TwinRequestException.notFound("station", me + " sits at no station now"));
    Http.send(ctx, 200, new JsonObject().put("session", at.getKey().id()).put("station", at.getValue().id()).put("ended", now.isEmpty()));
  }

  private void extend(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    Object m = body.getValue("minutes");
    if (!(m instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > MAX_EXTENSION_MIN) {
      throw TwinRequestException.invalid("minutes", "a number of minutes from 0 to " + MAX_EXTENSION_MIN);
    }
    Duration more = Duration.ofSeconds(Math.round(n.doubleValue() * 60));
    String reason = Http.requiredString(body, "reason");
    answer(ctx, 200, () -> {
      scoped(ctx).extend(station(ctx), more, Http.caller(ctx), reason);
      return elsewhere(ctx, SessionViews.session(session(ctx)));
    });
  }

  /** A session-wide call's answer, with what other nodes of a clustered lab could not do of it (only when there is some). */
  private static JsonObject elsewhere(RoutingContext ctx, JsonObject view) {
    List<String> problems = Forwarding.elsewhereProblems(ctx);
    return problems.isEmpty() ? view : view.put("problems", new JsonArray(problems));
  }

  private void mark(RoutingContext ctx) {
    JsonObject body = Http.jsonBody(ctx);
    String check = Http.requiredString(body, "check");
    if (!(body.getValue("mark") instanceof Integer mark)) throw TwinRequestException.invalid("mark", "a whole number from 0 to 3");
    answer(ctx, 200, () -> {
      Http.parse("check", () -> {
        session(ctx).mark(station(ctx), check, mark, Http.caller(ctx));
        return null;
      });
      return SessionViews.station(session(ctx), station(ctx), result(ctx));
    });
  }

  /** The examiner confirms the mark they entered on a check: locked for them from then on, on record with the time. */
  private void confirmMark(RoutingContext ctx) {
    String check = Http.requiredString(Http.jsonBody(ctx), "check");
    answer(ctx, 200, () -> {
      Http.parse("check", () -> {
        session(ctx).confirmMark(station(ctx), check, Http.caller(ctx));
        return null;
      });
      return JudgementViews.of(result(ctx), session(ctx).confirmations(station(ctx)));
    });
  }

  private void sheet(RoutingContext ctx, boolean pdf) {
    Caller c = Guard.caller(ctx);
    file(ctx, vertx.executeBlocking(() -> {
      StationResult r = result(ctx);
      if (c.is(Role.CANDIDATE) && r.state() != StationClock.State.ENDED) {
        throw TwinRequestException.conflict("station", "a candidate's sheet is ready once the station has ended");
      }
      // a candidate's copy names the examiners by the accounts their marks already show, not by name
      String html = SheetHtml.of(c.is(Role.CANDIDATE) ? r.withoutExaminerNames() : r, language(ctx));
      return pdf ? Buffer.buffer(SheetPdf.render(html)) : Buffer.buffer(html);
    }, false), pdf ? "application/pdf" : "text/html; charset=utf-8",
        "inline; filename=\"sheet_" + ctx.pathParam("session") + "_" + ctx.pathParam("station") + (pdf ? ".pdf" : ".html") + "\"");
  }

  /** The sheet's language: {@code ?lang=zh|en}, else the Accept-Language header, else English. */
  private static org.twinlab.runtime.sheets.SheetLanguage language(RoutingContext ctx) {
    return org.twinlab.runtime.sheets.SheetLanguage.of(ctx.request().getParam("lang"), ctx.request().getHeader("Accept-Language"));
  }

  /** A candidate's exam sheet as a page, a PDF or CSV rows; a candidate gets theirs once the exam is over. */
  private void examSheet(RoutingContext ctx, String format) {
    Caller c = Guard.caller(ctx);
    file(ctx, vertx.executeBlocking(() -> {
      ExamResult r = examResult(ctx);
      if (c.is(Role.CANDIDATE) && !r.over()) {
        throw TwinRequestException.conflict("station", "a candidate's exam sheet is ready once the exam is over");
      }
      StationResult first = r.parts().get(0);
      if (format.equals("csv")) {
        var sitting = new ScoreSheetCsv.Sitting(first.session(), r.station(), first.candidate(), first.candidateName(), java.util.Map.of(), "");
        return Buffer.buffer(org.twinlab.scenarios.exam.ExamSheetCsv.of(List.of(new org.twinlab.scenarios.exam.ExamSheetCsv.Entry(sitting, r.sheet()))));
      }
      String html = org.twinlab.runtime.sheets.ExamSheetHtml.of(r.exam(), r.sheet(), first.candidateName() + " (" + first.candidate() + ")",
          language(ctx));
      return format.equals("pdf") ? Buffer.buffer(SheetPdf.render(html)) : Buffer.buffer(html);
    }, false), switch (format) {
      case "pdf" -> "application/pdf";
      case "csv" -> "text/csv; charset=utf-8";
      default -> "text/html; charset=utf-8";
    }, (format.equals("csv") ? "attachment" : "inline") + "; filename=\"exam_" + ctx.pathParam("session") + "_"
        + ctx.pathParam("station") + "." + format + "\"");
  }

  /**
   * The session for an operation on all its stations: an examiner must mark every one of them,
   * or else act on their own stations by the station's route (403 otherwise, however the path is written).
   */
  private LabSession wholeSession(RoutingContext ctx) {
    LabSession s = session(ctx);
    Caller caller = Guard.caller(ctx);
    List<String> others = s.plan().stations().stream().filter(p -> !marks(caller, p)).map(StationPlan::id).toList();
    if (!others.isEmpty()) {
      throw new SecurityException(caller.name() + " does not examine station(s) " + String.join(", ", others)
          + " of session " + s.id() + ": act on your own stations by their own routes");
    }
    return s;
  }

  /** The session for an operation on one station (the path names it) or on all of them (it does not). */
  private LabSession scoped(RoutingContext ctx) {
    return station(ctx) == null ? wholeSession(ctx) : session(ctx);
  }

  /** A session's view with only the stations the caller marks, for an examiner; all of them for staff. */
  private JsonObject view(RoutingContext ctx, LabSession s) {
    Caller caller = Guard.caller(ctx);
    JsonObject v = SessionViews.session(s);
    if (!caller.is(Role.EXAMINER)) return v;
    JsonArray mine = new JsonArray();
    v.getJsonArray("stations").forEach(o -> {
      JsonObject st = (JsonObject) o;
      if (st.getJsonArray("examiners", new JsonArray()).contains(caller.name())) mine.add(st);
    });
    return v.put("stations", mine);
  }

  private static boolean marks(Caller c, StationPlan p) {
    return !c.is(Role.EXAMINER) || p.examiners().contains(c.name());
  }

  private void csv(RoutingContext ctx) {
    file(ctx, vertx.executeBlocking(() -> {
      LabSession s = session(ctx);
      Caller caller = Guard.caller(ctx);
      List<ScoreSheetCsv.Entry> all = s.plan().stations().stream().filter(p -> marks(caller, p))
          .map(p -> s.result(p.id(), this::displayName, sessions.catalog().scoring()))
          .map(r -> new ScoreSheetCsv.Entry(sitting(r), r.sheet())).toList();
      return Buffer.buffer(ScoreSheetCsv.of(all));
    }, false), "text/csv; charset=utf-8", "attachment; filename=\"results_" + ctx.pathParam("session") + ".csv\"");
  }

  /** Who sat a station's sheet, and staff's interventions there as "who (role) kind: outcome" joined by "; ". */
  private static ScoreSheetCsv.Sitting sitting(StationResult r) {
    String interventions = r.interventions().stream().map(i -> i.who() + " (" + i.role() + ") " + i.kind() + ": " + i.outcome())
        .collect(java.util.stream.Collectors.joining("; "));
    return new ScoreSheetCsv.Sitting(r.session(), r.station(), r.candidate(), r.candidateName(), r.marks(), interventions);
  }

  private void evidence(RoutingContext ctx) {
    LabSession s = Http.parse("session", () -> wholeSession(ctx)); // one chain: whole, or not at all
    // read off the event loop: the log may be kept in a database
    file(ctx, vertx.executeBlocking(() -> Buffer.buffer(s.evidence().export()), false), "application/x-ndjson",
        "attachment; filename=\"evidence_" + s.id() + ".jsonl\"");
  }

  // ---- helpers

  private static void file(RoutingContext ctx, Future<Buffer> content, String type, String disposition) {
    content.onFailure(ctx::fail).onSuccess(b -> ctx.response().putHeader("Content-Type", type)
        .putHeader("Content-Disposition", disposition).end(b));
  }

  private ExamResult examResult(RoutingContext ctx) {
    return Http.parse("station", () -> session(ctx).examResult(station(ctx), this::displayName, sessions.catalog().scoring(),
        new org.twinlab.scenarios.exam.ExamScoring(sessions.catalog().standard())));
  }

  private StationResult result(RoutingContext ctx) {
    return session(ctx).result(station(ctx), this::displayName, sessions.catalog().scoring());
  }

  private String displayName(String user) {
    return sessions.accounts().find(user).map(Account::displayName).orElse(user);
  }

  private LabSession session(RoutingContext ctx) {
    return Http.parse("session", () -> sessions.require(ctx.pathParam("session")));
  }

  /** The station in the path, checked to be the session's; null for a whole-session route. */
  private String station(RoutingContext ctx) {
    String st = ctx.pathParam("station");
    if (st == null) return null;
    Http.parse("station", () -> session(ctx).plan().station(st).orElseThrow(
        () -> new java.util.NoSuchElementException("no station '" + st + "' in session " + ctx.pathParam("session"))));
    return st;
  }

  /**
   * Runs a session step on a worker (it writes evidence and may wait on rigs) and answers with its
   * view; a step the session refuses answers for the session.
   */
  private void answer(RoutingContext ctx, int status, java.util.function.Supplier<JsonObject> step) {
    Http.respond(ctx, vertx.executeBlocking(() -> Http.parse("session", step::get), false), status, v -> v);
  }
}
