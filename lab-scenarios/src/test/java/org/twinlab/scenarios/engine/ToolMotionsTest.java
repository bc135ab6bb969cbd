package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;

/** The hollow test tools of a candidate going through the motions keep the form and lose the substance. */
class ToolMotionsTest {
  private final ToolMotions tank = new ToolMotions(ModelLibrary.loadBuiltIn("tank-process"));

  @Test
  @SuppressWarnings("unchecked")
  void eachProbeReadsTheNextProbesSignal() {
    Map<String, Object> crossed = tank.crossedProbes(Map.of("probes", List.of(
        Map.of("property", "tank.level", "connection", "${plc}", "address", "A", "transform", Map.of("scale", 2)),
        Map.of("property", "flow.rate", "connection", "${plc}", "address", "B"))));
    assertThat((List<Object>) crossed.get("probes")).containsExactly(
        Map.of("property", "tank.level", "connection", "${plc}", "address", "B", "transform", Map.of("scale", 2)),
        Map.of("property", "flow.rate", "connection", "${plc}", "address", "A"));
  }

  @Test
  void withoutAReferenceSetUpOneProbeReadsANodeThePlcDoesNotHave() {
    List<?> probes = (List<?>) tank.crossedProbes(Map.of()).get("probes");
    assertThat(probes).hasSize(1);
    assertThat(((Map<?, ?>) probes.get(0)).get("address")).isEqualTo("nsu=urn:twinlab:plc;s=\"Test\".\"Probe\"");
  }

  @Test
  void theScriptLoadsLightlyAndAcceptsAMinutesLatency() {
    Map<String, Object> lenient = tank.lenientScript(Map.of("property", "pid.setpoint", "values", List.of(300, 320), "rate", 1, "seconds", 60,
        "metric", "p95", "threshold_ms", 1000));
    assertThat(lenient).containsEntry("property", "pid.setpoint").containsEntry("metric", "p95").containsEntry("rate", 0.2)
        .containsEntry("threshold_ms", 60_000);
    assertThat(tank.lenientScript(Map.of())).containsKeys("property", "values", "rate", "seconds", "metric", "threshold_ms");
  }
}
