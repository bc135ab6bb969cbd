package org.twinlab.models;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(m.view().shapes()).anySatisfy(s -> assertThat(s.animations()).anySatisfy(a -> {
      assertThat(a.property()).isEqualTo("tank.level");
      assertThat(a.effect()).isEqualTo(Effect.FILL);
    }));
  }

  @Test
  void alarmsEvaluateAgainstValues() {
    TwinModel m = library.get("motor-vibration").orElseThrow();
    AlarmDef danger = m.alarms().stream().filter(a -> a.id().equals("vibration_danger")).findFirst().orElseThrow();
    assertThat(danger.condition().test(p -> p.equals("vibration.rms_y") ? 9.0 : 1.0)).isTrue();
    assertThat(danger.condition().test(p -> 2.0)).isFalse();
    assertThat(danger.condition().properties()).containsExactlyInAnyOrder("vibration.rms_x", "vibration.rms_y", "vibration.rms_z");
  }
}
