package org.twinlab.scenarios.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.ScoreSheetCsv;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/** An exam sheet as CSV: each function's subtotal, each part, and the total, with the numbers ExamScoring computed. */
class ExamSheetCsvTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(STANDARD));
  private static final Instant AT = Instant.parse("2026-01-05T08:10:00Z");

  private static Scenario scenario(String id) {
    return LIBRARY.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static ExamPart part(String id) {
    Scenario s = scenario(id);
    return new ExamPart(s, s.tasks().stream().map(t -> t.id()).toList(), s.timeLimit());
  }

  private static Map<String, Verdict> all(String scenario, Verdict.Outcome outcome) {
    return scenario(scenario).tasks().stream().flatMap(t -> t.checks().stream())
        .collect(Collectors.toMap(c -> c.id(), c -> new Verdict(outcome, AT, "set by the test")));
  }

  /**
   * ExamTest's L4 exam: O&M 11 of 13 points (weight 30: 25.38), testing never started 0 of 19 (25: 0),
   * operation 16 of 16 (45: 45); total 70.38, a pass, final.
   */
  static ExamSheet handSheet() {
    Exam exam = new Exam("l4-hand", 1, Localized.of("hand"), Localized.of("hand"), Level.L4, Duration.ofMinutes(120),
        Exam.Order.GIVEN, 60, List.of(part("l4-debug-tank-level-scale"), part("l4-test-design-cases-conveyor"),
            part("l4-operate-tank-setpoint")), List.of("tank-process"), "test");
    Map<String, Verdict> debug = new HashMap<>(all("l4-debug-tank-level-scale", Verdict.Outcome.PASSED));
    debug.put("alarm-not-broken", new Verdict(Verdict.Outcome.FAILED, AT, "set by the test"));
    return new ExamScoring(STANDARD).score(exam, Map.of(
        "l4-debug-tank-level-scale", new ExamScoring.PartResult(debug, Map.of("record-explains", 2)),
        "l4-operate-tank-setpoint", new ExamScoring.PartResult(all("l4-operate-tank-setpoint", Verdict.Outcome.PASSED), Map.of())));
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    assertThat(csv).startsWith("\uFEFF");
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords();
  }

  private static List<String> cells(CSVRecord r, String... columns) {
    return java.util.Arrays.stream(columns).map(r::get).toList();
  }

  @Test
  void eachFunctionPartAndTheTotalIsARowWithTheScoredNumbers() throws Exception {
    StringBuilder out = new StringBuilder();
    ExamSheetCsv.write(handSheet(), out);
    assertThat(out.toString().lines().findFirst().orElseThrow()).isEqualTo("\uFEFF" + String.join(",", ExamSheetCsv.COLUMNS));
    List<CSVRecord> rows = parse(out.toString());
    assertThat(rows).extracting(r -> r.get("row")).containsExactly("function", "function", "function", "part", "part", "part", "total");
    assertThat(rows).allSatisfy(r -> assertThat(cells(r, "exam", "version", "level")).containsExactly("l4-hand", "1", "L4"));
    String[] subtotal = {"function", "earned", "possible", "undecided", "weight", "percent", "contribution"};
    assertThat(cells(rows.get(0), subtotal)).containsExactly("platform-om", "11", "13", "0", "30", "84.62", "25.38");
    assertThat(cells(rows.get(1), subtotal)).containsExactly("testing", "0", "19", "0", "25", "0", "0");
    assertThat(cells(rows.get(2), subtotal)).containsExactly("operation", "16", "16", "0", "45", "100", "45");
    assertThat(rows.get(0).get("function_name")).isEqualTo("Platform O&M");
    String[] part = {"part", "scenario", "started", "earned", "possible"};
    assertThat(cells(rows.get(3), part)).containsExactly("1", "l4-debug-tank-level-scale", "true", "11", "13");
    assertThat(cells(rows.get(4), part)).containsExactly("2", "l4-test-design-cases-conveyor", "false", "0", "19");
    assertThat(cells(rows.get(5), part)).containsExactly("3", "l4-operate-tank-setpoint", "true", "16", "16");
    assertThat(cells(rows.get(6), "total", "pass_mark", "passed", "provisional", "undecided")).containsExactly("70.38", "60", "true", "false", "0");
    assertThat(rows.get(3).get("weight")).as("a part row carries no function's numbers").isEmpty();
    assertThat(rows.get(0).get("total")).as("a function row carries no total").isEmpty();
  }

  @Test
  void anUnmarkedJudgementLeavesTheSheetProvisionalWithItsPointsUndecided() throws Exception {
    Exam exam = new Exam("l4-hand", 1, Localized.of("hand"), Localized.of("hand"), Level.L4, Duration.ofMinutes(120),
        Exam.Order.GIVEN, 60, List.of(part("l4-debug-tank-level-scale")), List.of("tank-process"), "test");
    ExamSheet sheet = new ExamScoring(STANDARD).score(exam, Map.of(
        "l4-debug-tank-level-scale", new ExamScoring.PartResult(all("l4-debug-tank-level-scale", Verdict.Outcome.PASSED), Map.of())));
    ScoreSheetCsv.Sitting who = new ScoreSheetCsv.Sitting("day-1", "s1", "cand1", "=cmd|' /C calc'!A0", Map.of(), "");
    List<CSVRecord> rows = parse(ExamSheetCsv.of(List.of(new ExamSheetCsv.Entry(who, sheet))));
    assertThat(cells(rows.get(0), "function", "earned", "possible", "undecided", "contribution"))
        .containsExactly("platform-om", "10", "13", "3", "23.08");
    CSVRecord total = rows.get(rows.size() - 1);
    assertThat(cells(total, "row", "total", "passed", "provisional", "undecided")).containsExactly("total", "23.08", "false", "true", "3");
    assertThat(total.get("candidate_name")).as("a name that would run as a formula is shown as written").isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(total.get("session")).isEqualTo("day-1");
  }
}
