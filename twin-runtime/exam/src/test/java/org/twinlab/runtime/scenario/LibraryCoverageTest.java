package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.fairness.ClauseCoverage;
import org.twinlab.scenarios.fairness.ClauseCoverageCsv;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * Coverage of two small scenarios whose figures are known: the fair setpoint scenario (set-level,
 * weight 3, cites L4 3.1.1 with 6 points; the report, weight 1, L4 3.2.1 with 3 points) and a lax
 * copy whose extra "no overflow" check cites L4 3.1.2 and is earned by doing nothing.
 */
class LibraryCoverageTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final ScenarioLoader LOADER = new ScenarioLoader(STANDARD);
  private static ClauseCoverage coverage;
  private static String fairYaml;

  @BeforeAll
  static void computeIt() throws Exception {
    String yaml;
    try (var in = LibraryCoverageTest.class.getResourceAsStream("/scenarios/fair-tank-setpoint.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    fairYaml = yaml;
    Scenario fair = LOADER.load("fair-tank-setpoint.yaml", new StringReader(yaml));
    String laxYaml = yaml.replace("scenario: fair-tank-setpoint", "scenario: lax-tank-setpoint")
        .replace("clauses: [\"4-04-05-10 L4 3.1.1\", ", "clauses: [\"4-04-05-10 L4 3.1.1\", \"4-04-05-10 L4 3.1.2\", ")
        .replace("        points: 4\n  - id: file-report", "        points: 4\n      - id: no-overflow\n        clause: \"4-04-05-10 L4 3.1.2\"\n"
            + "        measure: \"never rig.tank.level > 480\"\n        points: 2\n  - id: file-report");
    Scenario lax = LOADER.load("lax-tank-setpoint.yaml", new StringReader(laxYaml));
    assertThat(lax.checks()).extracting(c -> c.id()).contains("no-overflow");
    coverage = LibraryCoverage.of(STANDARD, new Scoring(STANDARD), List.of(fair, lax));
  }

  @Test
  void aScenarioChangedUnderTheSameIdIsPlayedAfreshNotTakenFromAnEarlierPlay() throws Exception {
    // the same id and version with another task weighting: the shares must be the new scenario's
    Scenario reweighted = LOADER.load("fair-tank-setpoint.yaml", new StringReader(fairYaml.replaceFirst("weight: 3", "weight: 1")));
    assertThat(reweighted.tasks().get(0).weight()).isEqualTo(1);
    ClauseCoverage again = LibraryCoverage.of(STANDARD, new Scoring(STANDARD), List.of(reweighted));
    ClauseCoverage.ClauseRow setParameters = again.levels().stream().filter(l -> l.level() == Level.L4).findFirst().orElseThrow()
        .clauses().stream().filter(r -> r.clause().code().equals("3.1.1")).findFirst().orElseThrow();
    assertThat(setParameters.by().get(0).share()).isCloseTo(50.0, offset(1e-6));
  }

  private static ClauseCoverage.ClauseRow row(String code) {
    return level4().clauses().stream().filter(r -> r.clause().code().equals(code)).findFirst().orElseThrow();
  }

  private static ClauseCoverage.LevelCoverage level4() {
    return coverage.levels().stream().filter(l -> l.level() == Level.L4).findFirst().orElseThrow();
  }

  @Test
  void eachClauseHasItsScenariosWithTheirPointsSharesAndWhatIdleEarns() {
    // set-level weighs 3 of 4: its 6 points of 3.1.1 are 75 of the fair scenario's 100; in the lax copy
    // the task has 8 points, 2 of them no-overflow's (3.1.2): 3 * 6/8 and 3 * 2/8 of the 4
    ClauseCoverage.ClauseRow setParameters = row("3.1.1");
    assertThat(setParameters.by()).extracting(ClauseCoverage.Assessment::scenario).containsExactly("fair-tank-setpoint", "lax-tank-setpoint");
    assertThat(setParameters.by()).extracting(ClauseCoverage.Assessment::points).containsExactly(6.0, 6.0);
    assertThat(setParameters.by().get(0).share()).isCloseTo(75.0, offset(1e-6));
    assertThat(setParameters.by().get(1).share()).isCloseTo(56.25, offset(1e-6));
    assertThat(setParameters.idleProof()).isTrue();

    ClauseCoverage.ClauseRow safety = row("3.1.2");
    assertThat(safety.by()).singleElement().satisfies(a -> {
      assertThat(a.scenario()).isEqualTo("lax-tank-setpoint");
      assertThat(a.points()).isEqualTo(2.0);
      assertThat(a.share()).isCloseTo(18.75, offset(1e-6));
      assertThat(a.idleEarned()).isEqualTo(2.0);
      assertThat(a.idleProof()).isFalse();
    });
    assertThat(safety.assessed()).isTrue();
    assertThat(safety.idleProof()).isFalse();

    ClauseCoverage.ClauseRow report = row("3.2.1");
    assertThat(report.by()).extracting(ClauseCoverage.Assessment::points).containsExactly(3.0, 3.0);
    assertThat(report.by()).allSatisfy(a -> assertThat(a.share()).isCloseTo(25.0, offset(1e-6)));
    assertThat(report.idleProof()).isTrue();

    assertThat(row("1.2.1").assessed()).isFalse();
    assertThat(row("1.2.1").idleProof()).isFalse();
  }

  @Test
  void perLevelCountsAndPercents() {
    ClauseCoverage.LevelCoverage l4 = level4();
    assertThat(l4.total()).isEqualTo(STANDARD.clauses(Level.L4).size()).isEqualTo(19);
    assertThat(l4.assessed()).isEqualTo(3);
    assertThat(l4.idleProof()).isEqualTo(2);
    assertThat(l4.assessedPercent()).isCloseTo(300.0 / 19, offset(1e-9));
    assertThat(l4.idleProofPercent()).isCloseTo(200.0 / 19, offset(1e-9));
    assertThat(coverage.levels()).extracting(ClauseCoverage.LevelCoverage::level).containsExactly(Level.L5, Level.L4, Level.L3, Level.L2, Level.L1);
    coverage.levels().stream().filter(l -> l.level() != Level.L4).forEach(l -> assertThat(l.assessed()).as("L" + l.level().number()).isZero());
    assertThat(coverage.assessed()).isEqualTo(3);
    assertThat(coverage.idleProof()).isEqualTo(2);
    assertThat(coverage.scenarios()).isEqualTo(2);
  }

  @Test
  void theCsvHasARowPerClauseAndScenarioAndOneEmptyRowPerClauseNotAssessed() throws Exception {
    String csv = ClauseCoverageCsv.of(coverage);
    assertThat(csv).startsWith("\uFEFF");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv.substring(1))).getRecords();
    assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(ClauseCoverageCsv.COLUMNS);
    assertThat(rows).filteredOn(r -> r.get("level").equals("L4") && r.get("clause").equals("3.1.1"))
        .extracting(r -> r.get("scenario") + "," + r.get("points") + "," + r.get("share") + "," + r.get("idle_proof"))
        .containsExactly("fair-tank-setpoint,6,75.0,true", "lax-tank-setpoint,6,56.3,true");
    assertThat(rows).filteredOn(r -> r.get("clause").equals("3.1.2") && r.get("level").equals("L4"))
        .extracting(r -> r.get("scenario") + "," + r.get("points") + "," + r.get("share") + "," + r.get("idle_proof"))
        .containsExactly("lax-tank-setpoint,2,18.8,false");
    assertThat(rows).filteredOn(r -> r.get("level").equals("L4") && r.get("clause").equals("1.2.1")).singleElement()
        .satisfies(r -> {
          assertThat(r.get("title")).isEqualTo("Upgrade platform software and hardware");
          assertThat(r.get("title_zh")).isEqualTo("能定期升级数字孪生平台的软硬件");
          assertThat(r.get("scenario") + r.get("points") + r.get("share") + r.get("idle_proof")).isEmpty();
        });
    // a clause not assessed gives one row, an assessed one a row per scenario: 3.1.1 and 3.2.1 two each, 3.1.2 one
    assertThat(rows).hasSize(coverage.total() - 3 + 5);
  }
}
