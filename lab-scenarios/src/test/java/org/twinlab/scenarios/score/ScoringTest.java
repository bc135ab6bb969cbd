package org.twinlab.scenarios.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.check.Verdict.Outcome;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/** The scoring arithmetic against examples worked by hand (in the comments). */
class ScoringTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final String SCENARIO = """
      scenario: scoring-example
      title: {en: Scoring example, zh: 计分示例}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2", "4-04-05-10 L4 3.2.2", "4-04-05-10 L4 3.2.3", "4-04-05-10 L4 1.1.1"]
      rig: tank-process
      time_limit: 10m
      tasks:
        - id: t1
          prompt: {en: One, zh: 一}
          weight: 3
          clause: "4-04-05-10 L4 3.1.2"
          checks:
            - {id: a, measure: "eventually twin.tank.level > 1", points: 6}
            - {id: b, measure: "eventually twin.tank.level > 2", points: 2}
            - {id: c, measure: "eventually twin.tank.level > 3", points: 2}
        - id: t2
          prompt: {en: Two, zh: 二}
          weight: 2
          clause: "4-04-05-10 L4 3.2.2"
          checks:
            - {id: d, measure: "eventually twin.tank.level > 4", points: 3}
            - {id: e, measure: "eventually twin.tank.level > 5", points: 3}
            - {id: f, judge: {en: Judged, zh: 评}, points: 4, clause: "4-04-05-10 L4 3.2.3",
                rubric: {0: {en: Nothing, zh: 无}, 1: {en: Little, zh: 少}, 2: {en: Most, zh: 多}, 3: {en: All, zh: 全}}}
        - id: t3
          prompt: {en: Three, zh: 三}
          weight: 1
          clause: "4-04-05-10 L4 1.1.1"
          checks:
            - {id: g, measure: "eventually twin.tank.level > 6", points: 10}
      reference:
        - {at: 1m, do: start}
      judgements: {f: 3}
      """;

  private static Scenario scenario() throws Exception {
    return new ScenarioLoader(STANDARD).load("example.yaml", new StringReader(SCENARIO));
  }

  private static Verdict v(Outcome o) {
    return new Verdict(o, Instant.EPOCH, o.name());
  }

  private static Map<String, Verdict> verdicts(String passed, String failed) {
    Map<String, Verdict> out = new HashMap<>();
    for (char c : passed.toCharArray()) out.put(String.valueOf(c), v(Outcome.PASSED));
    for (char c : failed.toCharArray()) out.put(String.valueOf(c), v(Outcome.FAILED));
    return out;
  }

  @Test
  void tasksFunctionsAndTheWeightedTotal() throws Exception {
    // t1: a 6 + c 2 of 10 = 80 %. t2: d 3 + f 4×2/3 of 10 = 56.67 %. t3: 0 %.
    // operation (45): t1 weighs 3, t2 weighs 2 → (3×0.8 + 2×0.5667) / 5 = 70.67 %.
    // platform O&M (30): 0 %. Total = (45×70.67 + 30×0) / 75 = 42.4 → fails at 60.
    ScoreSheet s = new Scoring(STANDARD).score(scenario(), verdicts("acd", "beg"), Map.of("f", 2));

    assertThat(s.tasks()).extracting(TaskScore::percent).containsExactly(80.0, 56.666666666666664, 0.0);
    FunctionScore operation = s.functions().stream().filter(f -> f.function().equals("operation")).findFirst().orElseThrow();
    FunctionScore om = s.functions().stream().filter(f -> f.function().equals("platform-om")).findFirst().orElseThrow();
    assertThat(operation.weight()).isEqualTo(45);
    assertThat(operation.percent()).isCloseTo(70.6667, within(1e-3));
    assertThat(om.weight()).isEqualTo(30);
    assertThat(om.percent()).isZero();
    assertThat(s.functions()).extracting(FunctionScore::function).doesNotContain("testing");
    assertThat(s.total()).isCloseTo(42.4, within(1e-3));
    assertThat(s.passed()).isFalse();
    assertThat(s.provisional()).isFalse();
  }

  @Test
  void everythingRightScoresOneHundred() throws Exception {
    ScoreSheet s = new Scoring(STANDARD).score(scenario(), verdicts("abcdeg", ""), Map.of("f", 3));
    assertThat(s.total()).isCloseTo(100, within(1e-9));
    assertThat(s.passed()).isTrue();
  }

  @Test
  void anIndeterminateCheckCountsNeitherForNorAgainstAndIsFlagged() throws Exception {
    // d is indeterminate: t2 = f 4×3/3 of e 3 + f 4 = 4/7 = 57.14 %.
    // operation = (3×(6+2)/10 [a, c] + 2×(4/10)) / (3 + 2×7/10) = (2.4 + 0.8) / 4.4 = 72.73 %; with g passed O&M = 100 %.
    // total = (45×72.73 + 30×100) / 75 = 83.64
    Map<String, Verdict> verdicts = verdicts("acg", "be");
    verdicts.put("d", v(Outcome.INDETERMINATE));
    ScoreSheet s = new Scoring(STANDARD).score(scenario(), verdicts, Map.of("f", 3));

    assertThat(s.tasks().get(1).percent()).isCloseTo(57.1429, within(1e-3));
    assertThat(s.total()).isCloseTo(83.6364, within(1e-3));
    assertThat(s.flagged()).extracting(CheckScore::check).containsExactly("d");
    assertThat(s.provisional()).isTrue();
    assertThat(s.checks().get(3).earned()).isNull();
    // no verdict while d is open, above the pass mark or not; secured counts d as possible, earning nothing:
    // operation = (1.8 [a] + 0.6 [c] + 0.8 [f]) / (1.8 + 0.6 + 0.6 + 0.6 [d] + 0.6 + 0.8) = 64 %; (45×64 + 30×100) / 75 = 78.4
    assertThat(s.result()).isEqualTo(ScoreSheet.Result.PENDING);
    assertThat(s.secured()).isCloseTo(78.4, within(1e-9));
    assertThat(s.earnedPoints()).isEqualTo(22.0);   // a 6, c 2, f 4, g 10
    assertThat(s.decidedPoints()).isEqualTo(27.0);  // all but d
    assertThat(s.possiblePoints()).isEqualTo(30.0);
  }

  @Test
  void aSheetWithAnOpenCheckHasNoResultEvenAtOneHundredSoFar() throws Exception {
    // f unmarked: the total over what is decided is 100, but f's 4 points are open.
    // secured: operation = (1.8 + 0.6 + 0.6 + 0.6 + 0.6) / 5 = 84 %; (45×84 + 30×100) / 75 = 90.4
    ScoreSheet open = new Scoring(STANDARD).score(scenario(), verdicts("abcdeg", ""), Map.of());
    assertThat(open.total()).isCloseTo(100, within(1e-9));
    assertThat(open.result()).isEqualTo(ScoreSheet.Result.PENDING);
    assertThat(open.secured()).isCloseTo(90.4, within(1e-9));

    ScoreSheet idle = new Scoring(STANDARD).score(scenario(), Map.of(), Map.of());
    assertThat(idle.result()).isEqualTo(ScoreSheet.Result.PENDING);
    assertThat(idle.secured()).isZero();
    assertThat(idle.earnedPoints()).isZero();
    assertThat(idle.decidedPoints()).isZero();

    ScoreSheet marked = new Scoring(STANDARD).score(scenario(), verdicts("abcdeg", ""), Map.of("f", 0));
    assertThat(marked.result()).isEqualTo(ScoreSheet.Result.PASSED);
    assertThat(marked.secured()).isCloseTo(marked.total(), within(1e-9));
    ScoreSheet failed = new Scoring(STANDARD).score(scenario(), verdicts("acd", "beg"), Map.of("f", 2));
    assertThat(failed.result()).isEqualTo(ScoreSheet.Result.FAILED);
  }

  @Test
  void anUnmarkedJudgementWaitsForTheExaminers() throws Exception {
    ScoreSheet s = new Scoring(STANDARD).score(scenario(), verdicts("abcdeg", ""), Map.of());
    assertThat(s.flagged()).extracting(CheckScore::check).containsExactly("f");
    assertThat(s.total()).isCloseTo(100, within(1e-9));
    assertThat(s.checks()).filteredOn(c -> c.check().equals("f")).singleElement()
        .satisfies(c -> assertThat(c.clause()).isEqualTo("4-04-05-10 L4 3.2.3"));
  }

  @Test
  void aTotalOfExactlyThePassMarkPasses() throws Exception {
    // operation 100 % (45), platform O&M 0 % (30): (45×100 + 30×0) / 75 = 60
    ScoreSheet s = new Scoring(STANDARD).score(scenario(), verdicts("abcde", "g"), Map.of("f", 3));
    assertThat(s.total()).isCloseTo(60, within(1e-9));
    assertThat(s.passed()).isTrue();
  }

  private static final String GUARDED = """
      scenario: guard-example
      title: {en: Guard example, zh: 守护示例}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2"]
      rig: tank-process
      time_limit: 10m
      tasks:
        - id: t1
          prompt: {en: One, zh: 一}
          checks:
            - {id: work, measure: "eventually action.emergency_stop", points: 6}
            - {id: never-boiled, measure: "never twin.tank.temperature > 95", points: 2, guards: work}
            - {id: report, judge: {en: Judged, zh: 评}, points: 2, rubric: {0: {en: None, zh: 无}, 1: {en: Some, zh: 部分}, 2: {en: Most, zh: 大部分}, 3: {en: All, zh: 全部}}}
            - {id: tidy, measure: "never twin.tank.level > 495", points: 2, guards: report}
      reference:
        - {at: 1m, do: emergency_stop}
      judgements: {report: 3}
      """;

  private static Scenario guarded() throws Exception {
    return new ScenarioLoader(STANDARD).load("guard.yaml", new StringReader(GUARDED));
  }

  @Test
  void aGuardEarnsOnlyOnceTheWorkItGuardsHasEarned() throws Exception {
    Scoring scoring = new Scoring(STANDARD);
    // idle: the work failed, so never-boiled (passed on its own) earns nothing; tidy guards a judgement marked 0: nothing.
    // 0 of 12 points → 0.
    ScoreSheet idle = scoring.score(guarded(), withNames(Map.of("work", Outcome.FAILED, "never-boiled", Outcome.PASSED, "tidy", Outcome.PASSED)),
        Map.of("report", 0));
    assertThat(idle.checks()).filteredOn(c -> c.check().equals("never-boiled")).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(CheckScore.Status.FAILED);
      assertThat(c.earned()).isZero();
      assertThat(c.because()).startsWith("guards 'work', which earned nothing");
    });
    assertThat(idle.total()).isZero();

    // the work done, the report marked 1: work 6 + never-boiled 2 + report 2×1/3 + tidy 2 = 10.67 of 12 = 88.9 %
    ScoreSheet done = scoring.score(guarded(),
        withNames(Map.of("work", Outcome.PASSED, "never-boiled", Outcome.PASSED, "tidy", Outcome.PASSED)), Map.of("report", 1));
    assertThat(done.total()).isCloseTo(100 * (6 + 2 + 2.0 / 3 + 2) / 12, within(1e-9));

    // a guard of work not decided yet waits with it, and is flagged
    ScoreSheet live = scoring.score(guarded(), withNames(Map.of("never-boiled", Outcome.PASSED, "tidy", Outcome.PASSED)), Map.of());
    assertThat(live.flagged()).extracting(CheckScore::check).containsExactly("work", "never-boiled", "report", "tidy");
    assertThat(live.checks()).filteredOn(c -> c.check().equals("never-boiled")).singleElement()
        .satisfies(c -> assertThat(c.because()).isEqualTo("guards 'work', not decided yet"));

    // a guard that failed on its own stays failed whatever the work did
    ScoreSheet boiled = scoring.score(guarded(),
        withNames(Map.of("work", Outcome.PASSED, "never-boiled", Outcome.FAILED, "tidy", Outcome.PASSED)), Map.of("report", 3));
    assertThat(boiled.total()).isCloseTo(100 * 10.0 / 12, within(1e-9));
  }

  private static Map<String, Verdict> withNames(Map<String, Outcome> outcomes) {
    Map<String, Verdict> out = new HashMap<>();
    outcomes.forEach((k, o) -> out.put(k, v(o)));
    return out;
  }

  @Test
  void aGuardOfAGuardEarnsOnlyOnceTheWholeChainHas() throws Exception {
    Scenario chained = new ScenarioLoader(STANDARD).load("chain.yaml", new StringReader("""
        scenario: chain-example
        title: {en: Chain, zh: 链}
        level: 5
        skill: operate
        clauses: ["4-04-05-10 L5 3.1.3"]
        rig: tank-process
        time_limit: 10m
        tasks:
          - id: t1
            prompt: {en: One, zh: 一}
            checks:
              - {id: paused, measure: "eventually twin.lifecycle == \\"paused\\"", points: 4}
              - {id: resumed, measure: "eventually twin.lifecycle == \\"running\\"", points: 2, guards: paused}
              - {id: stopped, measure: "eventually twin.lifecycle == \\"stopped\\"", points: 2, guards: resumed}
        reference:
          - {at: 1m, do: pause}
        """));
    Scoring scoring = new Scoring(STANDARD);
    // resumed and stopped passed on their own, but the pause at the bottom of the chain failed: nothing earns
    ScoreSheet noPause = scoring.score(chained, withNames(Map.of("paused", Outcome.FAILED, "resumed", Outcome.PASSED,
        "stopped", Outcome.PASSED)), Map.of());
    assertThat(noPause.total()).isZero();
    assertThat(noPause.checks()).filteredOn(c -> c.check().equals("stopped")).singleElement()
        .satisfies(c -> assertThat(c.because()).startsWith("guards 'resumed', which earned nothing"));
    // paused, never resumed: the pause earns 4 of 8, stopping afterwards nothing
    ScoreSheet noResume = scoring.score(chained, withNames(Map.of("paused", Outcome.PASSED, "resumed", Outcome.FAILED,
        "stopped", Outcome.PASSED)), Map.of());
    assertThat(noResume.total()).isCloseTo(50, within(1e-9));
    ScoreSheet all = scoring.score(chained, withNames(Map.of("paused", Outcome.PASSED, "resumed", Outcome.PASSED,
        "stopped", Outcome.PASSED)), Map.of());
    assertThat(all.total()).isCloseTo(100, within(1e-9));
  }
}
