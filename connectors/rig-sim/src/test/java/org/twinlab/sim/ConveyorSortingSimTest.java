package org.twinlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conveyor's physics and PLC program, run on virtual time: minutes of operation in milliseconds. */
class ConveyorSortingSimTest {

  private static void run(RigSimulator sim, double seconds) {
    for (int i = 0; i < Math.round(seconds / 0.01); i++) sim.step(0.01);
  }

  private static long sorted(Map<String, Object> t) {
    return (Long) t.get("pusher1.count") + (Long) t.get("pusher2.count") + (Long) t.get("pusher3.count");
  }

  @Test
  void aRunningStationSortsEveryWorkpieceIntoAChute() {
    ConveyorSortingSim sim = new ConveyorSortingSim(7, true);
    run(sim, 120);
    Map<String, Object> t = sim.groundTruth();
    assertThat(sorted(t)).isGreaterThanOrEqualTo(35);
    assertThat(sim.lostWorkpieces()).isZero();
    assertThat((Long) t.get("pusher1.count")).isPositive();
    assertThat((Long) t.get("pusher2.count")).isPositive();
    assertThat((Long) t.get("pusher3.count")).isPositive();
    assertThat(t.get("lamps.green")).isEqualTo(true);
  }

  @Test
  void beltSpeedAndEncoderFollowTheFrequencySetpoint() {
    ConveyorSortingSim sim = new ConveyorSortingSim(1, true);
    assertThat(sim.write("belt.frequency_setpoint", 25.0).accepted()).isTrue();
    run(sim, 5);
    Map<String, Object> t = sim.groundTruth();
    assertThat((Double) t.get("belt.speed")).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    long before = (Long) t.get("belt.encoder_position");
    run(sim, 1);
    long after = (Long) sim.groundTruth().get("belt.encoder_position");
    assertThat(after - before).isCloseTo(Math.round(0.3 * ConveyorSortingSim.PULSES_PER_M), org.assertj.core.data.Offset.offset(2L));
  }

  @Test
  void emergencyStopHaltsTheBeltAndLightsRedUntilReset() {
    ConveyorSortingSim sim = new ConveyorSortingSim(1, true);
    run(sim, 3);
    sim.write("panel.estop", true);
    run(sim, 1);
    assertThat(sim.groundTruth()).containsEntry("belt.running", false).containsEntry("lamps.red", true).containsEntry("panel.state", "estop");
    sim.write("panel.estop", false);
    sim.write("panel.reset", true);
    run(sim, 0.1);
    sim.write("panel.start", true);
    run(sim, 3);
    assertThat(sim.groundTruth()).containsEntry("belt.running", true).containsEntry("lamps.green", true);
  }

  @Test
  void aJammedPusherFaultsTheStation() {
    ConveyorSortingSim sim = new ConveyorSortingSim(3, true);
    sim.inject(new Fault.ActuatorJam("pusher1"));
    sim.inject(new Fault.ActuatorJam("pusher2"));
    sim.inject(new Fault.ActuatorJam("pusher3"));
    run(sim, 30);
    assertThat(sim.state()).isEqualTo(ConveyorSortingSim.State.FAULT);
    assertThat(sim.groundTruth()).containsEntry("lamps.red", true);
    assertThat(sim.read().values().stream().filter(r -> Boolean.TRUE.equals(r.value())).count()).isPositive();
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    ConveyorSortingSim a = new ConveyorSortingSim(42, true);
    ConveyorSortingSim b = new ConveyorSortingSim(42, true);
    run(a, 60);
    run(b, 60);
    assertThat(a.groundTruth()).isEqualTo(b.groundTruth());
  }

  @Test
  void readOnlySignalsAndBadValuesAreRefused() {
    ConveyorSortingSim sim = new ConveyorSortingSim(1, false);
    assertThat(sim.write("belt.speed", 1.0).reason()).contains("read-only");
    assertThat(sim.write("belt.frequency_setpoint", 80.0).reason()).contains("0..50");
    assertThat(sim.write("belt.frequency_setpoint", "fast").accepted()).isFalse();
  }
}
