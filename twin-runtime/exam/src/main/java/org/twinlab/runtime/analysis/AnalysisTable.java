package org.twinlab.runtime.analysis;

import java.util.Locale;
import java.util.stream.Collectors;

/** Item analysis as plain text for a terminal: one table of checks and one of judgements per scenario. */
public final class AnalysisTable {
  private AnalysisTable() {}

  public static String of(SessionAnalysis a) {
    StringBuilder out = new StringBuilder();
    out.append("Item analysis of session ").append(a.session()).append(" (").append(a.title()).append("), sealed ")
        .append(a.evidenceHead()).append('\n');
    if (a.scenarios().isEmpty()) out.append("No station of it started: there is nothing to analyse.\n");
    for (ScenarioAnalysis s : a.scenarios()) {
      out.append('\n').append(s.scenario()).append(" v").append(s.version()).append(": ").append(s.candidates())
          .append(s.candidates() == 1 ? " candidate" : " candidates").append(" (").append(String.join(", ", s.stations())).append(")\n");
      int width = Math.max(5, s.checks().stream().mapToInt(c -> c.check().length()).max().orElse(5));
      out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-11s %4s %3s %6s %5s %7s %7s  %s%n", "check", "kind", "pts", "n",
          "passed", "p", "r-rest", "r-total", "flags"));
      for (CheckItem c : s.checks()) {
        String flags = c.flags().stream().map(CheckItem.Flag::key).collect(Collectors.joining(", "));
        if (c.note() != null) flags = flags.isEmpty() ? "(" + c.note() + ")" : flags + " (" + c.note() + ")";
        out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-11s %4s %3d %6d %5s %7s %7s  %s%n", c.check(), c.kind(),
            number(c.points()), c.candidates(), c.passed(), figure(c.p()), figure(c.discrimination()), figure(c.totalCorrelation()), flags)
            .stripTrailing()).append('\n');
      }
      for (JudgementAgreement j : s.judgements()) {
        out.append("  judgement ").append(j.check()).append(": ");
        out.append(j.alpha() == null ? "alpha not defined (" + j.note() + ")" : "alpha " + figure(j.alpha()));
        out.append(", ").append(j.examiners().size()).append(" examiner(s) over ").append(j.stations()).append(" station(s), ")
            .append(j.marks()).append(" marks\n");
        for (MarkSpread m : j.spread()) {
          out.append("    ").append(m.wide() ? "wide  " : "split ").append(m.station()).append(" (").append(m.candidate()).append("): ")
              .append(m.marks().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))
              .append(", range ").append(m.range()).append('\n');
        }
      }
    }
    out.append("\np: mean share of the points earned (measurements: share passed). r-rest: discrimination, the corrected item-total\n"
        + "correlation (Pearson; point-biserial for a measurement) with the points on the other checks. r-total: the same with the\n"
        + "sheet's total. alpha: Krippendorff's alpha for ordinal marks 0-3, each examiner's own mark. Discrimination flags need "
        + ItemAnalysis.FLAG_FROM + " or more candidates.\n");
    return out.toString();
  }

  private static String figure(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
