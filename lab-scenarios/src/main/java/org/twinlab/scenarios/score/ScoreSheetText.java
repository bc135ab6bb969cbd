package org.twinlab.scenarios.score;

import java.io.PrintWriter;
import java.util.Locale;

/** A score sheet as plain text for a terminal: checks with their clause, then tasks, functions and the total. */
public final class ScoreSheetText {
  private ScoreSheetText() {}

  public static void print(ScoreSheet s, PrintWriter out) {
    out.printf(Locale.ROOT, "%-28s %-13s %-14s %6s %6s  %s%n", "check", "status", "clause", "points", "earned", "because");
    for (CheckScore c : s.checks()) {
      out.printf(Locale.ROOT, "%-28s %-13s %-14s %6.1f %6s  %s%n", c.check(), c.status().name().toLowerCase(Locale.ROOT),
          c.clause().substring(c.clause().indexOf(' ') + 1), c.points(),
          c.earned() == null ? "-" : String.format(Locale.ROOT, "%.1f", c.earned()), c.because());
    }
    for (TaskScore t : s.tasks()) {
      out.printf(Locale.ROOT, "task %-23s weight %-4s %s%n", t.task(), trim(t.weight()), percent(t.percent()));
    }
    for (FunctionScore f : s.functions()) {
      out.printf(Locale.ROOT, "function %-19s weight %-4d %s%n", f.function(), f.weight(), percent(f.percent()));
    }
    out.printf(Locale.ROOT, "total %.1f of 100, pass mark %s: %s%s%n", s.total(), trim(s.passMark()), s.passed() ? "PASSED" : "FAILED",
        s.provisional() ? " (provisional: " + s.flagged().size() + " items for the examiners)" : "");
  }

  private static String percent(Double p) {
    return p == null ? "not scored yet" : String.format(Locale.ROOT, "%.1f %%", p);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
