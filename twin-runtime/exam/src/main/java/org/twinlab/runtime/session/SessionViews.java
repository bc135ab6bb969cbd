package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.scenarios.check.Deadline;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.CandidateView;
import org.twinlab.scenarios.engine.FaultRecord;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * Sessions and stations as the API shows them: examiners see everything (the candidate's actions
 * and, apart, staff's interventions), candidates their view only.
 */
public final class SessionViews {
  private SessionViews() {}

  public static JsonObject session(LabSession s) {
    JsonArray stations = new JsonArray();
    s.stations().forEach(st -> stations.add(stationSummary(s, st)));
    return new JsonObject().put("id", s.id()).put("title", s.plan().title()).put("ended", s.ended())
        .put("warnings", new JsonArray(s.plan().warnings())).put("stations", stations)
        .put("evidence", new JsonObject().put("head", s.evidence().head()).put("sealed", s.evidence().sealed())
            .put("signedUpTo", s.evidence().signedUpTo()).put("damaged", s.evidence().damaged()).put("problem", s.evidence().problem()));
  }

  /** A station at a glance: timer, progress, who sits and marks it. */
  static JsonObject stationSummary(LabSession s, StationSession st) {
    JsonObject o = st.plan().toJson().put("state", st.state().name().toLowerCase(Locale.ROOT))
        .put("title", st.scenario().title().en()).put("titleZh", st.scenario().title().zh())
        .put("level", st.scenario().level().number());
    s.examAt(st.plan().id()).ifPresent(parts -> o.put("exam", examPart(st, parts)));
    ScenarioRun run = st.run().orElse(null);
    // a station another node runs: its time as its evidence tells it
    StationReplay there = run == null && st.elsewhere() ? st.replay().filter(r -> r.started).orElse(null) : null;
    long limit = run != null ? run.clock().limit().toSeconds() : there != null ? there.limit.toSeconds() : st.scenario().timeLimit().toSeconds();
    long elapsed = run != null ? run.clock().elapsed().toSeconds() : there != null ? there.elapsedAt(s.now()).toSeconds() : 0;
    o.put("limitSeconds", limit).put("elapsedSeconds", elapsed).put("remainingSeconds", Math.max(0, limit - elapsed));
    int measured = 0;
    int passed = 0;
    int failed = 0;
    int decided = 0;
    if (run != null) {
      for (Verdict v : run.verdicts().values()) {
        measured++;
        if (v.outcome() != Verdict.Outcome.PENDING) decided++;
        if (v.outcome() == Verdict.Outcome.PASSED) passed++;
        if (v.outcome() == Verdict.Outcome.FAILED) failed++;
      }
    } else {
      measured = (int) st.scenario().checks().stream().filter(c -> c.kind() != CheckDef.Kind.JUDGEMENT).count();
    }
    int judgements = (int) st.scenario().checks().stream().filter(c -> c.kind() == CheckDef.Kind.JUDGEMENT).count();
    o.put("progress", new JsonObject().put("measured", measured).put("decided", decided).put("passed", passed)
        .put("failed", failed).put("judgements", judgements).put("marked", st.marks().combined().size())
        .put("actions", run == null ? 0 : run.actions().size()).put("interventions", st.interventions().size()));
    return o;
  }

  /**
   * What a part of an exam shows of its exam: which exam, which part of how many, the exam's
   * station and what its one clock has left.
   */
  static JsonObject examPart(StationSession st, ExamParts parts) {
    Exam exam = parts.exam();
    int n = parts.parts().indexOf(st) + 1;
    JsonArray all = new JsonArray();
    for (StationSession p : parts.parts()) {
      all.add(new JsonObject().put("station", p.plan().id()).put("scenario", p.scenario().id()).put("title", p.scenario().title().en())
          .put("titleZh", p.scenario().title().zh()).put("state", p.state().name().toLowerCase(Locale.ROOT))
          .put("limitSeconds", p.scenario().timeLimit().toSeconds()));
    }
    return new JsonObject().put("id", exam.id()).put("version", exam.version()).put("title", exam.title().en())
        .put("titleZh", exam.title().zh()).put("station", st.plan().examStation()).put("part", n).put("of", parts.parts().size())
        .put("order", exam.order().name().toLowerCase(Locale.ROOT)).put("limitSeconds", exam.timeLimit().toSeconds())
        .put("remainingSeconds", org.twinlab.scenarios.exam.ExamTime.remaining(exam, parts.spent()).toSeconds()).put("parts", all);
  }

  /**
   * A candidate's exam as its sheet shows it: each function's points, weight and contribution,
   * each part's points, and the total out of 100.
   */
  public static JsonObject exam(ExamResult r) {
    org.twinlab.scenarios.exam.ExamSheet sheet = r.sheet();
    JsonArray functions = new JsonArray();
    for (org.twinlab.scenarios.exam.ExamSheet.FunctionPoints f : sheet.functions()) {
      functions.add(new JsonObject().put("function", f.function()).put("name", f.name().en()).put("nameZh", f.name().zh())
          .put("weight", f.weight()).put("earned", f.earned()).put("possible", f.possible()).put("undecided", f.undecided())
          .put("percent", f.percent()).put("contribution", f.contribution()));
    }
    JsonArray parts = new JsonArray();
    for (int i = 0; i < sheet.parts().size(); i++) {
      org.twinlab.scenarios.exam.ExamSheet.PartScore p = sheet.parts().get(i);
      StationResult part = r.parts().get(i);
      parts.add(new JsonObject().put("part", p.part()).put("station", part.station()).put("title", part.scenario().title().en())
          .put("titleZh", part.scenario().title().zh()).put("state", part.state().name().toLowerCase(Locale.ROOT))
          .put("started", p.started()).put("earned", p.earned()).put("possible", p.possible()));
    }
    return new JsonObject().put("exam", r.exam().id()).put("version", r.exam().version()).put("title", r.exam().title().en())
        .put("titleZh", r.exam().title().zh()).put("level", r.exam().level().number()).put("station", r.station())
        .put("candidate", r.parts().get(0).candidate()).put("over", r.over()).put("spentSeconds", r.spent().toSeconds())
        .put("limitSeconds", r.exam().timeLimit().toSeconds()).put("functions", functions).put("parts", parts)
        .put("total", sheet.total()).put("passMark", sheet.passMark()).put("passed", sheet.passed())
        .put("provisional", sheet.provisional()).put("undecided", sheet.undecided())
        .put("result", sheet.result().name().toLowerCase(Locale.ROOT));
  }

  /** The whole station for its examiners: checks with verdicts and scores, marks, faults, actions, clock. */
  public static JsonObject station(LabSession s, String station, StationResult result) {
    StationSession st = s.station(station);
    ScenarioRun run = st.run().orElse(null);
    JsonObject o = stationSummary(s, st).put("session", s.id());
    Map<String, Verdict> verdicts = run == null ? Map.of() : run.verdicts();
    JsonArray checks = new JsonArray();
    for (CheckScore c : result.sheet().checks()) {
      CheckDef def = st.scenario().checks().stream().filter(d -> d.id().equals(c.check())).findFirst().orElseThrow();
      JsonObject j = new JsonObject().put("check", c.check()).put("task", c.task()).put("kind", c.kind().name().toLowerCase(Locale.ROOT))
          .put("clause", c.clause()).put("points", c.points()).put("earned", c.earned())
          .put("status", c.status().name().toLowerCase(Locale.ROOT)).put("because", c.because()).put("hidden", def.hidden())
          .put("measure", def.measureText()).put("judge", def.judge().map(l -> l.en()).orElse(null))
          .put("judgeZh", def.judge().map(l -> l.zh()).orElse(null))
          .put("name", def.readableName().en()).put("nameZh", def.readableName().zh());
      def.measure().flatMap(m -> Deadline.of(def.id(), m, StationModelNames.forExaminers(st.scenario())))
          .ifPresent(d -> j.put("deadline", d.text().en()).put("deadlineZh", d.text().zh()));
      Verdict v = verdicts.get(c.check());
      if (v != null && v.at() != null) j.put("decidedAt", v.at().toString());
      Map<String, Integer> marks = result.marks().get(c.check());
      if (marks != null) j.put("marks", new JsonObject(new java.util.TreeMap<>(marks)));
      Map<String, java.time.Instant> confirmed = s.confirmations(station).get(c.check());
      if (confirmed != null) j.put("confirmed", new JsonArray(new java.util.ArrayList<>(new java.util.TreeSet<>(confirmed.keySet()))));
      if (result.disagreements().contains(c.check())) j.put("disagreement", true);
      checks.add(j);
    }
    o.put("checks", checks);
    ScoreSheet sheet = result.sheet();
    // no pass or fail while a check is open: the total over what is decided, and what is secured whatever the rest comes to
    o.put("total", sheet.total()).put("passMark", sheet.passMark()).put("passed", sheet.passed())
        .put("provisional", sheet.provisional()).put("result", sheet.result().name().toLowerCase(Locale.ROOT))
        .put("secured", sheet.secured()).put("points", new JsonObject().put("earned", sheet.earnedPoints())
            .put("decided", sheet.decidedPoints()).put("possible", sheet.possiblePoints()));
    JsonArray faults = new JsonArray();
    for (FaultRecord f : result.faults()) {
      faults.add(new JsonObject().put("fault", f.fault().id()).put("kind", f.fault().kind()).put("target", f.fault().target())
          .put("hidden", f.fault().hidden()).put("elapsedSeconds", f.elapsed().toSeconds())
          .put("cleared", f.clearedAt() != null));
    }
    o.put("faults", faults);
    JsonArray actions = new JsonArray();
    for (ActionRecord a : result.actions()) actions.add(action(a));
    o.put("actions", actions);
    JsonArray interventions = new JsonArray();
    for (Intervention i : result.interventions()) interventions.add(intervention(i));
    o.put("interventions", interventions);
    JsonArray clock = new JsonArray();
    for (StationClock.Entry e : result.clock()) {
      clock.add(new JsonObject().put("at", e.at().toString()).put("what", e.what()).put("by", e.by()).put("reason", e.reason())
          .put("elapsedSeconds", e.elapsed().toSeconds()));
    }
    o.put("clock", clock);
    o.put("notices", new JsonArray(run == null ? java.util.List.of() : run.notices()));
    return o;
  }

  static JsonObject action(ActionRecord a) {
    return new JsonObject().put("at", a.at().toString()).put("elapsedSeconds", a.elapsed().toSeconds()).put("who", a.who())
        .put("kind", a.kind()).put("fields", new JsonObject(new java.util.LinkedHashMap<>(a.fields())))
        .put("accepted", a.outcome().accepted()).put("detail", a.outcome().detail());
  }

  /** What staff did on the station's twin: never the candidate's work, shown so the marking can allow for it. */
  static JsonObject intervention(Intervention i) {
    return new JsonObject().put("seq", i.seq()).put("at", i.at().toString()).put("elapsedSeconds", i.elapsedSeconds())
        .put("who", i.who()).put("role", i.role()).put("twin", i.twin()).put("kind", i.kind())
        .put("fields", new JsonObject(new java.util.LinkedHashMap<>(i.fields()))).put("outcome", i.outcome()).put("detail", i.detail());
  }

  /** Time limits as pages show them: the text in both languages, and the exam-clock second it falls on when it is one. */
  static JsonArray deadlines(java.util.List<Deadline> deadlines) {
    JsonArray out = new JsonArray();
    for (Deadline d : deadlines) {
      out.add(new JsonObject().put("check", d.checkId()).put("text", d.text().en()).put("textZh", d.text().zh())
          .put("byClockSeconds", d.byClock().map(java.time.Duration::toSeconds).orElse(null)));
    }
    return out;
  }

  /**
   * A station's result as its candidate may see it: the total, pass mark and result (pending while
   * a check is open) and each visible check by name with its state; hidden checks are left out.
   */
  public static JsonObject candidateResult(StationResult result) {
    ScoreSheet sheet = result.sheet();
    Map<String, CheckDef> defs = new java.util.HashMap<>();
    result.scenario().checks().forEach(d -> defs.put(d.id(), d));
    JsonArray checks = new JsonArray();
    for (CheckScore c : sheet.checks()) {
      CheckDef def = defs.get(c.check());
      if (def == null || def.hidden()) continue;
      checks.add(new JsonObject().put("check", c.check()).put("task", c.task()).put("name", def.readableName().en())
          .put("nameZh", def.readableName().zh()).put("status", c.status().name().toLowerCase(Locale.ROOT))
          .put("earned", c.earned()).put("points", c.points()));
    }
    return new JsonObject().put("session", result.session()).put("station", result.station())
        .put("state", result.state().name().toLowerCase(Locale.ROOT)).put("title", result.scenario().title().en())
        .put("titleZh", result.scenario().title().zh()).put("total", sheet.total()).put("passMark", sheet.passMark())
        .put("provisional", sheet.provisional()).put("result", sheet.result().name().toLowerCase(Locale.ROOT)).put("checks", checks);
  }

  /** What a candidate may see: the briefing, task prompts, visible checks, time left, announced faults. */
  public static JsonObject candidate(LabSession s, String station) {
    StationSession st = s.station(station);
    Scenario sc = st.scenario();
    JsonObject o = new JsonObject().put("session", s.id()).put("station", station).put("twins", new JsonArray(st.plan().twins()))
        .put("scenario", sc.id()).put("title", sc.title().en()).put("titleZh", sc.title().zh())
        .put("state", st.state().name().toLowerCase(Locale.ROOT));
    s.examAt(station).ifPresent(parts -> o.put("exam", examPart(st, parts)));
    ScenarioRun run = st.run().orElse(null);
    if (run == null) {
      // before the start the candidate sees the briefing only; a part of an exam not even that: its
      // task is read on the exam's clock, not ahead of it while another part runs
      if (st.exam().isPresent()) {
        return o.put("briefing", "").put("briefingZh", "").put("tasks", new JsonArray()).put("remainingSeconds", sc.timeLimit().toSeconds());
      }
      return o.put("briefing", sc.briefing().en()).put("briefingZh", sc.briefing().zh()).put("tasks", new JsonArray())
          .put("remainingSeconds", sc.timeLimit().toSeconds());
    }
    CandidateView v = CandidateView.of(run, StationModelNames.of(sc));
    JsonArray tasks = new JsonArray();
    for (CandidateView.TaskView t : v.tasks()) {
      JsonArray checks = new JsonArray();
      t.checks().forEach(c -> checks.add(new JsonObject().put("check", c.check()).put("name", c.name().en()).put("nameZh", c.name().zh())
          .put("state", c.state()).put("reason", c.reason().orElse(null))));
      tasks.add(new JsonObject().put("task", t.task()).put("prompt", t.prompt().en()).put("promptZh", t.prompt().zh())
          .put("deadlines", deadlines(t.deadlines())).put("checks", checks));
    }
    // handed in: the station's clock was ended by its own candidate (not by time or an examiner)
    boolean handedIn = run.clock().log().stream().anyMatch(e -> e.what().equals("end") && st.plan().candidate().equals(e.by()));
    return o.put("briefing", v.briefing().en()).put("briefingZh", v.briefing().zh()).put("tasks", tasks)
        .put("announcedFaults", new JsonArray(v.announcedFaults())).put("remainingSeconds", v.secondsLeft())
        .put("elapsedSeconds", run.clock().elapsed().toSeconds()).put("handedIn", handedIn);
  }
}
