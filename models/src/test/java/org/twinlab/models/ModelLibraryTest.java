package org.twinlab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.view.Effect;

class ModelLibraryTest {

  private final ModelLibrary library = ModelLibrary.builtIn();

  @Test
  void everyBuiltInModelLoadsAndValidates() {
    assertThat(library.all()).extracting(TwinModel::id).containsExactly("conveyor-sorting", "tank-process", "motor-vibration");
  }

  @Test
  void conveyorHasTheSortingStationParts() {
    TwinModel m = library.get("conveyor-sorting").orElseThrow();
    assertThat(m.kind()).isEqualTo(RigKind.PLC_STATION);
    assertThat(m.properties()).containsKeys(
        "belt.frequency_setpoint", "belt.speed", "belt.encoder_position", "sensors.entry", "sensors.inductive",
        "sensors.fibre", "pusher1.extended", "pusher2.retracted", "pusher3.count", "panel.estop",
        "lamps.green", "lamps.yellow", "lamps.red");
    PropertyDef setpoint = m.property("belt.frequency_setpoint").orElseThrow();
    assertThat(setpoint.writable()).isTrue();
    assertThat(setpoint.unit()).isEqualTo("Hz");
    assertThat(setpoint.range()).contains(new ValueRange(0, 50));
    assertThat(setpoint.description().zh()).isEqualTo("变频器频率给定");
    assertThat(m.command("panel.emergency_stop")).isPresent();
  }

  @Test
  void yamlAnchorsShareOneDefinitionAcrossPushers() {
    TwinModel m = library.get("conveyor-sorting").orElseThrow();
    assertThat(m.property("pusher3.extend").orElseThrow().writable()).isTrue();
    assertThat(m.property("pusher2.fault").orElseThrow().type()).isEqualTo(PropertyType.BOOL);
  }

  @Test
  void tankCarriesTheS7RawRangeAndThePidLoop() {
    TwinModel m = library.get("tank-process").orElseThrow();
    assertThat(m.property("tank.level_raw").orElseThrow().range()).contains(new ValueRange(0, 27648));
    assertThat(m.property("pid.mode").orElseThrow().enumValues()).containsExactly("auto", "manual");
    // the rig is a glTF scene: its water node fills with the level
    assertThat(m.view().gltf().orElseThrow().nodes()).anySatisfy(n -> {
      assertThat(n.node()).isEqualTo("water");
      assertThat(n.animation().property()).isEqualTo("tank.level");
      assertThat(n.animation().effect()).isEqualTo(Effect.FILL);
    });
  }

  @Test
  void alarmsEvaluateAgainstValues() {
    TwinModel m = library.get("motor-vibration").orElseThrow();
    AlarmDef danger = m.alarms().stream().filter(a -> a.id().equals("vibration_danger")).findFirst().orElseThrow();
    assertThat(danger.condition().test(p -> p.equals("vibration.rms_y") ? 9.0 : 1.0)).isTrue();
    assertThat(danger.condition().test(p -> 2.0)).isFalse();
    assertThat(danger.condition().properties()).containsExactlyInAnyOrder("vibration.rms_x", "vibration.rms_y", "vibration.rms_z");
  }

  @Test
  void theLibrarysAlarmsHoldExactlyWhenTheirConditionsSay() {
    AlarmCondition low = alarm("tank-process", "level_low");
    assertThat(low.test(Map.of("tank.level", 40.0, "pump.running", true)::get)).isTrue();
    assertThat(low.test(Map.of("tank.level", 40.0, "pump.running", false)::get)).isFalse();
    assertThat(low.test(Map.of("tank.level", 50.0, "pump.running", true)::get)).as("below, not at").isFalse();
    assertThat(low.test(Map.of("pump.running", true)::get)).as("no level, no alarm").isFalse();
    AlarmCondition estop = alarm("conveyor-sorting", "estop");
    assertThat(estop.test(Map.of("panel.estop", true)::get)).isTrue();
    assertThat(estop.test(Map.of("panel.estop", false)::get)).isFalse();
    assertThat(estop.test(Map.<String, Object>of()::get)).isFalse();
    AlarmCondition pushers = alarm("conveyor-sorting", "pusher_fault");
    assertThat(pushers.test(Map.of("pusher1.fault", false, "pusher2.fault", false, "pusher3.fault", true)::get)).isTrue();
    assertThat(pushers.test(Map.of("pusher1.fault", false, "pusher2.fault", false, "pusher3.fault", false)::get)).isFalse();
    AlarmCondition battery = alarm("motor-vibration", "battery_low");
    assertThat(battery.test(Map.of("node.battery", 14)::get)).as("an int reading").isTrue();
    assertThat(battery.test(Map.of("node.battery", 15)::get)).isFalse();
    AlarmCondition hot = alarm("tank-process", "overtemperature");
    assertThat(hot.test(Map.of("tank.temperature", 80.5)::get)).isTrue();
    assertThat(hot.test(Map.of("tank.temperature", 80.0)::get)).isFalse();
  }

  private AlarmCondition alarm(String model, String id) {
    return library.get(model).orElseThrow().alarms().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().condition();
  }
}
