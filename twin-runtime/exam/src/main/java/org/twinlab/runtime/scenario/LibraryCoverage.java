package org.twinlab.runtime.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.fairness.ClauseCoverage;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Standard;

/**
 * Clause coverage of a set of scenarios, from two plays of each on virtual time: the reference
 * solution (for the points' shares) and an idle candidate with every judgement marked 0 (for
 * whether doing nothing earns anything). Much cheaper than a full dry run, and made once per
 * scenario in a process: a play is the same every time, and a library's plays take minutes on a
 * small machine, so a scenario's sheets are kept while it stays unchanged.
 */
public final class LibraryCoverage {
  private static final int KEPT = 512;
  private static final Map<Played, ClauseCoverage.Sheets> PLAYED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Played, ClauseCoverage.Sheets> eldest) {
      return size() > KEPT;
    }
  });

  /** A scenario's plays are the same for the same scenario (every field alike) scored against the same standard. */
  private record Played(Scenario scenario, Standard standard) {}

  private LibraryCoverage() {}

  public static ClauseCoverage of(Standard standard, Scoring scoring, List<Scenario> scenarios) throws StationException {
    return of(standard, scoring, scenarios, List.of());
  }

  /** As {@link #of(Standard, Scoring, List)}, saying for each clause which of these exams set its scenarios' checks. */
  public static ClauseCoverage of(Standard standard, Scoring scoring, List<Scenario> scenarios, List<org.twinlab.scenarios.exam.Exam> exams)
      throws StationException {
    try {
      return ClauseCoverage.of(standard, scenarios.parallelStream().map(s -> sheets(s, scoring)).toList(), exams);
    } catch (CompletionException e) {
      if (e.getCause() instanceof StationException se) throw se;
      throw e;
    }
  }

  private static ClauseCoverage.Sheets sheets(Scenario s, Scoring scoring) {
    Played key = new Played(s, scoring.standard());
    ClauseCoverage.Sheets known = PLAYED.get(key);
    if (known != null) return known;
    try {
      var reference = DryRun.play(s, new ReferenceCandidate(s.reference()), scoring, s.judgements()).sheet();
      var idle = DryRun.play(s, Candidate.IDLE, scoring, DryRun.marksByRule(s, t -> false)).sheet();
      ClauseCoverage.Sheets sheets = new ClauseCoverage.Sheets(reference, idle);
      PLAYED.put(key, sheets);
      return sheets;
    } catch (StationException e) {
      throw new CompletionException(e);
    }
  }

  /**
   * The coverage as one JSON document: {covered, idleProof, total, scenarios, levels: [{level, name,
   * assessed, idleProof, total, assessedPercent, idleProofPercent, clauses: [{clause, code, title,
   * function, assessed, idleProof, scenarios: [id], assessments: [{scenario, points, share, idleEarned,
   * idleProof, exams: [{exam, points}]}]}]}]}.
   */
  public static JsonObject json(ClauseCoverage coverage) {
    JsonArray levels = new JsonArray();
    for (ClauseCoverage.LevelCoverage level : coverage.levels()) {
      JsonArray rows = new JsonArray();
      for (ClauseCoverage.ClauseRow row : level.clauses()) {
        JsonArray by = new JsonArray();
        row.by().forEach(a -> by.add(new JsonObject().put("scenario", a.scenario()).put("points", a.points())
            .put("share", Math.round(a.share() * 10) / 10.0).put("idleEarned", a.idleEarned()).put("idleProof", a.idleProof())
            .put("exams", new JsonArray(a.exams().stream().map(x -> new JsonObject().put("exam", x.exam()).put("points", x.points())).toList()))));
        rows.add(new JsonObject().put("clause", row.clause().reference()).put("code", row.clause().code())
            .put("title", row.clause().title().en()).put("titleZh", row.clause().title().zh()).put("function", row.clause().function().key()).put("assessed", row.assessed())
            .put("idleProof", row.idleProof()).put("scenarios", new JsonArray(row.by().stream().map(ClauseCoverage.Assessment::scenario).toList()))
            .put("assessments", by));
      }
      levels.add(new JsonObject().put("level", level.level().number()).put("name", level.level().zh()).put("assessed", level.assessed())
          .put("idleProof", level.idleProof()).put("total", level.total())
          .put("assessedPercent", Math.round(level.assessedPercent() * 10) / 10.0)
          .put("idleProofPercent", Math.round(level.idleProofPercent() * 10) / 10.0).put("clauses", rows));
    }
    return new JsonObject().put("covered", coverage.assessed()).put("idleProof", coverage.idleProof()).put("total", coverage.total())
        .put("scenarios", coverage.scenarios()).put("levels", levels);
  }
}
