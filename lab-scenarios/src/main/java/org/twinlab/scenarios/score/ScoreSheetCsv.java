package org.twinlab.scenarios.score;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.twinlab.scenarios.model.CheckDef;

/**
 * Score sheets as CSV, the one form every export takes (a scenario's dry run, a whole session's
 * results): one row per check, the form skill-competition marking systems take marks in. The
 * columns are {@link #COLUMNS}, described in lab-scenarios' README.
 *
 * <p>RFC 4180 (commons-csv): a cell with a comma, quote or line break is quoted, quotes doubled,
 * rows end in CRLF; an empty first cell is written {@code ""} so that no row starts blank. Text
 * that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return: a candidate's name, an examiner's note, a scenario
 * author's id) is prefixed with {@code '}, so it shows as written and never runs.
 * Numbers the sheet computes are written bare. The file starts with a UTF-8 byte-order mark:
 * without it Excel reads the file in the system's code page and garbles the Chinese names and
 * texts; the history exports do the same.
 */
public final class ScoreSheetCsv {
  public static final List<String> COLUMNS = List.of("session", "station", "candidate", "candidate_name", "scenario", "version",
      "level", "task", "function", "clause", "check", "kind", "points", "earned", "status", "because", "examiner_marks", "total",
      "pass_mark", "passed", "provisional", "interventions");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  /**
   * Who sat a sheet, for a session's results; {@link #NONE} for a sheet no one sat (a dry run).
   *
   * @param marks each judged check's examiners' marks, by check id then examiner
   * @param interventions what staff did at the station, as one text
   */
  public record Sitting(String session, String station, String candidate, String candidateName,
      Map<String, Map<String, Integer>> marks, String interventions) {
    public static final Sitting NONE = new Sitting("", "", "", "", Map.of(), "");

    public Sitting {
      marks = Map.copyOf(marks);
    }
  }

  /** One sheet and who sat it. */
  public record Entry(Sitting sitting, ScoreSheet sheet) {}

  private ScoreSheetCsv() {}

  /** One sheet no one sat: a scenario's dry run. */
  public static void write(ScoreSheet sheet, Appendable out) throws IOException {
    write(List.of(new Entry(Sitting.NONE, sheet)), out);
  }

  public static void write(List<Entry> entries, Appendable out) throws IOException {
    out.append('\uFEFF');
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    for (Entry e : entries) {
      for (CheckScore c : e.sheet().checks()) p.printRecord(row(e.sitting(), e.sheet(), c));
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

  private static List<String> row(Sitting who, ScoreSheet s, CheckScore c) {
    Map<String, Integer> marks = who.marks().get(c.check());
    return List.of(text(who.session()), text(who.station()), text(who.candidate()), text(who.candidateName()), text(s.scenario()),
        Integer.toString(s.version()), text(s.level()), text(c.task()), text(c.function()), text(c.clause()), text(c.check()),
        c.kind() == CheckDef.Kind.MEASUREMENT ? "measurement" : "judgement", number(c.points()),
        c.earned() == null ? "" : number(c.earned()), c.status().name().toLowerCase(Locale.ROOT), text(c.because()),
        marks == null ? "" : text(marks(marks)), number(s.total()), number(s.passMark()), Boolean.toString(s.passed()),
        Boolean.toString(s.provisional()), text(who.interventions()));
  }

  /** Examiners' marks as {@code exam1=3; exam2=2}, by examiner name. */
  private static String marks(Map<String, Integer> marks) {
    return new TreeMap<>(marks).entrySet().stream().map(m -> m.getKey() + "=" + m.getValue()).collect(Collectors.joining("; "));
  }

  /** A computed number as every export writes it: whole numbers bare, others to two decimals. */
  public static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  /** Text as a spreadsheet shows it and never runs: a leading formula character is escaped with '. */
  public static String text(String v) {
    if (v == null || v.isEmpty()) return "";
    return "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }
}
