package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.fairness.ClauseCoverage;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The library's clause coverage as measured: assessed and idle-proof clauses of each level, out of
 * the level's clauses. A change that drops a clause, or lets an idle candidate earn on one, fails
 * here; a change that adds coverage updates these figures.
 */
class LibraryCoverageFiguresTest {
  /** Measured once for both tests: it dry-runs every scenario of the library with its scripted candidates. */
  private static ClauseCoverage coverage;

  @BeforeAll
  static void measure() throws Exception {
    Standard standard = StandardLoader.digitalTwinTechnician();
    coverage = LibraryCoverage.of(standard, new Scoring(standard), ScenarioLibrary.load(new ScenarioLoader(standard)));
  }

  /** Level: assessed, idle-proof, total. */
  private static final Map<Integer, String> MEASURED = Map.of(
      5, "15/15/15",
      4, "19/19/19",
      3, "36/36/36",
      2, "21/21/37",
      1, "11/11/27");

  @Test
  void theLibraryAssessesAtLeastTheClausesItDidIdleProof() {
    Map<Integer, String> now = new LinkedHashMap<>();
    coverage.levels().forEach(l -> now.put(l.level().number(), l.assessed() + "/" + l.idleProof() + "/" + l.total()));
    assertThat(now).isEqualTo(MEASURED);
    assertThat(coverage.assessed()).isEqualTo(102);
    assertThat(coverage.idleProof()).isEqualTo(102);
  }

  /** The exam body's requirement: every L5–L3 clause assessed idle-proof, half of L2's and a quarter of L1's. */
  @Test
  void everyClauseOfLevelsFiveToThreeIsAssessedIdleProofAndHalfOfLevelTwosAndAQuarterOfLevelOnes() {
    for (ClauseCoverage.LevelCoverage l : coverage.levels()) {
      double floor = switch (l.level().number()) {
        case 5, 4, 3 -> 100;
        case 2 -> 50;
        default -> 25;
      };
      assertThat(l.idleProofPercent()).as("L" + l.level().number() + " idle-proof").isGreaterThanOrEqualTo(floor);
    }
  }
}
