package org.twinlab.scenarios.fairness;

import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.TaskDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.standard.Clause;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;

/**
 * The standard's clauses against a set of scenarios, as an exam body files it: per level and
 * clause, which scenarios assess it (a check evidences its own clause, else its task's, as
 * {@code Scoring} assigns it), with how many points and what share of the reference's total, and
 * whether a candidate who does nothing earns any of them, and which exams set those checks. A clause is assessed idle-proof when some
 * scenario assesses it and no idle candidate earns points on it.
 */
public record ClauseCoverage(int scenarios, List<LevelCoverage> levels) {
  public ClauseCoverage {
    levels = List.copyOf(levels);
  }

  /** One scenario's two runs: its reference solution's sheet and an idle candidate's (judgements marked 0). */
  public record Sheets(ScoreSheet reference, ScoreSheet idle) {}

  /** A library exam that sets the scenario with checks of the clause, and those checks' points in the part. */
  public record ExamUse(String exam, double points) {}

  /**
   * How one scenario assesses one clause.
   *
   * @param points the points of the scenario's checks of that clause
   * @param share what those checks add to the reference's total, in points of 100
   * @param idleEarned what the idle candidate earns on them
   * @param exams the exams whose parts keep some of those checks
   */
  public record Assessment(String scenario, double points, double share, double idleEarned, List<ExamUse> exams) {
    public Assessment {
      exams = List.copyOf(exams);
    }

    public boolean idleProof() {
      return idleEarned == 0;
    }
  }

  /** One clause and the scenarios that assess it, in the order the scenarios were given. */
  public record ClauseRow(Clause clause, List<Assessment> by) {
    public ClauseRow {
      by = List.copyOf(by);
    }

    public boolean assessed() {
      return !by.isEmpty();
    }

    public boolean idleProof() {
      return assessed() && by.stream().allMatch(Assessment::idleProof);
    }
  }

  /** One level's clauses, in the standard's order. */
  public record LevelCoverage(Level level, List<ClauseRow> clauses) {
    public LevelCoverage {
      clauses = List.copyOf(clauses);
    }

    public int total() {
      return clauses.size();
    }

    public int assessed() {
      return (int) clauses.stream().filter(ClauseRow::assessed).count();
    }

    public int idleProof() {
      return (int) clauses.stream().filter(ClauseRow::idleProof).count();
    }

    public double assessedPercent() {
      return percent(assessed());
    }

    public double idleProofPercent() {
      return percent(idleProof());
    }

    private double percent(int n) {
      return total() == 0 ? 0 : 100.0 * n / total();
    }
  }

  public int total() {
    return levels.stream().mapToInt(LevelCoverage::total).sum();
  }

  public int assessed() {
    return levels.stream().mapToInt(LevelCoverage::assessed).sum();
  }

  public int idleProof() {
    return levels.stream().mapToInt(LevelCoverage::idleProof).sum();
  }

  /** Every level of the standard that has clauses, from the highest (L5) down. */
  public static ClauseCoverage of(Standard standard, List<Sheets> scenarios) {
    return of(standard, scenarios, List.of());
  }

  /** As {@link #of(Standard, List)}, with the exams that set each scenario for each clause. */
  public static ClauseCoverage of(Standard standard, List<Sheets> scenarios, List<Exam> exams) {
    List<LevelCoverage> levels = new ArrayList<>();
    for (Level level : Level.values()) {
      List<Clause> clauses = standard.clauses(level);
      if (clauses.isEmpty()) continue;
      List<ClauseRow> rows = new ArrayList<>();
      for (Clause c : clauses) {
        List<Assessment> by = new ArrayList<>();
        for (Sheets s : scenarios) assessment(c, s, exams).ifPresent(by::add);
        rows.add(new ClauseRow(c, by));
      }
      levels.add(new LevelCoverage(level, rows));
    }
    return new ClauseCoverage(scenarios.size(), levels);
  }

  private static java.util.Optional<Assessment> assessment(Clause clause, Sheets s, List<Exam> exams) {
    List<CheckScore> checks = s.reference().checks().stream().filter(c -> clause.reference().equals(c.clause())).toList();
    if (checks.isEmpty()) return java.util.Optional.empty();
    Map<String, Double> shares = TaskShares.byCheck(s.reference());
    double points = checks.stream().mapToDouble(CheckScore::points).sum();
    double share = checks.stream().mapToDouble(c -> shares.getOrDefault(c.check(), 0.0)).sum();
    Map<String, Double> idle = new LinkedHashMap<>();
    s.idle().checks().forEach(c -> idle.put(c.check(), c.earned() == null ? 0.0 : c.earned()));
    double idleEarned = checks.stream().mapToDouble(c -> idle.getOrDefault(c.check(), 0.0)).sum();
    return java.util.Optional.of(new Assessment(s.reference().scenario(), points, share, idleEarned, uses(clause, s.reference().scenario(), exams)));
  }

  /** The exams whose part of this scenario keeps checks of the clause, with their points. */
  private static List<ExamUse> uses(Clause clause, String scenario, List<Exam> exams) {
    List<ExamUse> out = new ArrayList<>();
    for (Exam e : exams) {
      e.part(scenario).ifPresent(part -> {
        double points = 0;
        for (TaskDef t : part.scenario().tasks()) {
          for (CheckDef c : t.checks()) {
            if (clause.reference().equals(c.clause().orElse(t.clause()))) points += c.points();
          }
        }
        if (points > 0) out.add(new ExamUse(e.id(), points));
      });
    }
    return out;
  }
}
