package org.twinlab.scenarios.score;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A score sheet as CSV, one row per marking aspect with its clause, kind (M: measured by the
 * engine, J: judged by examiners on the 0-3 scale), points and result: the form skill-competition
 * marking systems take marks in. UTF-8 with a byte-order mark so spreadsheets read Chinese text.
 */
public final class ScoreSheetCsv {
  public static final List<String> COLUMNS = List.of("scenario", "version", "level", "task", "aspect", "type", "clause", "function",
      "points", "earned", "status", "because");

  private ScoreSheetCsv() {}

  public static void write(ScoreSheet s, Writer out) throws IOException {
    out.write('\uFEFF');
    out.write(String.join(",", COLUMNS));
    out.write("\r\n");
    for (CheckScore c : s.checks()) {
      List<String> row = List.of(s.scenario(), Integer.toString(s.version()), s.level(), c.task(), c.check(),
          c.kind() == org.twinlab.scenarios.model.CheckDef.Kind.MEASUREMENT ? "M" : "J", c.clause(), c.function(),
          number(c.points()), c.earned() == null ? "" : number(c.earned()), c.status().name().toLowerCase(Locale.ROOT), c.because());
      out.write(String.join(",", row.stream().map(ScoreSheetCsv::quoted).toList()));
      out.write("\r\n");
    }
    out.flush();
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
  private static String quoted(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
