package org.twinlab.scenarios.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * A task's share is what its checks contribute to the total through the weights: on every library
 * scenario the shares of a full sheet add up to 100, and a sheet on which only one task's checks
 * earn totals that task's share. And the rules say which candidate broke which.
 */
class TaskSharesTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
  private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");

  /** A sheet on which the checks of the tasks named pass (judgements marked 3) and every other fails (marked 0). */
  private static ScoreSheet only(Scenario s, List<String> tasks) {
    Map<String, Verdict> verdicts = new HashMap<>();
    Map<String, Integer> marks = new HashMap<>();
    for (TaskDef t : s.tasks()) {
      boolean done = tasks.contains(t.id());
      for (CheckDef c : t.checks()) {
        if (c.kind() == CheckDef.Kind.JUDGEMENT) marks.put(c.id(), done ? 3 : 0);
        else verdicts.put(c.id(), new Verdict(done ? Verdict.Outcome.PASSED : Verdict.Outcome.FAILED, AT, "set"));
      }
    }
    return SCORING.score(s, verdicts, marks);
  }

  @Test
  void theSharesOfAFullSheetAddUpToItsTotalAndEachTaskAloneEarnsItsShare() {
    for (Scenario s : LIBRARY) {
      List<String> all = s.tasks().stream().map(TaskDef::id).toList();
      ScoreSheet full = only(s, all);
      assertThat(full.total()).as(s.id()).isEqualTo(100.0, offset(1e-6));
      Map<String, Double> shares = TaskShares.of(full);
      assertThat(shares.keySet()).as(s.id()).containsExactlyElementsOf(all);
      assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).as(s.id()).isEqualTo(100.0, offset(1e-6));
      for (TaskDef t : s.tasks()) {
        boolean guardsElsewhere = t.checks().stream().map(CheckDef::guards).flatMap(Optional::stream)
            .anyMatch(g -> t.checks().stream().noneMatch(c -> c.id().equals(g)));
        if (guardsElsewhere) continue; // a guard of another task's work earns only with it
        assertThat(only(s, List.of(t.id())).total()).as(s.id() + " " + t.id()).isEqualTo(shares.get(t.id()), offset(1e-6));
      }
    }
  }

  @Test
  void theRulesNameTheCandidateAndTheChecksThatEarnedIt() {
    Scenario s = LIBRARY.get(0);
    String first = s.tasks().get(0).id();
    ScoreSheet full = only(s, s.tasks().stream().map(TaskDef::id).toList());
    ScoreSheet oneTask = only(s, List.of(first));
    ScoreSheet nothing = only(s, List.of());
    List<Played> played = List.of(Played.of("reference", Played.Kind.REFERENCE, full), Played.of("idle", Played.Kind.IDLE, nothing),
        Played.of("motions", Played.Kind.MOTIONS, full), Played.of("random-1", Played.Kind.RANDOM, nothing),
        Played.of("random-2", Played.Kind.RANDOM, full),
        new Played("task:" + first, Played.Kind.TASK_ALONE, Optional.of(first), nothing));
    List<Broken> broken = FairnessRules.check(s, played, true);
    assertThat(broken).extracting(Broken::rule).contains(Rule.MOTIONS_FAILS, Rule.RANDOM_FAILS, Rule.TASK_ALONE_EARNS_ITS_SHARE)
        .doesNotContain(Rule.REFERENCE_SCORES_100, Rule.IDLE_SCORES_0);
    assertThat(broken).filteredOn(b -> b.rule() == Rule.MOTIONS_FAILS).singleElement().extracting(Broken::message).asString()
        .startsWith("motions passes with 100.0 for ");
    assertThat(broken).filteredOn(b -> b.rule() == Rule.RANDOM_FAILS).singleElement().extracting(Broken::message).asString()
        .startsWith("1 of 2 random candidates: random-2 passes with 100.0");
    assertThat(broken).filteredOn(b -> b.rule() == Rule.TASK_ALONE_EARNS_ITS_SHARE).singleElement().extracting(Broken::message)
        .asString().startsWith("task " + first + " alone scores 0.0, its share is ");
    // every task but the first had no candidate of its own: each is named once tagging is required
    assertThat(broken).filteredOn(b -> b.rule() == Rule.EVERY_TASK_HAS_STEPS).hasSize(s.tasks().size() - 1);
    assertThat(FairnessRules.check(s, played, false)).extracting(Broken::rule).doesNotContain(Rule.EVERY_TASK_HAS_STEPS);
    assertThat(FairnessRules.check(s, List.of(Played.of("reference", Played.Kind.REFERENCE, full),
        Played.of("idle", Played.Kind.IDLE, oneTask)), false)).extracting(Broken::rule).containsExactly(Rule.IDLE_SCORES_0);
  }
}
