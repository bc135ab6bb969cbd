package org.twinlab.runtime.sheets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.expr.Expr;
import org.twinlab.runtime.scenario.SuiteResult;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.model.TaskDef;

/**
 * The test suites and security scripts a candidate submitted, in full, for the sheet's task that
 * scores them: per case its result on the correct twin (and why a false failure failed), per faulty
 * or insecure variant whether the case caught it, and which cases caught each variant.
 */
final class SuiteSheetHtml {
  /** The actions graded against variants, and the key of the sheet's word that names each. */
  private static final Map<String, String> SUITES = Map.of("test_suite", "suite.test_suite", "security_suite", "suite.security_suite",
      "mapping_test", "suite.mapping_test");

  private SuiteSheetHtml() {}

  /** Whether a task is the one that scores submitted suites: a check of it reads action.test_suite or action.security_suite. */
  static boolean scoresSuites(TaskDef task) {
    return task.checks().stream().flatMap(c -> c.measure().stream()).flatMap(m -> CheckParser.references(m).stream())
        .anyMatch(e -> e instanceof Expr.EventMatch m && SUITES.keySet().stream().anyMatch(k -> m.kind().equals("action." + k)));
  }

  static void append(StringBuilder h, List<ActionRecord> actions, SheetLanguage l) {
    for (ActionRecord a : actions) {
      if (!SUITES.containsKey(a.kind()) || !a.outcome().accepted()) continue;
      Optional<SuiteResult> graded = SuiteResult.from(a.outcome().result());
      if (graded.isEmpty()) continue;
      SuiteResult r = graded.get();
      h.append("<p class=\"small\">").append(SheetHtml.esc(l.f("submitted", l.w(SUITES.get(a.kind())), SheetHtml.mmss(a.elapsed()), a.who())))
          .append(SheetHtml.esc(l.suiteDetail(a.kind(), a.outcome().detail(), a.outcome().result()))).append("</p>\n");
      h.append("<table class=\"suite\"><tr><th>#</th><th>").append(SheetHtml.esc(l.w("case"))).append("</th><th>")
          .append(SheetHtml.esc(l.w("correctTwin"))).append("</th>");
      for (String v : r.variants()) h.append("<th class=\"small\">").append(SheetHtml.esc(v)).append("</th>");
      h.append("</tr>");
      for (SuiteResult.CaseResult c : r.cases()) {
        h.append("<tr><td>").append(c.number()).append("</td><td>").append(SheetHtml.esc(c.name())).append("</td><td class=\"")
            .append(c.passes() ? "passed\">" + SheetHtml.esc(l.w("pass")) : "failed\">" + SheetHtml.esc(l.w("falseFailure") + c.why())).append("</td>");
        for (String v : r.variants()) h.append("<td>").append(c.caught(v) ? SheetHtml.esc(l.w("caught")) : "—").append("</td>");
        h.append("</tr>");
      }
      h.append("<tr><th></th><th>").append(SheetHtml.esc(l.w("caughtBy"))).append("</th><th></th>");
      for (String v : r.variants()) {
        List<Integer> by = r.caughtBy(v);
        h.append("<td class=\"").append(by.isEmpty() ? "failed\">" + SheetHtml.esc(l.w("noCase")) : "passed\">" + String.join(", ", by.stream().map(String::valueOf).toList()))
            .append("</td>");
      }
      h.append("</tr></table>\n");
    }
  }
}
