package org.twinlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.twinlab.runtime.scenario.InsecureVariant;
import org.twinlab.runtime.scenario.Mutant;
import org.twinlab.runtime.scenario.SuiteResult;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.ScenarioRun;

/**
 * Prints each test suite and security script a run submitted as a matrix: one row per case with its
 * result on the correct twin, one column per faulty or insecure variant (x where the case caught it),
 * and a legend saying which cases caught each variant.
 *
 * <pre>
 * -- test suite at 15:00: 6 of 6 faulty variants detected, 0 false failures in 5 cases
 *     #  correct        A B C D E F  case
 *     1  pass           x . . x . .  level follows the setpoint
 *     A wrong_scale (tank.level scaled by 0.1): caught by 1
 * </pre>
 */
final class SuiteMatrixPrinter {
  private SuiteMatrixPrinter() {}

  static void print(ScenarioRun run, PrintWriter out) {
    String rig = run.scenario().rigs().size() == 1 ? run.scenario().rig() : "";
    for (ActionRecord a : run.actions()) {
      boolean security = a.kind().equals("security_suite");
      boolean mapping = a.kind().equals("mapping_test");
      if (!(security || mapping || a.kind().equals("test_suite")) || !a.outcome().accepted()) continue;
      Optional<SuiteResult> graded = SuiteResult.from(a.outcome().result());
      if (graded.isEmpty()) continue;
      long s = a.elapsed().toSeconds();
      out.printf(Locale.ROOT, "-- %s at %d:%02d: %s%n", security ? "security script" : mapping ? "mapping test" : "test suite", s / 60, s % 60,
          a.outcome().detail());
      print(graded.get(), security ? insecure(rig) : faulty(rig), out);
    }
  }

  /** What each faulty variant of a rig's twin is, by its kind. */
  static Map<String, String> faulty(String rig) {
    Map<String, String> out = new LinkedHashMap<>();
    Mutant.forModel(rig).forEach(m -> out.put(m.kind(), m.describe()));
    return out;
  }

  /** What each insecure variant of a rig's twin is, by its kind. */
  static Map<String, String> insecure(String rig) {
    Map<String, String> out = new LinkedHashMap<>();
    InsecureVariant.forModel(rig).forEach(v -> out.put(v.kind(), v.describe()));
    return out;
  }

  /** @param described what each variant is, by its kind, for the legend */
  static void print(SuiteResult r, Map<String, String> described, PrintWriter out) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "    %2s  %-13s ", "#", "correct"));
    for (int v = 0; v < r.variants().size(); v++) head.append(' ').append(letter(v));
    out.println(head.append("  case"));
    for (SuiteResult.CaseResult c : r.cases()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "    %2d  %-13s ", c.number(),
          c.passes() ? "pass" : "FALSE FAILURE"));
      for (String v : r.variants()) row.append(' ').append(c.caught(v) ? 'x' : '.');
      out.println(row.append("  ").append(c.name()));
      if (!c.passes()) out.println("        why: " + c.why());
    }
    for (int v = 0; v < r.variants().size(); v++) {
      String kind = r.variants().get(v);
      String what = described.containsKey(kind) ? " (" + described.get(kind) + ")" : "";
      List<Integer> by = r.caughtBy(kind);
      out.printf(Locale.ROOT, "    %s %s%s: %s%n", letter(v), kind, what, by.isEmpty() ? "NOT CAUGHT"
          : "caught by " + String.join(", ", by.stream().map(String::valueOf).toList()));
    }
  }

  private static char letter(int i) {
    return (char) ('A' + i);
  }
}
