package org.twinlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MotorVibrationSimTest {

  private static void run(RigSimulator sim, double seconds) {
    for (int i = 0; i < Math.round(seconds / 0.1); i++) sim.step(0.1);
  }

  @Test
  void aHealthyMotorVibratesInZoneA() {
    MotorVibrationSim sim = new MotorVibrationSim(5);
    run(sim, 60);
    assertThat((Double) sim.groundTruth().get("vibration.rms_x")).isBetween(0.8, 2.0);
  }

  @Test
  void bearingWearPushesVibrationPastTheDangerLimit() {
    MotorVibrationSim sim = new MotorVibrationSim(5);
    sim.inject(new Fault.BearingWear("vibration", 1.0));
    run(sim, 300);
    assertThat((Double) sim.groundTruth().get("vibration.rms_x")).isGreaterThan(7.1);
  }

  @Test
  void windingTemperatureRisesTowardsItsLoadEquilibrium() {
    MotorVibrationSim sim = new MotorVibrationSim(5);
    double start = (Double) sim.groundTruth().get("motor.winding_temperature");
    run(sim, 1200);
    assertThat((Double) sim.groundTruth().get("motor.winding_temperature")).isGreaterThan(start + 20);
  }
}
