package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class TestSetupGraderTest {
  private static final String PLC = "plc-tank-1";
  private final TestSetupGrader tank = new TestSetupGrader(ModelLibrary.loadBuiltIn("tank-process"), StationNames.of("tank-1"));

  private static String node(String symbol) {
    return "nsu=urn:twinlab:plc;s=\"DB_Process\"." + symbol;
  }

  private static Map<String, Object> probe(String property, String address, Map<String, Object> transform) {
    Map<String, Object> p = new LinkedHashMap<>(Map.of("property", property, "connection", PLC, "address", address));
    if (transform != null) p.put("transform", transform);
    return p;
  }

  private static final Map<String, Object> LEVEL_RANGE = Map.of("range", Map.of("raw", List.of(0, 27648), "value", List.of(0, 500)));

  @Test
  void probesBoundAsTheRigIsWiredMirrorIt() {
    ActionOutcome o = tank.grade(Map.of("probes", List.of(
        probe("tank.level", node("\"Tank\".\"LevelRaw\""), LEVEL_RANGE),
        probe("flow.rate", node("\"Flow\".\"Rate\""), null),
        probe("pid.setpoint", node("\"PID\".\"Setpoint\""), null),
        probe("pump.running", node("\"Pump\".\"Running\""), null))));
    assertThat(o.result()).containsEntry("probes", "4").containsEntry("connects", "true").containsEntry("mirrored", "4")
        .containsEntry("missed", "0").containsEntry("mirrors", "tank.level,flow.rate,pid.setpoint,pump.running");
  }

  @Test
  void aLevelReadWithoutItsRangeConnectsButDoesNotMirror() {
    ActionOutcome o = tank.grade(Map.of("probes", List.of(probe("tank.level", node("\"Tank\".\"LevelRaw\""), null),
        probe("pid.setpoint", node("\"PID\".\"Setpoint\""), null))));
    assertThat(o.result()).containsEntry("connects", "true").containsEntry("mirrored", "1").containsEntry("missed", "1")
        .containsEntry("mirrors", "pid.setpoint")
        .containsEntry("mirrors.tank.level", "false").containsEntry("mirrors.pid.setpoint", "true");
  }

  @Test
  void aProbeOfAnotherSignalMirrorsNothing() {
    ActionOutcome o = tank.grade(Map.of("probes", List.of(probe("flow.rate", node("\"Tank\".\"Temperature\""), null))));
    assertThat(o.result()).containsEntry("connects", "true").containsEntry("mirrored", "0");
  }

  @Test
  void aNodeTheServerDoesNotHaveDoesNotConnect() {
    ActionOutcome o = tank.grade(Map.of("probes", List.of(probe("flow.rate", node("\"Flow\".\"Rte\""), null))));
    assertThat(o.result()).containsEntry("connects", "false").containsEntry("mirrored", "0").containsEntry("missed", "1");
  }

  @Test
  void aMalformedSetUpIsRefusedNamingTheField() {
    assertRefused(Map.of(), "probes");
    assertRefused(Map.of("probes", List.of(Map.of("property", "flow.rate", "connection", "plc-tank-9", "address", "x"))), "probes[0].connection");
    assertRefused(Map.of("probes", List.of(Map.of("property", "flow.rate", "connection", PLC))), "probes[0].address");
    assertRefused(Map.of("probes", List.of(Map.of("property", "flow.rate", "connection", PLC, "address", "x", "write", true))), "probes[0].write");
    assertRefused(Map.of("probes", List.of(probe("flow.rte", node("\"Flow\".\"Rate\""), null))), "probes[0]");
    assertRefused(Map.of("probes", List.of(probe("flow.rate", node("\"Flow\".\"Rate\""), null)), "mirrored", "1"), "mirrored");
  }

  private void assertRefused(Map<String, Object> setup, String field) {
    assertThatThrownBy(() -> tank.grade(setup)).isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo(field));
  }
}
