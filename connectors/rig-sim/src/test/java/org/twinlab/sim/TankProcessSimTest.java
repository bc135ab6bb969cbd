package org.twinlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class TankProcessSimTest {

  private static void run(RigSimulator sim, double seconds) {
    for (int i = 0; i < Math.round(seconds / 0.05); i++) sim.step(0.05);
  }

  private static double level(RigSimulator sim) {
    return (Double) sim.groundTruth().get("tank.level");
  }

  @Test
  void thePidLoopHoldsTheLevelAtItsSetpoint() {
    TankProcessSim sim = new TankProcessSim(1);
    sim.write("pid.setpoint", 300.0);
    run(sim, 900);
    assertThat(level(sim)).isCloseTo(300, offset(5.0));
  }

  @Test
  void theRawTransmitterValueScalesAsAnS7AnalogInput() {
    TankProcessSim sim = new TankProcessSim(1);
    run(sim, 10);
    long raw = (Long) sim.groundTruth().get("tank.level_raw");
    assertThat(raw).isCloseTo(Math.round(level(sim) / 500 * 27648), offset(1L));
  }

  @Test
  void inManualModeTheLevelFollowsInflowMinusOutflow() {
    TankProcessSim sim = new TankProcessSim(1);
    sim.write("pid.mode", "manual");
    sim.write("pid.manual_output", 0.0);
    double before = level(sim);
    run(sim, 60);
    assertThat(level(sim)).isLessThan(before - 20);
    sim.write("pid.manual_output", 100.0);
    sim.write("outlet_valve.opening", 0.0);
    double low = level(sim);
    run(sim, 60);
    // 30 L/min into a 0.1257 m² tank is 3.98 mm/s
    assertThat(level(sim) - low).isCloseTo(60 * 30 / 60_000.0 / TankProcessSim.AREA_M2 * 1000, offset(8.0));
  }

  @Test
  void theHeaterWarmsStillWater() {
    TankProcessSim sim = new TankProcessSim(1);
    sim.write("pid.mode", "manual");
    sim.write("outlet_valve.opening", 0.0);
    sim.write("heater.on", true);
    run(sim, 300);
    // 6 kW into ~19 kg of water is 0.076 K/s, less 10 W/K to the room
    assertThat((Double) sim.groundTruth().get("tank.temperature")).isBetween(41.0, 43.5);
  }

  @Test
  void aWeldedHeaterContactorKeepsHeatingUntilTheEmergencyStop() {
    TankProcessSim sim = new TankProcessSim(1);
    sim.write("pid.mode", "manual");
    sim.write("outlet_valve.opening", 0.0);
    sim.write("heater.on", true);
    run(sim, 10);
    sim.inject(new Fault.ActuatorJam("heater"));
    sim.write("heater.on", false);
    double before = temperature(sim);
    run(sim, 60);
    assertThat(sim.groundTruth().get("heater.on")).isEqualTo(true);
    assertThat(temperature(sim)).isGreaterThan(before + 4);
    sim.write("panel.estop", true);
    double stopped = temperature(sim);
    run(sim, 60);
    assertThat(temperature(sim)).isLessThanOrEqualTo(stopped);
  }

  @Test
  void aStuckTransmitterMisleadsTheLevelLoopAndTheScaledTag() {
    TankProcessSim sim = new TankProcessSim(1);
    sim.write("pid.setpoint", 250.0);
    run(sim, 600);
    assertThat(level(sim)).isCloseTo(250, offset(3.0));
    long stuckRaw = Math.round(230 / 500.0 * 27648);
    sim.inject(new Fault.StuckAt("tank.level_raw", stuckRaw));
    run(sim, 120);
    // the loop believes the level is 20 mm low and keeps filling: the real level climbs past the setpoint
    assertThat(level(sim)).isGreaterThan(300);
    assertThat((Double) sim.read().get("tank.level").value()).isCloseTo(230, offset(0.01));
  }

  private static double temperature(RigSimulator sim) {
    return (Double) sim.groundTruth().get("tank.temperature");
  }

  @Test
  void sensorFaultsChangeTheReadingNotTheTruth() {
    TankProcessSim sim = new TankProcessSim(1);
    run(sim, 1);
    sim.inject(new Fault.Offset("tank.level", 40));
    double truth = level(sim);
    // the PLC scales its raw input, so the tag is within one count (0.018 mm) of the truth before the offset
    assertThat((Double) sim.read().get("tank.level").value()).isCloseTo(truth + 40, offset(0.02));
    long stuck = sim.inject(new Fault.StuckAt("tank.temperature", 99.0));
    assertThat(sim.read().get("tank.temperature").value()).isEqualTo(99.0);
    sim.clearFault(stuck);
    assertThat((Double) sim.read().get("tank.temperature").value()).isLessThan(30);
  }

  @Test
  void driftGrowsWithTimeAndDropoutLosesReadings() {
    TankProcessSim sim = new TankProcessSim(1);
    sim.inject(new Fault.Drift("tank.level", 0.5));
    run(sim, 20);
    assertThat((Double) sim.read().get("tank.level").value() - level(sim)).isCloseTo(10, offset(0.1));
    sim.inject(new Fault.Dropout("flow.rate", 0.5));
    long failed = java.util.stream.IntStream.range(0, 400).filter(i -> !sim.read().get("flow.rate").ok()).count();
    assertThat(failed).isBetween(140L, 260L);
  }

  @Test
  void outOfRangeSetpointsAreRefused() {
    TankProcessSim sim = new TankProcessSim(1);
    assertThat(sim.write("pid.setpoint", 900.0).accepted()).isFalse();
    assertThat(sim.write("pid.mode", "cascade").accepted()).isFalse();
  }
}
