package org.twinlab.scenarios.fairness;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.twinlab.scenarios.score.ScoreSheetCsv;

/**
 * Clause coverage as CSV, written as score sheets are ({@link ScoreSheetCsv}: RFC 4180, a UTF-8
 * byte-order mark, formula characters escaped): one row per level, clause and scenario that
 * assesses it; a clause no scenario assesses gets one row with the scenario and its figures empty.
 * The columns are {@link #COLUMNS}, described in lab-scenarios' README.
 */
public final class ClauseCoverageCsv {
  public static final List<String> COLUMNS = List.of("level", "clause", "title", "title_zh", "scenario", "points", "share", "idle_proof", "exams");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  private ClauseCoverageCsv() {}

  public static void write(ClauseCoverage coverage, Appendable out) throws IOException {
    out.append('\uFEFF');
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    for (ClauseCoverage.LevelCoverage level : coverage.levels()) {
      for (ClauseCoverage.ClauseRow row : level.clauses()) {
        String lv = "L" + level.level().number();
        String code = ScoreSheetCsv.text(row.clause().code());
        String title = ScoreSheetCsv.text(row.clause().title().en());
        String titleZh = ScoreSheetCsv.text(row.clause().title().zh());
        if (!row.assessed()) p.printRecord(lv, code, title, titleZh, "", "", "", "", "");
        for (ClauseCoverage.Assessment a : row.by()) {
          p.printRecord(lv, code, title, titleZh, ScoreSheetCsv.text(a.scenario()), number(a.points()), String.format(Locale.ROOT, "%.1f", a.share()),
              Boolean.toString(a.idleProof()), ScoreSheetCsv.text(String.join(" ", a.exams().stream().map(ClauseCoverage.ExamUse::exam).toList())));
        }
      }
    }
    p.flush();
  }

  public static String of(ClauseCoverage coverage) {
    StringWriter out = new StringWriter();
    try {
      write(coverage, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }
}
