package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.StandardLoader;

/** A judgement's evidence is the candidate's actions of the kinds it is marked on, each whole. */
class JudgementViewsTest {
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static Scenario scenario(String id) {
    return LIBRARY.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static ActionRecord action(int minute, String kind, Map<String, Object> fields, ActionOutcome outcome) {
    return new ActionRecord(T0.plusSeconds(60L * minute), Duration.ofMinutes(minute), "cand1", kind, fields, outcome);
  }

  private static JsonObject judgement(Scenario s, List<ActionRecord> actions, String check) {
    var sheet = new Scoring(StandardLoader.digitalTwinTechnician()).score(s, Map.of(), Map.of());
    StationResult r = new StationResult("exam-x", "Exam", "s1", "cand1", "Li Lei", s, StationClock.State.RUNNING, sheet, Map.of(),
        List.of(), actions, List.of(), List.of(), List.of(), "0".repeat(64), false);
    return JudgementViews.of(r).getJsonArray("judgements").stream().map(JsonObject.class::cast)
        .filter(j -> j.getString("check").equals(check)).findFirst().orElseThrow();
  }

  @Test
  void aTestSuiteJudgementShowsTheSuiteWithItsCasesAndTheReportButNotOtherWork() {
    Map<String, Object> suite = Map.of("cases", List.of(
        Map.of("name", "closing the inlet stops the flow", "when", Map.of("write", Map.of("property", "inlet_valve.open", "value", false)),
            "then", "twin.flow.rate < 0.5", "within", "5s"),
        Map.of("name", "e-stop stops the pump", "when", Map.of("command", "panel.emergency_stop"), "then", "twin.pump.running == false")));
    List<ActionRecord> actions = List.of(
        action(1, "write", Map.of("property", "pid.setpoint", "value", 300), ActionOutcome.accepted("done")),
        action(5, "test_suite", suite, new ActionOutcome(true, "graded", Map.of("cases", "2", "detected", "4"))),
        action(9, "report", Map.of("text", "the station's twin is correct"), ActionOutcome.refused("an empty report")),
        action(10, "report", Map.of("text", "x".repeat(300), "cause", "none"), ActionOutcome.accepted("report filed")));
    JsonObject j = judgement(scenario("l3-test-mutation-suite-tank"), actions, "judgement-sound");
    assertThat(j.getJsonArray("evidenceKinds")).containsExactly("report", "test_suite");
    assertThat(j.getJsonArray("rubric")).hasSize(4);
    assertThat(j.getJsonObject("aspect").getString("zh")).startsWith("报告得出工作站孪生正确的结论");
    JsonArray evidence = j.getJsonArray("evidence");
    assertThat(evidence.stream().map(e -> ((JsonObject) e).getString("kind"))).containsExactly("test_suite", "report", "report");
    JsonObject graded = evidence.getJsonObject(0);
    assertThat(graded.getJsonObject("fields").getJsonArray("cases")).hasSize(2);
    assertThat(graded.getJsonObject("fields").getJsonArray("cases").getJsonObject(1).getString("then")).isEqualTo("twin.pump.running == false");
    assertThat(graded.getJsonObject("result").getString("detected")).isEqualTo("4");
    assertThat(evidence.getJsonObject(1).getBoolean("accepted")).as("a refused attempt is shown as refused").isFalse();
    assertThat(evidence.getJsonObject(2).getJsonObject("fields").getString("text")).as("never cut").hasSize(300);
    assertThat(j.containsKey("mark")).isFalse();
  }

  @Test
  void aBindingEditShowsTheBindingBeforeAndAfter() {
    Map<String, Object> before = Map.of("property", "vibration.rms_x", "connection", "broker", "address", "twinlab/motor-1/telemetry#/vibration/z");
    Map<String, Object> edit = Map.of("property", "vibration.rms_x", "connection", "broker", "address", "twinlab/motor-1/telemetry#/vibration/x",
        "previous", before);
    JsonObject j = judgement(scenario("l4-debug-motor-swapped-axes"), List.of(action(3, "binding_edit", edit, ActionOutcome.accepted("version 2"))),
        "record-explains");
    JsonObject binding = j.getJsonArray("evidence").getJsonObject(0).getJsonObject("binding");
    assertThat(binding.getJsonObject("before").getString("address")).endsWith("vibration/z");
    assertThat(binding.getJsonObject("after").getString("address")).endsWith("vibration/x");
    assertThat(binding.getJsonObject("after").containsKey("previous")).isFalse();
  }
}
