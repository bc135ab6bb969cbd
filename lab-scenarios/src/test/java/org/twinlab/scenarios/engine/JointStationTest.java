package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;

class JointStationTest {
  private final FakeStation tank = new FakeStation();
  private final FakeStation motor = new FakeStation();
  private final JointStation station = new JointStation(List.of(
      new JointStation.Part(ModelLibrary.loadBuiltIn("tank-process"), tank),
      new JointStation.Part(ModelLibrary.loadBuiltIn("motor-vibration"), motor)));

  @Test
  void eachRigGetsItsOwnPartOfTheSetup() throws Exception {
    station.prepare(new Setup(Map.of("pid.setpoint", 300.0, "node.interval_ms", 5000L), false, 7, "running",
        List.of(Map.of("property", "pump.speed", "address", "x"), Map.of("property", "motor.current", "remove", true))));
    assertThat(tank.prepared.rigWrites()).containsOnlyKeys("pid.setpoint");
    assertThat(tank.prepared.bindings()).extracting(b -> b.get("property")).containsExactly("pump.speed");
    assertThat(motor.prepared.rigWrites()).containsOnlyKeys("node.interval_ms");
    assertThat(motor.prepared.bindings()).extracting(b -> b.get("property")).containsExactly("motor.current");
    assertThat(motor.prepared.seed()).isEqualTo(7);
  }

  @Test
  void actionsGoToTheRigThatOwnsWhatTheyTouch() {
    station.perform("ann", "write", Map.of("property", "node.interval_ms", "value", 1000));
    station.perform("ann", "alarm_ack", Map.of("alarm", "level_high"));
    station.perform("ann", "report", Map.of("alarm_code", "winding_hot"));
    station.perform("ann", "emergency_stop", Map.of());
    station.perform("ann", "stop", Map.of("rig", "motor-vibration"));
    station.perform("ann", "start", Map.of());
    assertThat(tank.log).containsExactly("ann alarm_ack", "ann emergency_stop", "ann start");
    assertThat(motor.log).containsExactly("ann write", "ann report", "ann stop");
    assertThat(station.perform("ann", "stop", Map.of("rig", "conveyor-sorting")).detail()).contains("no conveyor-sorting rig");
  }

  @Test
  void faultsFindTheirRigAndAreClearedThere() throws Exception {
    String jam = station.inject(fault("jam", "actuator_jam", "pump"));
    String link = station.inject(fault("link", "communication_loss", "motor-vibration"));
    station.clear(link);
    station.clear(jam);
    assertThat(tank.log).containsExactly("inject jam", "clear jam");
    assertThat(motor.log).containsExactly("inject link", "clear link");
  }

  @Test
  void theFirstRigsLifecycleIsTheStations() throws Exception {
    Map<String, Object> heard = new java.util.LinkedHashMap<>();
    station.follow((signal, at, value) -> heard.put(signal, value.value()));
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    tank.changed("twin.lifecycle", t, "running");
    motor.changed("twin.lifecycle", t, "stopped");
    motor.changed("twin.motor.current", t, 12.0);
    assertThat(heard).containsExactly(Map.entry("twin.lifecycle", "running"), Map.entry("twin.motor.current", 12.0));
  }

  @Test
  void theGroundTruthOfEveryRigIsRead() {
    tank.set("rig.tank.level", 120.0);
    motor.set("rig.motor.current", 12.0);
    assertThat(station.observe()).containsEntry("rig.tank.level", Observed.known(120.0))
        .containsEntry("rig.motor.current", Observed.known(12.0));
  }

  @Test
  void rigsThatShareNamesAreRefused() {
    assertThatThrownBy(() -> new JointStation(List.of(
        new JointStation.Part(ModelLibrary.loadBuiltIn("tank-process"), tank),
        new JointStation.Part(ModelLibrary.loadBuiltIn("conveyor-sorting"), motor))))
        .hasMessageContaining("component 'panel'");
  }

  private static FaultDef fault(String id, String kind, String target) {
    return new FaultDef(id, kind, target, Map.of(), Optional.of(java.time.Duration.ofMinutes(1)), Optional.empty(), "",
        Optional.empty(), true);
  }
}
