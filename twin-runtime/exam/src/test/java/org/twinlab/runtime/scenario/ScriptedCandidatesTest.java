package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.MotionsCandidate;
import org.twinlab.scenarios.engine.RandomCandidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.TaskAloneCandidate;
import org.twinlab.scenarios.fairness.Played;
import org.twinlab.scenarios.fairness.Rule;
import org.twinlab.scenarios.fairness.TaskShares;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Actions;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The scripted candidates on a small scenario whose scores are known (the setpoint task is worth 75,
 * the report 25): each does what it is meant to, and the rules catch a scenario that credits them.
 */
class ScriptedCandidatesTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final ScenarioLoader LOADER = new ScenarioLoader(StandardLoader.digitalTwinTechnician());
  private static String yaml;
  private static Scenario scenario;
  private static DryRun.Result result;

  @BeforeAll
  static void playIt() throws Exception {
    try (var in = ScriptedCandidatesTest.class.getResourceAsStream("/scenarios/fair-tank-setpoint.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    scenario = load(yaml);
    result = DryRun.of(scenario, SCORING, 6);
  }

  private static Scenario load(String text) throws Exception {
    return LOADER.load("fair-tank-setpoint.yaml", new StringReader(text));
  }

  private static Played played(DryRun.Result r, String candidate) {
    return r.played().stream().filter(p -> p.candidate().equals(candidate)).findFirst().orElseThrow();
  }

  private static ScenarioRun run(DryRun.Result r, String candidate) {
    return r.runs().stream().filter(x -> x.played().candidate().equals(candidate)).findFirst().orElseThrow().run();
  }

  @Test
  void aFairScenarioMeetsEveryRuleWithTheScoresItWasBuiltFor() {
    assertThat(result.problems()).isEmpty();
    assertThat(result.played()).extracting(Played::candidate).containsExactly("reference", "idle", "motions",
        "random-1", "random-2", "random-3", "random-4", "random-5", "random-6", "task:set-level", "task:file-report");
    assertThat(played(result, "reference").sheet().total()).isEqualTo(100.0, offset(1e-6));
    assertThat(played(result, "idle").sheet().total()).isEqualTo(0.0, offset(1e-6));
    assertThat(played(result, "motions").sheet().total()).isEqualTo(0.0, offset(1e-6));
    Map<String, Double> shares = TaskShares.of(played(result, "reference").sheet());
    assertThat(shares).containsOnlyKeys("set-level", "file-report");
    assertThat(shares.get("set-level")).isCloseTo(75.0, offset(1e-6));
    assertThat(shares.get("file-report")).isCloseTo(25.0, offset(1e-6));
    assertThat(played(result, "task:set-level").sheet().total()).isEqualTo(75.0, offset(1e-6));
    assertThat(played(result, "task:file-report").sheet().total()).isEqualTo(25.0, offset(1e-6));
    result.played().stream().filter(p -> p.kind() == Played.Kind.RANDOM)
        .forEach(p -> assertThat(p.sheet().total()).as(p.candidate()).isLessThanOrEqualTo(100.0 / 3));
  }

  @Test
  void motionsTakesEveryRewardedKindOfActionWithoutSubstance() {
    List<ActionRecord> actions = run(result, "motions").actions();
    assertThat(actions).allMatch(a -> a.outcome().accepted(), "every hollow action is one the station takes");
    assertThat(actions).extracting(ActionRecord::kind).contains("write", "report");
    ActionRecord setpoint = actions.stream().filter(a -> a.kind().equals("write") && "pid.setpoint".equals(a.fields().get("property")))
        .findFirst().orElseThrow();
    assertThat(setpoint.elapsed().toSeconds()).isEqualTo(60); // at the reference's time
    assertThat(((Number) setpoint.fields().get("value")).doubleValue()).isNotEqualTo(350.0);
    ActionRecord report = actions.stream().filter(a -> a.kind().equals("report")).findFirst().orElseThrow();
    assertThat(report.fields().get("alarm_code")).isNotNull().isNotEqualTo("level_high");
    assertThat(report.fields().get("cause_category")).isNotNull().isNotEqualTo("configuration");
    assertThat(report.fields()).doesNotContainKey("cause");
  }

  @Test
  void motionsWritesTheValueThePropertyHasAlready() throws Exception {
    TwinModel model = ModelLibrary.loadBuiltIn("tank-process");
    ReferenceCandidate reference = new ReferenceCandidate(scenario.reference());
    DryRun.play(scenario, reference, SCORING, scenario.judgements());
    ScenarioRun motions = DryRun.play(scenario, new MotionsCandidate(scenario, model, reference.takenAt()), SCORING, Map.of());
    ActionRecord write = motions.actions().stream().filter(a -> a.kind().equals("write")).findFirst().orElseThrow();
    var samples = motions.trace().samples("twin." + write.fields().get("property"));
    Object before = samples.stream().filter(s -> !s.time().isAfter(write.at())).reduce((a, b) -> b).orElseThrow().value();
    assertThat(((Number) write.fields().get("value")).doubleValue()).isEqualTo(((Number) before).doubleValue());
  }

  /** Test data submitted for the reference's window with made-up figures: accepted, judged, and nothing matches. */
  @Test
  void motionsSubmitsTestDataWithMadeUpFigures() throws Exception {
    TwinModel model = ModelLibrary.loadBuiltIn("tank-process");
    Scenario data;
    try (var in = ScriptedCandidatesTest.class.getResourceAsStream("/scenarios/level-4/l4-test-data-tank.yaml")) {
      data = LOADER.load("l4-test-data-tank.yaml", new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    ReferenceCandidate reference = new ReferenceCandidate(data.reference());
    ScenarioRun ref = DryRun.play(data, reference, SCORING, data.judgements());
    assertThat(ref.actions()).filteredOn(a -> a.kind().equals("test_data"))
        .allSatisfy(a -> assertThat(a.outcome().result().get("matched")).isEqualTo(a.outcome().result().get("figures")));
    ScenarioRun motions = DryRun.play(data, new MotionsCandidate(data, model, reference.takenAt()), SCORING, Map.of());
    List<ActionRecord> submitted = motions.actions().stream().filter(a -> a.kind().equals("test_data")).toList();
    assertThat(submitted).hasSize(2).allSatisfy(a -> {
      assertThat(a.outcome().accepted()).as(a.outcome().detail()).isTrue();
      assertThat(a.outcome().result()).containsEntry("matched", "0").containsEntry("dirty", "true");
    });
  }

  @Test
  void aRandomCandidateIsTheSameForTheSameSeedAndDiffersForAnother() throws Exception {
    TwinModel model = ModelLibrary.loadBuiltIn("tank-process");
    List<String> a = actions(DryRun.play(scenario, new RandomCandidate(scenario, model, 3), SCORING, Map.of()));
    List<String> b = actions(DryRun.play(scenario, new RandomCandidate(scenario, model, 3), SCORING, Map.of()));
    List<String> c = actions(DryRun.play(scenario, new RandomCandidate(scenario, model, 4), SCORING, Map.of()));
    assertThat(a).hasSizeGreaterThanOrEqualTo(15).isEqualTo(b).isNotEqualTo(c);
    ScenarioRun run = run(result, "random-3");
    assertThat(run.actions()).allSatisfy(x -> {
      assertThat(Actions.KINDS).contains(x.kind());
      assertThat(x.who()).isEqualTo("random-3");
      if (x.kind().equals("write")) {
        var p = model.property(String.valueOf(x.fields().get("property"))).orElseThrow();
        assertThat(p.writable()).isTrue();
        p.range().ifPresent(r -> {
          if (x.fields().get("value") instanceof Number n) assertThat(r.contains(n.doubleValue())).as(x.fields().toString()).isTrue();
        });
      }
    });
    assertThat(run.actions().stream().map(ActionRecord::kind).distinct().count()).isGreaterThanOrEqualTo(4);
  }

  private static List<String> actions(ScenarioRun run) {
    return run.actions().stream().map(x -> x.elapsed() + " " + x.kind() + " " + new java.util.TreeMap<>(x.fields())).toList();
  }

  @Test
  void aTaskAloneCandidateTakesOnlyItsTasksSteps() {
    assertThat(TaskAloneCandidate.stepsOf(scenario, "set-level")).extracting(s -> s.with().get("property"))
        .containsExactly("pid.setpoint", "pid.kp");
    assertThat(run(result, "task:set-level").actions()).extracting(ActionRecord::kind).containsExactly("write", "write");
    assertThat(run(result, "task:file-report").actions()).extracting(ActionRecord::kind).containsExactly("report");
    // its own task's judgement gets the reference's mark, the other task's 0
    assertThat(run(result, "task:file-report").marks()).containsEntry("report-explains", 3);
    assertThat(run(result, "task:set-level").marks()).containsEntry("report-explains", 0);
  }

  @Test
  void aCheckThatIdlePassesBreaksTheIdleRule() throws Exception {
    Scenario lax = load(yaml.replace("        points: 4\n  - id: file-report",
        "        points: 4\n      - id: no-overflow\n        measure: \"never rig.tank.level > 480\"\n        points: 2\n  - id: file-report"));
    assertThat(lax.checks()).extracting(c -> c.id()).contains("no-overflow");
    DryRun.Result r = DryRun.of(lax, SCORING, 2);
    assertThat(r.broken()).anySatisfy(b -> {
      assertThat(b.rule()).isEqualTo(Rule.IDLE_SCORES_0);
      assertThat(b.message()).contains("no-overflow");
    });
    assertThat(r.ok()).isFalse();
  }

  @Test
  void checksThatCountActionsAloneBreakTheMotionsRuleAndATaskAloneOffItsShareIsCaught() throws Exception {
    Scenario motions = load(yaml.replace("abs(rig.tank.level - 350) <= 5 holds for 2m after first action.write[property=pid.setpoint]",
        "eventually action.write[property=pid.kp]"));
    DryRun.Result r = DryRun.of(motions, SCORING, 2);
    assertThat(r.broken()).extracting(b -> b.rule()).contains(Rule.MOTIONS_FAILS);
    assertThat(r.broken()).filteredOn(b -> b.rule() == Rule.MOTIONS_FAILS).first().extracting(b -> b.message()).asString()
        .contains("motions scores 50.0").contains("level-held");

    // the report's check demands the setpoint first: the report task alone no longer earns its 25
    Scenario tangled = load(yaml.replace("eventually action.report[alarm_code=level_high, cause_category=configuration]",
        "eventually action.report after first action.write[property=pid.setpoint, value=350]"));
    DryRun.Result t = DryRun.of(tangled, SCORING, 0);
    assertThat(t.broken()).anySatisfy(b -> {
      assertThat(b.rule()).isEqualTo(Rule.TASK_ALONE_EARNS_ITS_SHARE);
      assertThat(b.message()).contains("task file-report alone scores 16.7, its share is 25.0");
    });
  }
}
