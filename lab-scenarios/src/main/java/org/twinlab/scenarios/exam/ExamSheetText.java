package org.twinlab.scenarios.exam;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * An exam sheet as plain text for a terminal, in the order an examiner checks it by hand: each
 * part's points, each function's points with its weight and contribution, then the total.
 */
public final class ExamSheetText {
  private ExamSheetText() {}

  public static void print(ExamSheet s, PrintWriter out) {
    out.printf(Locale.ROOT, "%-40s %-8s %8s %8s%n", "part", "sat", "earned", "possible");
    for (ExamSheet.PartScore p : s.parts()) {
      out.printf(Locale.ROOT, "%-40s %-8s %8.1f %8.1f%n", p.part(), p.started() ? "yes" : "no", p.earned(), p.possible());
    }
    out.printf(Locale.ROOT, "%-28s %6s %8s %8s %13s%n", "function", "weight", "earned", "possible", "contribution");
    for (ExamSheet.FunctionPoints f : s.functions()) {
      out.printf(Locale.ROOT, "%-28s %6d %8.1f %8.1f %13.2f%n", f.function(), f.weight(), f.earned(), f.possible(), f.contribution());
    }
    out.printf(Locale.ROOT, "total %.2f of 100 (Σ weight × earned / possible), pass mark %s: %s%s%n", s.total(), trim(s.passMark()),
        s.passed() ? "PASSED" : "FAILED", s.provisional() ? String.format(Locale.ROOT, " (provisional: %.1f points undecided)", s.undecided()) : "");
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
