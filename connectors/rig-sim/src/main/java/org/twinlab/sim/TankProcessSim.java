package org.twinlab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A level and temperature process: a VFD pump feeds a 400 mm-wide, 500 mm-tall tank through an
 * inlet valve, an outlet valve drains it by Torricelli's law, a 6 kW heater warms it and loses
 * 10 W/K to the room, and a positional PID with anti-windup runs every 100 ms as the PLC's cyclic
 * interrupt would, on the level the transmitter reports: a stuck or drifting transmitter misleads
 * the loop as it would on a real plant.
 */
public final class TankProcessSim extends RigSimulator {
  static final double AREA_M2 = Math.PI * 0.2 * 0.2;
  static final double HEIGHT_M = 0.5;
  static final double PUMP_MAX_LPM = 30;
  static final double OUTLET_K = 25 / Math.sqrt(0.5); // L/min at 100 % and 0.5 m head
  static final double HEATER_W = 6000;
  static final double LOSS_W_PER_K = 10;
  static final double AMBIENT_C = 20;
  static final double PID_PERIOD_S = 0.1;
  static final int RAW_FULL_SCALE = 27648;

  private static final String DB = "DB_Process";

  private double level = 0.15; // m
  private double temperature = AMBIENT_C;
  private double pumpSpeed; // %
  private double inflowLpm;
  private boolean inletOpen = true;
  private double outletOpening = 30;
  private boolean heaterOn; // commanded
  private boolean heating; // the contactor's actual state: a welded (jammed) one ignores its command
  private boolean estop;
  private boolean autoMode = true;
  private double setpointMm = 250;
  private double manualOutput;
  private double kp = 2.0;
  private double ti = 30;
  private double td;
  private double integral;
  private double lastError;
  private double sincePid;
  private double pidOutput;
  private double lastSensedRaw = raw(level);

  public TankProcessSim(long seed) {
    super(seed);
  }

  @Override
  public String model() {
    return "tank-process";
  }

  @Override
  public List<SimSignal> signals() {
    return List.of(
        sig("pump.running", "Pump", "Running", SignalType.BOOL, false),
        sig("pump.speed", "Pump", "Speed", SignalType.REAL, false),
        sig("pump.frequency", "Pump", "Frequency", SignalType.REAL, false),
        sig("inlet_valve.open", "InletValve", "Open", SignalType.BOOL, true),
        sig("outlet_valve.opening", "OutletValve", "Opening", SignalType.REAL, true),
        sig("tank.level", "Tank", "Level", SignalType.REAL, false),
        sig("tank.level_raw", "Tank", "LevelRaw", SignalType.INT, false),
        sig("tank.temperature", "Tank", "Temperature", SignalType.REAL, false),
        sig("flow.rate", "Flow", "Rate", SignalType.REAL, false),
        sig("heater.on", "Heater", "On", SignalType.BOOL, true),
        sig("pid.setpoint", "PID", "Setpoint", SignalType.REAL, true),
        sig("pid.mode", "PID", "Mode", SignalType.STRING, true),
        sig("pid.manual_output", "PID", "ManualOutput", SignalType.REAL, true),
        sig("pid.kp", "PID", "Kp", SignalType.REAL, true),
        sig("pid.ti", "PID", "Ti", SignalType.REAL, true),
        sig("pid.td", "PID", "Td", SignalType.REAL, true),
        sig("panel.estop", "Panel", "EStop", SignalType.BOOL, true));
  }

  private static SimSignal sig(String path, String group, String tag, SignalType type, boolean writable) {
    return new SimSignal(path, DB, group, tag, type, writable);
  }

  /** Engineering limits the PLC enforces on writable analog values. */
  private static final Map<String, double[]> LIMITS = Map.of(
      "outlet_valve.opening", new double[] {0, 100},
      "pid.setpoint", new double[] {0, 500},
      "pid.manual_output", new double[] {0, 100},
      "pid.kp", new double[] {0, 100},
      "pid.ti", new double[] {0, 1000},
      "pid.td", new double[] {0, 100});

  @Override
  protected WriteOutcome accept(String path, Object value) {
    double[] limit = LIMITS.get(path);
    if (limit != null && ((Double) value < limit[0] || (Double) value > limit[1])) {
      return WriteOutcome.refused(value + " is outside " + limit[0] + ".." + limit[1]);
    }
    switch (path) {
      case "inlet_valve.open" -> inletOpen = (Boolean) value;
      case "outlet_valve.opening" -> outletOpening = (Double) value;
      case "heater.on" -> heaterOn = (Boolean) value;
      case "pid.setpoint" -> setpointMm = (Double) value;
      case "pid.mode" -> {
        if (!"auto".equals(value) && !"manual".equals(value)) return WriteOutcome.refused("mode is auto or manual");
        boolean toAuto = "auto".equals(value);
        if (toAuto && !autoMode) integral = pidOutput; // bumpless transfer
        autoMode = toAuto;
      }
      case "pid.manual_output" -> manualOutput = (Double) value;
      case "pid.kp" -> kp = (Double) value;
      case "pid.ti" -> ti = (Double) value;
      case "pid.td" -> td = (Double) value;
      case "panel.estop" -> estop = (Boolean) value;
      default -> {
        return WriteOutcome.refused(path + " is not writable");
      }
    }
    return WriteOutcome.ACCEPTED;
  }

  @Override
  protected void advance(double dt) {
    sincePid += dt;
    while (sincePid >= PID_PERIOD_S) {
      sincePid -= PID_PERIOD_S;
      runPid();
    }
    double wanted = estop ? 0 : autoMode ? pidOutput : manualOutput;
    // a jammed drive ignores its speed command, but the emergency stop cuts its power (hard-wired safety circuit)
    if (estop || !jammed("pump")) pumpSpeed = ramp(pumpSpeed, wanted, 50, dt); // VFD ramps 50 %/s
    boolean inletFlows = inletOpen && !jammed("inlet_valve");
    inflowLpm = inletFlows ? pumpSpeed / 100 * PUMP_MAX_LPM : 0;
    double outflowLpm = outletOpening / 100 * OUTLET_K * Math.sqrt(Math.max(level, 0));
    double dLevel = (inflowLpm - outflowLpm) / 60_000 / AREA_M2 * dt;
    level = clamp(level + dLevel, 0, HEIGHT_M);
    double massKg = Math.max(1, level * AREA_M2 * 1000);
    if (!jammed("heater")) heating = heaterOn;
    // the emergency stop opens the heater's supply upstream of its contactor (hard-wired safety circuit)
    double heatW = heating && !estop ? HEATER_W : 0;
    double lossW = LOSS_W_PER_K * (temperature - AMBIENT_C);
    double mixing = inflowLpm / 60 / massKg * (AMBIENT_C - temperature);
    temperature += ((heatW - lossW) / (massKg * 4186) + mixing) * dt;
  }

  private void runPid() {
    double error = setpointMm - sensedLevelMm();
    if (!autoMode || estop) {
      integral = autoMode ? integral : manualOutput;
      lastError = error;
      return;
    }
    double p = kp * error;
    double d = td > 0 ? kp * td * (error - lastError) / PID_PERIOD_S : 0;
    double candidate = ti > 0 ? integral + kp * error * PID_PERIOD_S / ti : 0;
    double out = p + candidate + d;
    if (out >= 0 && out <= 100 || ti == 0) integral = candidate; // anti-windup: freeze when saturated
    pidOutput = clamp(p + integral + d, 0, 100);
    lastError = error;
  }

  /** The level as the PLC has it: the transmitter's raw input scaled to mm, faults included. */
  private double sensedLevelMm() {
    lastSensedRaw = sensed("tank.level_raw", raw(level), lastSensedRaw);
    double scaled = millimetres(lastSensedRaw);
    return sensed("tank.level", scaled, scaled);
  }

  /** The transmitter's raw S7 analog value for a level in metres. */
  private static long raw(double levelM) {
    return Math.round(levelM / HEIGHT_M * RAW_FULL_SCALE);
  }

  /** The PLC's scaling of a raw analog value to mm. */
  private static double millimetres(double raw) {
    return raw / RAW_FULL_SCALE * HEIGHT_M * 1000;
  }

  @Override
  protected Map<String, Reading> computedFrom(Map<String, Reading> sensed) {
    Reading raw = sensed.get("tank.level_raw");
    if (!raw.ok()) return Map.of("tank.level", raw);
    return Map.of("tank.level", Reading.of(millimetres(((Number) raw.value()).doubleValue())));
  }

  @Override
  protected Map<String, Object> truth() {
    // room for every signal without growing: the truth is built afresh each step it is read
    Map<String, Object> t = new LinkedHashMap<>(32);
    t.put("pump.running", pumpSpeed > 1);
    t.put("pump.speed", pumpSpeed);
    t.put("pump.frequency", pumpSpeed / 100 * 50);
    t.put("inlet_valve.open", inletOpen);
    t.put("outlet_valve.opening", outletOpening);
    t.put("tank.level", level * 1000);
    t.put("tank.level_raw", raw(level));
    t.put("tank.temperature", temperature);
    t.put("flow.rate", inflowLpm);
    t.put("heater.on", heating);
    t.put("pid.setpoint", setpointMm);
    t.put("pid.mode", autoMode ? "auto" : "manual");
    t.put("pid.manual_output", manualOutput);
    t.put("pid.kp", kp);
    t.put("pid.ti", ti);
    t.put("pid.td", td);
    t.put("panel.estop", estop);
    return t;
  }
}
