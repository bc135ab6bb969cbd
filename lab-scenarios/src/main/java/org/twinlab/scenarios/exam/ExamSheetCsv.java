package org.twinlab.scenarios.exam;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.twinlab.scenarios.score.ScoreSheetCsv;

/**
 * Exam sheets as CSV, in the form and with the escaping of {@link ScoreSheetCsv} (RFC 4180, a
 * UTF-8 byte-order mark, text that would run as a formula prefixed with {@code '}): per sheet one
 * {@code function} row for each function of the level (its subtotal: earned, possible, undecided,
 * weight, percent, contribution), one {@code part} row for each part (its scenario, whether it
 * started, earned, possible), and one {@code total} row (total, pass mark, passed, provisional).
 * A row leaves empty the columns that are not its own, so each number is read once.
 */
public final class ExamSheetCsv {
  public static final List<String> COLUMNS = List.of("session", "station", "candidate", "candidate_name", "exam", "version", "level",
      "row", "function", "function_name", "part", "scenario", "started", "earned", "possible", "undecided", "weight", "percent",
      "contribution", "total", "pass_mark", "passed", "provisional");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  /** One exam sheet and who sat it ({@link ScoreSheetCsv.Sitting#NONE} for no one). */
  public record Entry(ScoreSheetCsv.Sitting sitting, ExamSheet sheet) {}

  private ExamSheetCsv() {}

  public static void write(ExamSheet sheet, Appendable out) throws IOException {
    write(List.of(new Entry(ScoreSheetCsv.Sitting.NONE, sheet)), out);
  }

  public static void write(List<Entry> entries, Appendable out) throws IOException {
    out.append('\uFEFF');
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    for (Entry e : entries) {
      ExamSheet s = e.sheet();
      for (ExamSheet.FunctionPoints f : s.functions()) {
        p.printRecord(row(e, "function", f.function(), f.name().en(), "", "", "", number(f.earned()), number(f.possible()),
            number(f.undecided()), Integer.toString(f.weight()), f.percent() == null ? "" : number(f.percent()),
            number(f.contribution()), "", "", "", ""));
      }
      for (int i = 0; i < s.parts().size(); i++) {
        ExamSheet.PartScore part = s.parts().get(i);
        p.printRecord(row(e, "part", "", "", Integer.toString(i + 1), part.part(), Boolean.toString(part.started()),
            number(part.earned()), number(part.possible()), "", "", "", "", "", "", "", ""));
      }
      p.printRecord(row(e, "total", "", "", "", "", "", "", "", number(s.undecided()), "", "", "", number(s.total()),
          number(s.passMark()), Boolean.toString(s.passed()), Boolean.toString(s.provisional())));
    }
    p.flush();
  }

  /** The sheets as one text, for an HTTP answer. */
  public static String of(List<Entry> entries) {
    StringWriter out = new StringWriter();
    try {
      write(entries, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** The sitting's and the exam's columns, then the row's own from {@code row} on. */
  private static List<String> row(Entry e, String... own) {
    ScoreSheetCsv.Sitting who = e.sitting();
    ExamSheet s = e.sheet();
    List<String> out = new ArrayList<>(COLUMNS.size());
    out.addAll(List.of(text(who.session()), text(who.station()), text(who.candidate()), text(who.candidateName()), text(s.exam()),
        Integer.toString(s.version()), text(s.level())));
    for (String v : own) out.add(text(v));
    return out;
  }

  private static String text(String v) {
    return ScoreSheetCsv.text(v);
  }

  private static String number(double d) {
    return ScoreSheetCsv.number(d);
  }
}
