package org.twinlab.runtime.sheets;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.models.Localized;
import org.twinlab.runtime.session.Intervention;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.FaultRecord;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.FunctionScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.TaskScore;

/**
 * A candidate's score sheet as a self-contained XHTML page: tasks and checks, the examiners' marks,
 * the per-function weights, the total and the verdict, and excerpts of the evidence. The same page
 * is rendered to PDF, so it keeps to what a print renderer understands (XHTML, plain CSS).
 */
public final class SheetHtml {
  /** Actions shown on a sheet; the evidence log holds them all. */
  static final int ACTIONS_SHOWN = 40;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private SheetHtml() {}

  /** The sheet's one inline stylesheet, which the served pages' Content-Security-Policy allows by its hash. */
  public static String stylesheet() {
    return CSS;
  }

  /**
   * Pass or fail only once every check is decided. Until then: the points decided, the total over
   * them, and the secured total (open checks as possible, earning nothing), with no verdict; a
   * station never started says so instead of a zero.
   */
  static void verdict(StringBuilder h, ScoreSheet sheet, boolean started, SheetLanguage l) {
    if (!started) {
      h.append("<p class=\"verdict pending\">").append(esc(l.f("notStarted", sheet.passMark()))).append("</p>\n");
      return;
    }
    switch (sheet.result()) {
      case PENDING -> h.append("<p class=\"verdict pending\">")
          .append(esc(l.f("provisional", num(sheet.earnedPoints()), num(sheet.decidedPoints()), num(sheet.possiblePoints()), sheet.total(),
              sheet.secured(), sheet.passMark(), sheet.flagged().size())))
          .append("</p>\n");
      case PASSED, FAILED -> h.append("<p class=\"verdict ").append(sheet.passed() ? "pass" : "fail").append("\">")
          .append(esc(l.f("total", sheet.total(), sheet.passMark(), l.w(sheet.passed() ? "PASSED" : "FAILED"))))
          .append("</p>\n");
    }
  }

  /** The sheet in English, with no signature lines. */
  public static String of(StationResult r) {
    return of(r, SheetLanguage.EN);
  }

  /** The sheet in {@code l}, with a signature line for each of the station's examiners. */
  public static String of(StationResult r, SheetLanguage l) {
    StringBuilder h = new StringBuilder(16_384);
    var sheet = r.sheet();
    boolean started = r.state() != StationClock.State.READY;
    head(h, l, l.w("scoreSheet") + " " + r.candidate() + " " + r.scenario().id());
    h.append("<h1>").append(esc(l.w("scoreSheet"))).append("</h1>\n<table class=\"facts\">");
    fact(h, l.w("candidate"), r.candidateName() + " (" + r.candidate() + ")");
    fact(h, l.w("session"), l.f("sessionValue", r.sessionTitle(), r.session(), r.station()));
    fact(h, l.w("scenario"), l.pick(r.scenario().title()) + " — " + r.scenario().id() + " v" + r.scenario().version());
    fact(h, l.w("levelAndSkill"), l.level(r.scenario().level()) + " · " + l.skill(r.scenario().skill()) + "; " + l.w("clauses") + " "
        + String.join(", ", r.scenario().clauses()));
    fact(h, l.w("station"), l.state(r.state().name()) + clockLine(r.clock(), l));
    fact(h, l.w("evidence"), l.w(r.sealed() ? "sealed" : "notSealed") + r.evidenceHead());
    h.append("</table>\n");

    verdict(h, sheet, started, l);

    var suiteTask = r.scenario().tasks().stream().filter(SuiteSheetHtml::scoresSuites).map(d -> d.id()).findFirst();
    scores(h, sheet, 2, r.marks(), suiteTask, r.actions(), started, l);

    judgements(h, r, l);
    ArtefactSheetHtml.append(h, r.actions(), l);

    h.append("<h2>").append(esc(l.w("excerpts"))).append("</h2>\n<h3>").append(esc(l.w("faults"))).append("</h3>\n");
    if (r.faults().isEmpty()) h.append("<p>").append(esc(l.w("noFault"))).append("</p>\n");
    else {
      h.append("<table><tr>").append(ths(l, "fault", "kind", "target", "injected", "cleared")).append("</tr>");
      for (FaultRecord f : r.faults()) {
        h.append("<tr><td>").append(esc(f.fault().id())).append("</td><td>").append(esc(f.fault().kind())).append("</td><td>")
            .append(esc(f.fault().target())).append("</td><td>").append(mmss(f.elapsed())).append("</td><td>")
            .append(f.clearedAt() == null ? "—" : TIME.format(f.clearedAt())).append("</td></tr>");
      }
      h.append("</table>\n");
    }
    List<ActionRecord> actions = r.actions();
    h.append("<h3>").append(esc(l.f("actionsOf", Math.min(actions.size(), ACTIONS_SHOWN), actions.size()))).append("</h3>\n");
    h.append("<table><tr>").append(ths(l, "time", "who", "action", "details", "outcome")).append("</tr>");
    for (ActionRecord a : actions.subList(0, Math.min(actions.size(), ACTIONS_SHOWN))) {
      h.append("<tr><td>").append(mmss(a.elapsed())).append("</td><td>").append(esc(a.who())).append("</td><td>").append(esc(a.kind()))
          .append("</td><td>").append(esc(abbreviate(new java.util.TreeMap<>(a.fields()).toString(), 120))).append("</td><td>")
          .append(a.outcome().accepted() ? esc(l.w("taken")) : esc(l.w("refused")) + esc(a.outcome().detail())).append("</td></tr>");
    }
    h.append("</table>\n");
    interventions(h, r.interventions(), l);
    signatures(h, r.examiners(), l);
    h.append("<p class=\"small\">").append(l.w("drawnFrom")).append("</p>\n</body></html>\n");
    return h.toString();
  }

  /** The page's head, in the sheet's language: XHTML, one inline stylesheet. */
  static void head(StringBuilder h, SheetLanguage l, String title) {
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(l.tag()).append("\" xml:lang=\"").append(l.tag()).append("\">\n<head>")
        .append("<meta charset=\"UTF-8\" /><title>").append(esc(title)).append("</title>")
        .append("<style>").append(CSS).append("</style></head>\n<body>\n");
  }

  /**
   * A line to sign for each examiner of the station: name, signature and date, left blank for
   * the pen. The standard's sheet has no line for the candidate, so neither has this one.
   */
  static void signatures(StringBuilder h, List<StationResult.Examiner> examiners, SheetLanguage l) {
    h.append("<h2>").append(esc(l.w("signatures"))).append("</h2>\n");
    if (examiners.isEmpty()) {
      h.append("<p>").append(esc(l.w("noExaminer"))).append("</p>\n");
      return;
    }
    h.append("<table class=\"signatures\"><tr>").append(ths(l, "examiner", "signature", "date")).append("</tr>");
    for (StationResult.Examiner e : examiners) {
      h.append("<tr class=\"signature\"><td>").append(esc(e.shown())).append("</td><td class=\"line\"></td><td class=\"line date\"></td></tr>");
    }
    h.append("</table>\n");
  }

  private static String ths(SheetLanguage l, String... keys) {
    StringBuilder s = new StringBuilder();
    for (String k : keys) s.append("<th>").append(esc(l.w(k))).append("</th>");
    return s.toString();
  }

  /**
   * A sheet's functions with their weights and scores, then its tasks with their checks, headed at
   * {@code depth} (2 on a station's sheet, deeper where a sheet is one part of an exam's).
   *
   * @param marks each judged check's examiners' marks, by check id then examiner
   * @param suiteTask the task that scores submitted test suites, shown under it from {@code actions}
   * @param started whether the station (or the part) has started: until it has, no check is decided
   *     and none shows a status but "not started"
   */
  static void scores(StringBuilder h, ScoreSheet sheet, int depth, Map<String, Map<String, Integer>> marks,
      java.util.Optional<String> suiteTask, List<ActionRecord> actions, boolean started, SheetLanguage l) {
    String section = "h" + depth;
    String task = "h" + (depth + 1);
    h.append('<').append(section).append('>').append(esc(l.w("functions"))).append("</").append(section).append(">\n")
        .append("<table><tr>").append(ths(l, "function", "weight", "score")).append("</tr>");
    for (FunctionScore f : sheet.functions()) {
      h.append("<tr><td>").append(esc(l.pick(f.name()))).append("</td><td>").append(num(f.weight())).append("</td><td>")
          .append(f.percent() == null || !started ? "—" : num(f.percent()) + " %").append("</td></tr>");
    }
    h.append("</table>\n");

    h.append('<').append(section).append('>').append(esc(l.w("tasksAndChecks"))).append("</").append(section).append(">\n");
    for (TaskScore t : sheet.tasks()) {
      h.append('<').append(task).append('>').append(esc(t.task())).append(" <span class=\"small\">").append(esc(l.f("weightOf", num(t.weight()))))
          .append(t.percent() == null || !started ? esc(l.w("notScoredYet")) : num(t.percent()) + " %").append("</span></").append(task).append(">\n");
      h.append("<table><tr>").append(ths(l, "check", "clause", "points", "earned", "status", "because")).append("</tr>");
      for (CheckScore c : sheet.checks()) {
        if (!c.task().equals(t.task())) continue;
        String status = started ? c.status().name().toLowerCase(Locale.ROOT) : "notstarted";
        h.append("<tr><td>").append(esc(c.check())).append("</td><td>").append(esc(c.clause())).append("</td><td>")
            .append(num(c.points())).append("</td><td>").append(c.earned() == null || !started ? "—" : num(c.earned())).append("</td><td class=\"")
            .append(started ? status : "pending").append("\">").append(esc(l.status(status)))
            .append("</td><td>").append(started ? esc(l.reason(c.because())) : "").append(marksOf(marks, c.check(), l)).append("</td></tr>");
      }
      h.append("</table>\n");
      if (suiteTask.isPresent() && suiteTask.get().equals(t.task())) SuiteSheetHtml.append(h, actions, l);
    }
  }

  /**
   * Every judgement with its aspect, each examiner's mark, the combined mark and the rubric's
   * descriptor of it, so the sheet says what the mark means and not only its number.
   */
  private static void judgements(StringBuilder h, StationResult r, SheetLanguage l) {
    h.append("<h2>").append(esc(l.w("marksHeading"))).append("</h2>\n");
    List<CheckDef> judged = r.scenario().checks().stream().filter(c -> c.kind() == CheckDef.Kind.JUDGEMENT).toList();
    if (judged.isEmpty()) {
      h.append("<p>").append(esc(l.w("noJudgement"))).append("</p>\n");
      return;
    }
    if (r.marks().isEmpty()) h.append("<p>").append(esc(l.w("noMarkYet"))).append("</p>\n");
    h.append("<table><tr>").append(ths(l, "check", "aspect", "marks03", "combined", "descriptor")).append("</tr>");
    for (CheckDef c : judged) {
      Map<String, Integer> given = r.marks().getOrDefault(c.id(), Map.of());
      StringBuilder each = new StringBuilder();
      new java.util.TreeMap<>(given).forEach((who, m) -> each.append(each.length() == 0 ? "" : ", ").append(who).append(": ").append(m));
      h.append("<tr class=\"judgement\"><td>").append(esc(c.id())).append("</td><td>").append(esc(c.judge().map(l::pick).orElse("")))
          .append("</td><td>").append(given.isEmpty() ? "—" : esc(each.toString())).append("</td><td>");
      if (given.isEmpty()) {
        h.append("—</td><td class=\"unmarked\">").append(esc(l.w("notMarkedYet"))).append("</td></tr>");
        continue;
      }
      int combined = org.twinlab.runtime.session.Marks.median(List.copyOf(given.values()));
      h.append(combined).append(r.disagreements().contains(c.id()) ? " <b>— " + esc(l.w("disagree")) + "</b>" : "").append("</td><td>")
          .append(esc(c.rubric().map(rb -> combined + ": " + l.pick(rb.descriptor(combined))).orElse(""))).append("</td></tr>");
    }
    h.append("</table>\n");
  }

  /** What staff did on the candidate's twin: listed apart, as none of it is the candidate's work. */
  private static void interventions(StringBuilder h, List<Intervention> all, SheetLanguage l) {
    h.append("<h3>").append(esc(l.f("interventions", all.size()))).append("</h3>\n");
    if (all.isEmpty()) {
      h.append("<p>").append(esc(l.w("none"))).append("</p>\n");
      return;
    }
    h.append("<p class=\"small\">").append(esc(l.w("notCandidates"))).append("</p>\n");
    h.append("<table><tr>").append(ths(l, "time", "who", "role", "action", "details", "outcome")).append("</tr>");
    for (Intervention i : all.subList(0, Math.min(all.size(), ACTIONS_SHOWN))) {
      h.append("<tr><td>").append(mmss(Duration.ofSeconds(i.elapsedSeconds()))).append("</td><td>").append(esc(i.who()))
          .append("</td><td>").append(esc(l.role(i.role()))).append("</td><td>").append(esc(i.kind())).append("</td><td>")
          .append(esc(abbreviate(new java.util.TreeMap<>(i.fields()).toString(), 120))).append("</td><td>").append(esc(i.outcome()))
          .append(i.detail().isEmpty() ? "" : ": " + esc(i.detail())).append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private static String marksOf(Map<String, Map<String, Integer>> marks, String check, SheetLanguage l) {
    Map<String, Integer> m = marks.get(check);
    return m == null || m.isEmpty() ? "" : esc(l.f("examinersCount", m.size()));
  }

  private static String clockLine(List<StationClock.Entry> log, SheetLanguage l) {
    if (log.isEmpty()) return "";
    StringBuilder s = new StringBuilder();
    for (StationClock.Entry e : log) {
      s.append(l.f("clockEntry", e.what(), mmss(e.elapsed()), e.by()));
      if (!e.reason().isEmpty()) s.append(" (").append(e.reason()).append(")");
    }
    return s.toString();
  }

  static void fact(StringBuilder h, String name, String value) {
    h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  static String mmss(Duration d) {
    long s = d.toSeconds();
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  /** Escapes text for XHTML, dropping characters XML cannot carry. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') out.appendCodePoint(c);
        }
      }
    });
    return out.toString();
  }

  private static final String CSS = "body{font-family:sans-serif,\"Noto Sans SC\";font-size:10pt;margin:1.5em}"
      + "h1{font-size:16pt;margin:0 0 .5em}h2{font-size:12pt;margin:1.2em 0 .4em;border-bottom:1px solid #999}"
      + "h3{font-size:10.5pt;margin:.8em 0 .3em}h4{font-size:10pt;margin:.6em 0 .2em}table{border-collapse:collapse;width:100%;margin-bottom:.5em}"
      + "th,td{border:1px solid #bbb;padding:2px 5px;text-align:left;vertical-align:top}th{background:#eee}"
      + "table.facts th{width:22%}.verdict{font-size:12pt;font-weight:bold;padding:6px;border:2px solid}"
      + ".pass{border-color:#2a7a2a;color:#2a7a2a}.fail{border-color:#a22;color:#a22}.failed{color:#a22}.passed{color:#2a7a2a}"
      + ".unmarked,.pending,.indeterminate{color:#a60}.verdict.pending{border-color:#a60}.small{font-size:8.5pt;color:#555}code{font-family:monospace}"
      + "table.signatures td{height:2.2em;vertical-align:bottom}table.signatures td.line{width:40%;border-bottom:1px solid #000}"
      + "table.signatures td.date{width:20%}";
}
