package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class PerfScriptGraderTest {
  private final PerfScriptGrader tank = new PerfScriptGrader(ModelLibrary.loadBuiltIn("tank-process"));

  private static Map<String, Object> script(double rate, double seconds, String metric, double thresholdMs) {
    return Map.of("property", "pid.setpoint", "values", List.of(300, 320), "rate", rate, "seconds", seconds,
        "metric", metric, "threshold_ms", thresholdMs);
  }

  private static Map<String, Object> with(Map<String, Object> script, String field, Object value) {
    Map<String, Object> out = new HashMap<>(script);
    out.put(field, value);
    return out;
  }

  @Test
  void aScriptOfTheRequirementPassesTheSoundTwinAndCatchesBothSlowOnes() {
    ActionOutcome o = tank.grade(script(1, 60, "p95", 1000));
    assertThat(o.result()).containsEntry("writes", "60").containsEntry("false_failures", "0").containsEntry("unseen", "0")
        .containsEntry("variants", "2").containsEntry("detected", "2")
        .containsEntry("detects.added_latency", "true").containsEntry("detects.throttled_sampling", "true");
    // the sound twin reads back a write at its next 200 ms sample
    assertThat(Long.parseLong(o.result().get("measured_ms"))).isBetween(50L, 250L);
  }

  @Test
  void aMeanOverSparseWritesMissesTheThrottledSampling() {
    // one write in five seconds: a 2 s sampling interval shows every write in time, about a second late on average
    ActionOutcome o = tank.grade(script(0.2, 60, "mean", 1600));
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detects.added_latency", "true")
        .containsEntry("detects.throttled_sampling", "false").containsEntry("unseen.throttled_sampling", "0");
  }

  @Test
  void aThresholdTheSoundTwinCannotMeetIsAFalseFailureAndCatchesNothing() {
    ActionOutcome o = tank.grade(script(1, 30, "max", 20));
    assertThat(o.result()).containsEntry("false_failures", "1").containsEntry("detected", "0")
        .containsEntry("detects.added_latency", "false");
  }

  @Test
  void aThresholdAnyTwinMeetsCatchesNothing() {
    ActionOutcome o = tank.grade(script(0.2, 60, "max", 60_000));
    assertThat(o.result()).containsEntry("false_failures", "0").containsEntry("detected", "0");
  }

  @Test
  void aMalformedScriptIsRefusedNamingTheField() {
    Map<String, Object> good = script(1, 60, "p95", 1000);
    assertRefused(with(good, "property", "tank.level"), "property"); // read from the rig, not written
    assertRefused(with(good, "property", "pid.nope"), "property");
    assertRefused(with(good, "values", List.of(300, 900)), "values[1]");
    assertRefused(with(good, "values", List.of(300, 300)), "values");
    assertRefused(with(good, "rate", 50), "rate");
    assertRefused(with(good, "metric", "p50"), "metric");
    assertRefused(with(good, "threshold_ms", "1s"), "threshold_ms");
    assertRefused(with(good, "detected", "2"), "detected");
  }

  private void assertRefused(Map<String, Object> script, String field) {
    assertThatThrownBy(() -> tank.grade(script)).isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo(field));
  }
}
