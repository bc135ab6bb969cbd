package org.twinlab.runtime.sheets;

import java.util.List;
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
    return of(exam, sheet, candidate, SheetLanguage.EN);
  }

  /** The sheet in {@code l}. */
  public static String of(Exam exam, ExamSheet sheet, String candidate, SheetLanguage l) {
    StringBuilder h = new StringBuilder(16_384);
    SheetHtml.head(h, l, l.w("examSheet") + " " + (candidate == null ? "" : candidate + " ") + exam.id());
    h.append("<h1>").append(SheetHtml.esc(l.w("examSheet"))).append("</h1>\n<table class=\"facts\">");
    if (candidate != null) SheetHtml.fact(h, l.w("candidate"), candidate);
    SheetHtml.fact(h, l.w("exam"), l.pick(exam.title()) + " — " + exam.id() + " v" + exam.version());
    SheetHtml.fact(h, l.w("levelAndTime"), l.f("minutesParts", l.level(exam.level()), exam.timeLimit().toMinutes(), exam.parts().size(),
        l.w(exam.order() == Exam.Order.GIVEN ? "givenOrder" : "pickedOrder")));
    h.append("</table>\n");

    boolean begun = sheet.parts().stream().anyMatch(ExamSheet.PartScore::started);
    functions(h, sheet, begun, l);
    for (int i = 0; i < sheet.parts().size(); i++) part(h, i + 1, exam, sheet.parts().get(i), l);

    h.append("<h2>").append(SheetHtml.esc(l.w("result"))).append("</h2>\n");
    if (!begun) {
      // an exam no part of which has begun has decided nothing: no total and no verdict
      h.append("<p class=\"verdict pending\">").append(SheetHtml.esc(l.f("examNotStarted", sheet.passMark()))).append("</p>\n");
    } else if (sheet.provisional()) {
      // no verdict while points are open: the total counts them as possible and earning nothing, so it can only rise
      h.append("<p class=\"verdict pending\">").append(SheetHtml.esc(l.f("examProvisional", sheet.total(), SheetHtml.num(sheet.undecided()),
          sheet.passMark()))).append("</p>\n");
    } else {
      h.append("<p class=\"verdict ").append(sheet.passed() ? "pass" : "fail").append("\">")
          .append(SheetHtml.esc(l.f("total", sheet.total(), sheet.passMark(), l.w(sheet.passed() ? "PASSED" : "FAILED"))))
          .append("</p>\n");
    }
    h.append("<p class=\"small\">").append(SheetHtml.esc(l.w("contributionNote"))).append("</p>\n</body></html>\n");
    return h.toString();
  }

  /** The level's functions: points over every part, weight and contribution, and their sum. */
  private static void functions(StringBuilder h, ExamSheet sheet, boolean begun, SheetLanguage l) {
    h.append("<h2>").append(SheetHtml.esc(l.w("functions"))).append("</h2>\n<table><tr>");
    for (String k : List.of("function", "weight", "earned", "possible", "notDecided", "score", "contribution")) {
      h.append("<th>").append(SheetHtml.esc(l.w(k))).append("</th>");
    }
    h.append("</tr>");
    int weights = 0;
    for (ExamSheet.FunctionPoints f : sheet.functions()) {
      weights += f.weight();
      h.append("<tr class=\"function\"><td>").append(SheetHtml.esc(l.pick(f.name()))).append("</td><td>").append(f.weight())
          .append("</td><td>").append(SheetHtml.num(f.earned())).append("</td><td>").append(SheetHtml.num(f.possible()))
          .append("</td><td>").append(f.undecided() == 0 ? "—" : SheetHtml.num(f.undecided())).append("</td><td>")
          .append(f.percent() == null || !begun ? "—" : SheetHtml.num(f.percent()) + " %").append("</td><td>")
          .append(SheetHtml.num(f.contribution())).append("</td></tr>");
    }
    h.append("<tr class=\"subtotal\"><th>").append(SheetHtml.esc(l.w("total.row"))).append("</th><th>").append(weights)
        .append("</th><th></th><th></th><th></th><th></th><th>").append(SheetHtml.num(sheet.total())).append("</th></tr></table>\n");
  }

  /** One part: what it set, whether it started, its points, and its own sheet's scores. */
  private static void part(StringBuilder h, int number, Exam exam, ExamSheet.PartScore score, SheetLanguage l) {
    ExamPart part = exam.part(score.part()).orElseThrow(() -> new IllegalArgumentException(
        "the sheet's part " + score.part() + " is not a part of exam " + exam.id()));
    h.append("<h2>").append(SheetHtml.esc(l.f("part", number, l.pick(part.scenario().title())))).append("</h2>\n")
        .append("<p class=\"part\">").append(SheetHtml.esc(part.id() + " v" + part.scenario().version())).append(", ")
        .append(SheetHtml.esc(l.f("partMinutes", part.time().toMinutes())))
        .append(score.started() ? "" : SheetHtml.esc(l.w("neverStarted")))
        .append(SheetHtml.esc(l.f("partPoints", SheetHtml.num(score.earned()), SheetHtml.num(score.possible())))).append("</p>\n");
    var suiteTask = part.scenario().tasks().stream().filter(SuiteSheetHtml::scoresSuites).map(d -> d.id()).findFirst();
    SheetHtml.scores(h, score.sheet(), 3, Map.of(), suiteTask, List.of(), score.started(), l);
  }
}
