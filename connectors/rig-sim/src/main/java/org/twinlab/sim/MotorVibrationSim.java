package org.twinlab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wireless condition-monitoring node on a loaded motor. Vibration sits near 1 mm/s on a healthy
 * machine; a {@link Fault.BearingWear} fault makes it grow; winding temperature follows the current
 * with a 10-minute thermal time constant; the battery drains as the node reports.
 */
public final class MotorVibrationSim extends RigSimulator {
  private static final String SECTION = "telemetry";
  private static final double THERMAL_TAU_S = 600;

  private final double loadA;
  private double winding = 35;
  private double current;
  private double battery = 100;
  private double rssi = -62;
  private final double[] rms = new double[3];
  private long intervalMs = 1000;

  public MotorVibrationSim(long seed) {
    super(seed);
    this.loadA = 10 + random.nextDouble() * 4;
    this.current = loadA;
  }

  @Override
  public String model() {
    return "motor-vibration";
  }

  @Override
  public List<SimSignal> signals() {
    return List.of(
        sig("motor.winding_temperature", "motor", "winding_temperature", SignalType.REAL),
        sig("motor.current", "motor", "current", SignalType.REAL),
        sig("vibration.rms_x", "vibration", "x", SignalType.REAL),
        sig("vibration.rms_y", "vibration", "y", SignalType.REAL),
        sig("vibration.rms_z", "vibration", "z", SignalType.REAL),
        sig("node.battery", "node", "battery", SignalType.REAL),
        sig("node.rssi", "node", "rssi", SignalType.INT),
        new SimSignal("node.interval_ms", SECTION, "node", "interval_ms", SignalType.DINT, true));
  }

  private static SimSignal sig(String path, String group, String tag, SignalType type) {
    return new SimSignal(path, SECTION, group, tag, type, false);
  }

  @Override
  protected WriteOutcome accept(String path, Object value) {
    if (!path.equals("node.interval_ms")) return WriteOutcome.refused(path + " is not writable");
    long ms = (Long) value;
    if (ms < 100 || ms > 60_000) return WriteOutcome.refused("interval is 100..60000 ms");
    intervalMs = ms;
    return WriteOutcome.ACCEPTED;
  }

  @Override
  protected void advance(double dt) {
    current = loadA + random.nextGaussian() * 0.15;
    double target = 40 + 2.5 * current;
    winding += (target - winding) * dt / THERMAL_TAU_S;
    double wear = bearingWear("vibration");
    double[] base = {1.2, 1.0, 0.7};
    for (int i = 0; i < 3; i++) {
      rms[i] = Math.max(0, base[i] * (1 + wear / 2) + wear * (i == 0 ? 1 : 0.6) + random.nextGaussian() * 0.05);
    }
    winding += wear * 0.002 * dt; // friction heat
    battery = Math.max(0, battery - dt * 0.0005 * (1000.0 / intervalMs));
    rssi = clamp(rssi + random.nextGaussian() * 0.3, -90, -40);
  }

  @Override
  protected Map<String, Object> truth() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("motor.winding_temperature", winding);
    t.put("motor.current", current);
    t.put("vibration.rms_x", rms[0]);
    t.put("vibration.rms_y", rms[1]);
    t.put("vibration.rms_z", rms[2]);
    t.put("node.battery", battery);
    t.put("node.rssi", Math.round(rssi));
    t.put("node.interval_ms", intervalMs);
    return t;
  }

  public synchronized long intervalMs() {
    return intervalMs;
  }
}
