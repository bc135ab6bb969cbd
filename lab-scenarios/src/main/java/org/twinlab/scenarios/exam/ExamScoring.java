package org.twinlab.scenarios.exam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.SkillFunction;
import org.twinlab.scenarios.standard.Standard;

/**
 * Scores an exam in points, so an examiner can redo it by hand: a function's contribution is its
 * level weight times the points earned over the points possible on every check of every part whose
 * clause is of that function. Undecided checks and parts never started count as possible, never as
 * earned, so the total never overstates.
 */
public final class ExamScoring {
  private final Scoring scoring;
  private final Standard standard;

  public ExamScoring(Standard standard) {
    this.standard = standard;
    this.scoring = new Scoring(standard);
  }

  /** What a part's run produced: the engine's verdicts and the examiners' marks, by check id. */
  public record PartResult(Map<String, Verdict> verdicts, Map<String, Integer> marks) {
    public PartResult {
      verdicts = Map.copyOf(verdicts);
      marks = Map.copyOf(marks);
    }
  }

  /** @param results by part id; a part without a result was never started */
  public ExamSheet score(Exam exam, Map<String, PartResult> results) {
    Map<String, ScoreSheet> sheets = new LinkedHashMap<>();
    results.forEach((part, r) -> exam.part(part).ifPresent(p -> sheets.put(part, scoring.score(p.scenario(), r.verdicts(), r.marks()))));
    return combine(exam, sheets);
  }

  /**
   * The exam's sheet from its parts' own sheets, as a live session scores each part's station.
   *
   * @param sheets by part id; a part without a sheet was never started
   */
  public ExamSheet combine(Exam exam, Map<String, ScoreSheet> sheets) {
    List<ExamSheet.PartScore> parts = new ArrayList<>();
    Map<String, double[]> byFunction = new LinkedHashMap<>(); // key → {earned, possible, undecided}
    double undecided = 0;
    for (ExamPart part : exam.parts()) {
      ScoreSheet given = sheets.get(part.id());
      boolean started = given != null;
      ScoreSheet sheet = started ? given : scoring.score(part.scenario(), Map.of(), Map.of());
      double earned = 0;
      double possible = 0;
      for (CheckScore c : sheet.checks()) {
        double[] f = byFunction.computeIfAbsent(c.function(), k -> new double[3]);
        double got = c.earned() == null ? 0 : c.earned();
        f[0] += got;
        f[1] += c.points();
        if (c.earned() == null && started) { // a part never started is decided: nothing earned
          f[2] += c.points();
          undecided += c.points();
        }
        earned += got;
        possible += c.points();
      }
      parts.add(new ExamSheet.PartScore(part.id(), started, sheet, earned, possible));
    }
    List<ExamSheet.FunctionPoints> functions = new ArrayList<>();
    double total = 0;
    for (SkillFunction f : standard.functions(exam.level())) {
      double[] acc = byFunction.getOrDefault(f.key(), new double[3]);
      Double percent = acc[1] == 0 ? null : 100 * acc[0] / acc[1];
      double contribution = acc[1] == 0 ? 0 : f.weight() * acc[0] / acc[1];
      functions.add(new ExamSheet.FunctionPoints(f.key(), f.name(), f.weight(), acc[0], acc[1], acc[2], percent, contribution));
      total += contribution;
    }
    return new ExamSheet(exam.id(), exam.version(), "L" + exam.level().number(), parts, functions, total,
        exam.passMark(), total >= exam.passMark() - 1e-9, undecided);
  }
}
