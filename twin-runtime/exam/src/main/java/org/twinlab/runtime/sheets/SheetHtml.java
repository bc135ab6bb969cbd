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
  static void verdict(StringBuilder h, org.twinlab.scenarios.score.ScoreSheet sheet, boolean started) {
    if (!started) {
      h.append("<p class=\"verdict pending\">Not started: nothing decided yet — pass mark ")
          .append(String.format(Locale.ROOT, "%.0f", sheet.passMark())).append("</p>\n");
      return;
    }
    switch (sheet.result()) {
      case PENDING -> h.append("<p class=\"verdict pending\">")
          .append(String.format(Locale.ROOT, "Provisional — %s of %s decided points earned (%s possible); total so far %.1f, secured %.1f "
              + "of 100 — pass mark %.0f — no result until every check is decided (%d not final)", num(sheet.earnedPoints()),
              num(sheet.decidedPoints()), num(sheet.possiblePoints()), sheet.total(), sheet.secured(), sheet.passMark(), sheet.flagged().size()))
          .append("</p>\n");
      case PASSED, FAILED -> h.append("<p class=\"verdict ").append(sheet.passed() ? "pass" : "fail").append("\">")
          .append(String.format(Locale.ROOT, "Total %.1f of 100 — pass mark %.0f — %s", sheet.total(), sheet.passMark(),
              sheet.passed() ? "PASSED" : "FAILED"))
          .append("</p>\n");
    }
  }

  public static String of(StationResult r) {
    StringBuilder h = new StringBuilder(16_384);
    var sheet = r.sheet();
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>")
        .append("<meta charset=\"UTF-8\" /><title>").append(esc("Score sheet " + r.candidate() + " " + r.scenario().id())).append("</title>")
        .append("<style>").append(CSS).append("</style></head>\n<body>\n");
    h.append("<h1>Score sheet</h1>\n<table class=\"facts\">");
    fact(h, "Candidate", r.candidateName() + " (" + r.candidate() + ")");
    fact(h, "Session", r.sessionTitle() + " (" + r.session() + "), station " + r.station());
    fact(h, "Scenario", r.scenario().title().en() + " — " + r.scenario().id() + " v" + r.scenario().version());
    fact(h, "Level and skill", sheet.level() + " " + r.scenario().skill().key() + "; clauses " + String.join(", ", r.scenario().clauses()));
    fact(h, "Station", r.state().name().toLowerCase(Locale.ROOT) + clockLine(r.clock()));
    fact(h, "Evidence", (r.sealed() ? "sealed chain, head " : "chain (not sealed yet), head ") + r.evidenceHead());
    h.append("</table>\n");

    verdict(h, sheet, r.state() != org.twinlab.scenarios.engine.StationClock.State.READY);

    var suiteTask = r.scenario().tasks().stream().filter(SuiteSheetHtml::scoresSuites).map(d -> d.id()).findFirst();
    scores(h, sheet, 2, r.marks(), suiteTask, r.actions());

    judgements(h, r);
    ArtefactSheetHtml.append(h, r.actions());

    h.append("<h2>Evidence excerpts</h2>\n<h3>Faults</h3>\n");
    if (r.faults().isEmpty()) h.append("<p>None injected.</p>\n");
    else {
      h.append("<table><tr><th>Fault</th><th>Kind</th><th>Target</th><th>Injected</th><th>Cleared</th></tr>");
      for (FaultRecord f : r.faults()) {
        h.append("<tr><td>").append(esc(f.fault().id())).append("</td><td>").append(esc(f.fault().kind())).append("</td><td>")
            .append(esc(f.fault().target())).append("</td><td>").append(mmss(f.elapsed())).append("</td><td>")
            .append(f.clearedAt() == null ? "—" : TIME.format(f.clearedAt())).append("</td></tr>");
      }
      h.append("</table>\n");
    }
    List<ActionRecord> actions = r.actions();
    h.append("<h3>Actions (").append(Math.min(actions.size(), ACTIONS_SHOWN)).append(" of ").append(actions.size()).append(")</h3>\n");
    h.append("<table><tr><th>Time</th><th>Who</th><th>Action</th><th>Details</th><th>Outcome</th></tr>");
    for (ActionRecord a : actions.subList(0, Math.min(actions.size(), ACTIONS_SHOWN))) {
      h.append("<tr><td>").append(mmss(a.elapsed())).append("</td><td>").append(esc(a.who())).append("</td><td>").append(esc(a.kind()))
          .append("</td><td>").append(esc(abbreviate(new java.util.TreeMap<>(a.fields()).toString(), 120))).append("</td><td>")
          .append(a.outcome().accepted() ? "taken" : "refused: " + esc(a.outcome().detail())).append("</td></tr>");
    }
    h.append("</table>\n");
    interventions(h, r.interventions());
    h.append("<p class=\"small\">Drawn from the session's evidence log; ")
        .append("<code>twinlab evidence verify</code> checks it.</p>\n</body></html>\n");
    return h.toString();
  }

  /**
   * A sheet's functions with their weights and scores, then its tasks with their checks, headed at
   * {@code depth} (2 on a station's sheet, deeper where a sheet is one part of an exam's).
   *
   * @param marks each judged check's examiners' marks, by check id then examiner
   * @param suiteTask the task that scores submitted test suites, shown under it from {@code actions}
   */
  static void scores(StringBuilder h, ScoreSheet sheet, int depth, Map<String, Map<String, Integer>> marks,
      java.util.Optional<String> suiteTask, List<ActionRecord> actions) {
    String section = "h" + depth;
    String task = "h" + (depth + 1);
    h.append('<').append(section).append(">Functions</").append(section).append(">\n")
        .append("<table><tr><th>Function</th><th>Weight</th><th>Score</th></tr>");
    for (FunctionScore f : sheet.functions()) {
      h.append("<tr><td>").append(esc(f.name().en())).append("</td><td>").append(num(f.weight())).append("</td><td>")
          .append(f.percent() == null ? "—" : num(f.percent()) + " %").append("</td></tr>");
    }
    h.append("</table>\n");

    h.append('<').append(section).append(">Tasks and checks</").append(section).append(">\n");
    for (TaskScore t : sheet.tasks()) {
      h.append('<').append(task).append('>').append(esc(t.task())).append(" <span class=\"small\">weight ").append(num(t.weight())).append(", ")
          .append(t.percent() == null ? "not scored yet" : num(t.percent()) + " %").append("</span></").append(task).append(">\n");
      h.append("<table><tr><th>Check</th><th>Clause</th><th>Points</th><th>Earned</th><th>Status</th><th>Because</th></tr>");
      for (CheckScore c : sheet.checks()) {
        if (!c.task().equals(t.task())) continue;
        h.append("<tr><td>").append(esc(c.check())).append("</td><td>").append(esc(c.clause())).append("</td><td>")
            .append(num(c.points())).append("</td><td>").append(c.earned() == null ? "—" : num(c.earned())).append("</td><td class=\"")
            .append(c.status().name().toLowerCase(Locale.ROOT)).append("\">").append(c.status().name().toLowerCase(Locale.ROOT))
            .append("</td><td>").append(esc(c.because())).append(marksOf(marks, c.check())).append("</td></tr>");
      }
      h.append("</table>\n");
      if (suiteTask.isPresent() && suiteTask.get().equals(t.task())) SuiteSheetHtml.append(h, actions);
    }
  }

  /**
   * Every judgement with its aspect, each examiner's mark, the combined mark and the rubric's
   * descriptor of it, so the sheet says what the mark means and not only its number.
   */
  private static void judgements(StringBuilder h, StationResult r) {
    h.append("<h2>Examiners' marks</h2>\n");
    List<CheckDef> judged = r.scenario().checks().stream().filter(c -> c.kind() == CheckDef.Kind.JUDGEMENT).toList();
    if (judged.isEmpty()) {
      h.append("<p>No judgement in this scenario.</p>\n");
      return;
    }
    if (r.marks().isEmpty()) h.append("<p>No judgement marked yet.</p>\n");
    h.append("<table><tr><th>Check</th><th>Aspect</th><th>Marks (0-3)</th><th>Combined (median)</th><th>Descriptor of the mark</th></tr>");
    for (CheckDef c : judged) {
      Map<String, Integer> given = r.marks().getOrDefault(c.id(), Map.of());
      StringBuilder each = new StringBuilder();
      new java.util.TreeMap<>(given).forEach((who, m) -> each.append(each.length() == 0 ? "" : ", ").append(who).append(": ").append(m));
      h.append("<tr class=\"judgement\"><td>").append(esc(c.id())).append("</td><td>").append(esc(c.judge().map(Localized::en).orElse("")))
          .append("</td><td>").append(given.isEmpty() ? "—" : esc(each.toString())).append("</td><td>");
      if (given.isEmpty()) {
        h.append("—</td><td class=\"unmarked\">not marked yet</td></tr>");
        continue;
      }
      int combined = org.twinlab.runtime.session.Marks.median(List.copyOf(given.values()));
      h.append(combined).append(r.disagreements().contains(c.id()) ? " <b>— examiners disagree by 2 or more</b>" : "").append("</td><td>")
          .append(esc(c.rubric().map(rb -> combined + ": " + rb.descriptor(combined).en()).orElse(""))).append("</td></tr>");
    }
    h.append("</table>\n");
  }

  /** What staff did on the candidate's twin: listed apart, as none of it is the candidate's work. */
  private static void interventions(StringBuilder h, List<Intervention> all) {
    h.append("<h3>Interventions by staff (").append(all.size()).append(")</h3>\n");
    if (all.isEmpty()) {
      h.append("<p>None.</p>\n");
      return;
    }
    h.append("<p class=\"small\">Not the candidate's work: no check counts them.</p>\n");
    h.append("<table><tr><th>Time</th><th>Who</th><th>Role</th><th>Action</th><th>Details</th><th>Outcome</th></tr>");
    for (Intervention i : all.subList(0, Math.min(all.size(), ACTIONS_SHOWN))) {
      h.append("<tr><td>").append(mmss(Duration.ofSeconds(i.elapsedSeconds()))).append("</td><td>").append(esc(i.who()))
          .append("</td><td>").append(esc(i.role())).append("</td><td>").append(esc(i.kind())).append("</td><td>")
          .append(esc(abbreviate(new java.util.TreeMap<>(i.fields()).toString(), 120))).append("</td><td>").append(esc(i.outcome()))
          .append(i.detail().isEmpty() ? "" : ": " + esc(i.detail())).append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private static String marksOf(Map<String, Map<String, Integer>> marks, String check) {
    Map<String, Integer> m = marks.get(check);
    return m == null || m.isEmpty() ? "" : " [" + m.size() + " examiner(s)]";
  }

  private static String clockLine(List<StationClock.Entry> log) {
    if (log.isEmpty()) return "";
    StringBuilder s = new StringBuilder();
    for (StationClock.Entry e : log) {
      s.append("; ").append(e.what()).append(" at ").append(mmss(e.elapsed())).append(" by ").append(e.by());
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

  private static final String CSS = "body{font-family:sans-serif;font-size:10pt;margin:1.5em}"
      + "h1{font-size:16pt;margin:0 0 .5em}h2{font-size:12pt;margin:1.2em 0 .4em;border-bottom:1px solid #999}"
      + "h3{font-size:10.5pt;margin:.8em 0 .3em}h4{font-size:10pt;margin:.6em 0 .2em}table{border-collapse:collapse;width:100%;margin-bottom:.5em}"
      + "th,td{border:1px solid #bbb;padding:2px 5px;text-align:left;vertical-align:top}th{background:#eee}"
      + "table.facts th{width:22%}.verdict{font-size:12pt;font-weight:bold;padding:6px;border:2px solid}"
      + ".pass{border-color:#2a7a2a;color:#2a7a2a}.fail{border-color:#a22;color:#a22}.failed{color:#a22}.passed{color:#2a7a2a}"
      + ".unmarked,.pending,.indeterminate{color:#a60}.verdict.pending{border-color:#a60}.small{font-size:8.5pt;color:#555}code{font-family:monospace}";
}
