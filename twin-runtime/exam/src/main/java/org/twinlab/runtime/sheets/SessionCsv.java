package org.twinlab.runtime.sheets;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.score.CheckScore;

/**
 * A whole session's results as one CSV: a row per station and check, with each station's total,
 * verdict and what staff did on its twin (interventions).
 */
public final class SessionCsv {
  static final String[] HEADER = {"session", "station", "candidate", "scenario", "level", "task", "check", "clause", "function",
      "kind", "points", "earned", "status", "examiner_marks", "total", "pass_mark", "passed", "provisional", "interventions"};

  private SessionCsv() {}

  /** Staff's interventions at the station, as "who (role) kind: outcome" joined by "; ": none counts for the candidate. */
  static String interventions(StationResult r) {
    return r.interventions().stream().map(i -> i.who() + " (" + i.role() + ") " + i.kind() + ": " + i.outcome())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public static String of(List<StationResult> results) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      for (StationResult r : results) {
        var sheet = r.sheet();
        for (CheckScore c : sheet.checks()) {
          var marks = r.marks().get(c.check());
          p.printRecord(r.session(), r.station(), r.candidate(), r.scenario().id(), sheet.level(), c.task(), c.check(), c.clause(),
              c.function(), c.kind().name().toLowerCase(Locale.ROOT), c.points(), c.earned() == null ? "" : c.earned(),
              c.status().name().toLowerCase(Locale.ROOT), marks == null ? "" : new java.util.TreeMap<>(marks).toString(),
              String.format(Locale.ROOT, "%.2f", sheet.total()), sheet.passMark(), sheet.passed(), sheet.provisional(),
              interventions(r));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
