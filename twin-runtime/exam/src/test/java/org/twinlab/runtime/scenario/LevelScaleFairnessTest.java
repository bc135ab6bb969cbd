package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.score.TaskScore;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The level-scale debug scenario credits the fix, not the edit, and asks for the record: a
 * candidate who maps the raw range onto another wrong range fails, and one who fixes the range but
 * records nothing does not pass on the fix alone.
 */
class LevelScaleFairnessTest {
  private static final Scoring SCORING = new Scoring(StandardLoader.digitalTwinTechnician());
  private static final Scenario SCALE = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals("l4-debug-tank-level-scale")).findFirst().orElseThrow();
  private static final Map<String, Object> RIGHT_RECORD = Map.of("cause_category", "binding", "property", "tank.level",
      "symptom", "twin level a tenth of the gauge", "cause", "range mapped to 0-50 mm", "action", "range corrected to 0-500 mm");

  @Test
  void aBindingMappedOntoAnotherWrongRangeFailsEvenWithAGoodRecord() throws Exception {
    ScenarioRun run = play(List.of(step(Duration.ofMinutes(2), "binding_edit", bindingOnto(5000)),
        step(Duration.ofMinutes(5), "report", RIGHT_RECORD)), Map.of("record-explains", 3));

    ScoreSheet sheet = run.sheet();
    assertThat(run.actions()).allMatch(a -> a.outcome().accepted());
    assertThat(status(sheet, "level-binding-fixed")).isEqualTo(CheckScore.Status.FAILED);
    assertThat(status(sheet, "twin-matches-rig")).isEqualTo(CheckScore.Status.FAILED);
    assertThat(status(sheet, "alarm-not-broken")).isEqualTo(CheckScore.Status.FAILED);
    assertThat(task(sheet, "fix-the-binding").earned()).isZero();
    assertThat(sheet.passed()).as("total %.1f", sheet.total()).isFalse();
  }

  @Test
  void aRightFixWithNoRecordDoesNotPassOnTheFixAlone() throws Exception {
    assertThat(SCALE.tasks()).extracting(t -> t.id()).contains("debug-record");
    ScenarioRun run = play(List.of(step(Duration.ofMinutes(2), "binding_edit", bindingOnto(500))), Map.of("record-explains", 0));

    ScoreSheet sheet = run.sheet();
    assertThat(task(sheet, "fix-the-binding").percent()).isEqualTo(100.0);
    assertThat(status(sheet, "record-filed")).isEqualTo(CheckScore.Status.FAILED);
    assertThat(sheet.provisional()).isFalse();
    assertThat(sheet.passed()).as("total %.1f", sheet.total()).isFalse();
  }

  @Test
  void theSameFixWithTheRecordPasses() throws Exception {
    ScenarioRun run = play(List.of(step(Duration.ofMinutes(2), "binding_edit", bindingOnto(500)),
        step(Duration.ofMinutes(5), "report", RIGHT_RECORD)), Map.of("record-explains", 3));

    assertThat(run.sheet().total()).isEqualTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static ScenarioRun play(List<ReferenceStep> script, Map<String, Integer> marks) throws Exception {
    return DryRun.play(SCALE, new ReferenceCandidate(script), SCORING, marks);
  }

  private static ReferenceStep step(Duration at, String kind, Map<String, Object> fields) {
    return new ReferenceStep(Optional.of(at), Optional.empty(), "", kind, fields, Optional.empty());
  }

  /** The reference solution's binding, its raw range mapped onto 0 to {@code top} mm. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> bindingOnto(long top) {
    Map<String, Object> fix = SCALE.reference().stream().filter(s -> s.action().equals("binding_edit")).findFirst().orElseThrow().with();
    Map<String, Object> transform = new HashMap<>((Map<String, Object>) fix.get("transform"));
    Map<String, Object> range = new HashMap<>((Map<String, Object>) transform.get("range"));
    List<Object> value = new ArrayList<>((List<Object>) range.get("value"));
    value.set(1, top);
    range.put("value", value);
    transform.put("range", range);
    Map<String, Object> binding = new HashMap<>(fix);
    binding.put("transform", transform);
    return binding;
  }

  private static CheckScore.Status status(ScoreSheet sheet, String check) {
    return sheet.checks().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow().status();
  }

  private static TaskScore task(ScoreSheet sheet, String task) {
    return sheet.tasks().stream().filter(t -> t.task().equals(task)).findFirst().orElseThrow();
  }
}
