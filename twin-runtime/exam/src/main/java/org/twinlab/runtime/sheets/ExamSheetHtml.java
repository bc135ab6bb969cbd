package org.twinlab.runtime.sheets;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamPart;
import org.twinlab.scenarios.exam.ExamSheet;

/**
 * A candidate's exam sheet as a self-contained XHTML page in the score sheet's style: each
 * function of the level with its points over every part, its weight and its contribution, then
 * each part's own sheet (as a station's sheet shows its scores), then the total out of 100 and pass
 * or fail, provisional while points wait for the run or the examiners.
 */
public final class ExamSheetHtml {
  private ExamSheetHtml() {}

  /** A sheet no one is named on (a dry run of the exam). */
  public static String of(Exam exam, ExamSheet sheet) {
    return of(exam, sheet, null);
  }

  /** @param candidate who sat it, as the sheet names them ("Li Lei (cand1)"), or null */
  public static String of(Exam exam, ExamSheet sheet, String candidate) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>")
        .append("<meta charset=\"UTF-8\" /><title>").append(SheetHtml.esc("Exam sheet " + (candidate == null ? "" : candidate + " ") + exam.id()))
        .append("</title><style>").append(SheetHtml.stylesheet()).append("</style></head>\n<body>\n");
    h.append("<h1>Exam sheet</h1>\n<table class=\"facts\">");
    if (candidate != null) SheetHtml.fact(h, "Candidate", candidate);
    SheetHtml.fact(h, "Exam", exam.title().en() + " — " + exam.id() + " v" + exam.version());
    SheetHtml.fact(h, "Level and time", sheet.level() + "; " + exam.timeLimit().toMinutes() + " minutes; " + exam.parts().size()
        + " parts, " + (exam.order() == Exam.Order.GIVEN ? "in the exam's order" : "in the order the candidate picks"));
    h.append("</table>\n");

    functions(h, sheet);
    for (int i = 0; i < sheet.parts().size(); i++) part(h, i + 1, exam, sheet.parts().get(i));

    h.append("<h2>Result</h2>\n");
    if (sheet.provisional()) {
      // no verdict while points are open: the total counts them as possible and earning nothing, so it can only rise
      h.append("<p class=\"verdict pending\">").append(String.format(Locale.ROOT,
          "Provisional — total so far %.1f of 100 with %s point(s) not decided yet — pass mark %.0f — no result until every point is decided",
          sheet.total(), SheetHtml.num(sheet.undecided()), sheet.passMark())).append("</p>\n");
    } else {
      h.append("<p class=\"verdict ").append(sheet.passed() ? "pass" : "fail").append("\">")
          .append(String.format(Locale.ROOT, "Total %.1f of 100 — pass mark %.0f — %s", sheet.total(), sheet.passMark(),
              sheet.passed() ? "PASSED" : "FAILED"))
          .append("</p>\n");
    }
    h.append("<p class=\"small\">A function's contribution is its weight × the points earned over the points possible on every "
        + "check of every part that scores for it; points not decided yet count as possible, never as earned.</p>\n</body></html>\n");
    return h.toString();
  }

  /** The level's functions: points over every part, weight and contribution, and their sum. */
  private static void functions(StringBuilder h, ExamSheet sheet) {
    h.append("<h2>Functions</h2>\n<table><tr><th>Function</th><th>Weight</th><th>Earned</th><th>Possible</th><th>Not decided</th>")
        .append("<th>Score</th><th>Contribution</th></tr>");
    int weights = 0;
    for (ExamSheet.FunctionPoints f : sheet.functions()) {
      weights += f.weight();
      h.append("<tr class=\"function\"><td>").append(SheetHtml.esc(f.name().en())).append("</td><td>").append(f.weight())
          .append("</td><td>").append(SheetHtml.num(f.earned())).append("</td><td>").append(SheetHtml.num(f.possible()))
          .append("</td><td>").append(f.undecided() == 0 ? "—" : SheetHtml.num(f.undecided())).append("</td><td>")
          .append(f.percent() == null ? "—" : SheetHtml.num(f.percent()) + " %").append("</td><td>")
          .append(SheetHtml.num(f.contribution())).append("</td></tr>");
    }
    h.append("<tr class=\"subtotal\"><th>Total</th><th>").append(weights).append("</th><th></th><th></th><th></th><th></th><th>")
        .append(SheetHtml.num(sheet.total())).append("</th></tr></table>\n");
  }

  /** One part: what it set, whether it started, its points, and its own sheet's scores. */
  private static void part(StringBuilder h, int number, Exam exam, ExamSheet.PartScore score) {
    ExamPart part = exam.part(score.part()).orElseThrow(() -> new IllegalArgumentException(
        "the sheet's part " + score.part() + " is not a part of exam " + exam.id()));
    h.append("<h2>Part ").append(number).append(": ").append(SheetHtml.esc(part.scenario().title().en())).append("</h2>\n")
        .append("<p class=\"part\">").append(SheetHtml.esc(part.id() + " v" + part.scenario().version())).append(", ")
        .append(part.time().toMinutes()).append(" minutes — ")
        .append(score.started() ? "" : "never started, nothing earned — ")
        .append(SheetHtml.num(score.earned())).append(" of ").append(SheetHtml.num(score.possible())).append(" points</p>\n");
    var suiteTask = part.scenario().tasks().stream().filter(SuiteSheetHtml::scoresSuites).map(d -> d.id()).findFirst();
    SheetHtml.scores(h, score.sheet(), 3, Map.of(), suiteTask, List.of());
  }
}
