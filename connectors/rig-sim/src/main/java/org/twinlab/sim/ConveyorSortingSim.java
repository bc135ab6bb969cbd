package org.twinlab.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YL-335B-style sorting station. Workpieces are fed onto the belt, trip the entry,
 * inductive and fibre sensors, and the PLC program fires the pusher of their chute (metal to 1,
 * white to 2, black to 3) when they reach it. A jammed pusher faults the station after 1 s.
 */
public final class ConveyorSortingSim extends RigSimulator {
  public enum Material { METAL, WHITE, BLACK }

  public enum State { IDLE, RUNNING, STOPPED, ESTOP, FAULT }

  static final double MAX_SPEED = 0.6; // m/s at 50 Hz
  static final double ACCEL_HZ_PER_S = 25; // inverter ramp
  static final double PULSES_PER_M = 500 / (Math.PI * 0.05); // 500 ppr encoder on a 50 mm roller
  static final double ENTRY_X = 0.05;
  static final double INDUCTIVE_X = 0.35;
  static final double FIBRE_X = 0.45;
  static final double[] PUSHER_X = {0.70, 1.00, 1.30};
  static final double BELT_END_X = 1.50;
  static final double SENSOR_HALF_WIDTH = 0.025; // workpiece radius
  static final double STROKE_TIME_S = 0.3;
  static final double PUSHER_TIMEOUT_S = 1.0;
  static final double FEED_INTERVAL_S = 3.0;

  private static final String DB = "DB_Sorting";

  /** A workpiece riding the belt; the PLC remembers what its sensors saw. */
  public static final class Workpiece {
    final Material material;
    double x;
    boolean sawMetal;
    boolean sawWhite;

    Workpiece(Material material) {
      this.material = material;
    }

    int chute() {
      return sawMetal ? 0 : sawWhite ? 1 : 2;
    }
  }

  private static final class Pusher {
    double stroke; // 0 retracted .. 1 extended
    boolean command;
    double commandedFor;
    double retractingFor;
    boolean fault;
    long count;
  }

  private final List<Workpiece> onBelt = new ArrayList<>();
  private final Pusher[] pushers = {new Pusher(), new Pusher(), new Pusher()};
  // the pushers' names and signal paths, made once: the truth is read every step
  private static final String[] PUSHERS = {"pusher1", "pusher2", "pusher3"};
  private static final String[][] PUSHER_KEYS = java.util.Arrays.stream(PUSHERS)
      .map(n -> new String[] {n + ".extend", n + ".extended", n + ".retracted", n + ".count", n + ".fault"})
      .toArray(String[][]::new);
  private State state = State.IDLE;
  private double setpointHz = 30;
  private double frequency;
  private double position; // metres travelled
  private double sinceFeed = FEED_INTERVAL_S;
  private boolean estopPressed;
  private boolean startPressed;
  private boolean stopPressed;
  private boolean resetPressed;
  private long lost;

  public ConveyorSortingSim(long seed, boolean autoStart) {
    super(seed);
    if (autoStart) state = State.RUNNING;
  }

  @Override
  public String model() {
    return "conveyor-sorting";
  }

  @Override
  public List<SimSignal> signals() {
    List<SimSignal> s = new ArrayList<>(List.of(
        sig("belt.frequency_setpoint", "Belt", "FrequencySetpoint", SignalType.REAL, true),
        sig("belt.frequency", "Belt", "Frequency", SignalType.REAL, false),
        sig("belt.speed", "Belt", "Speed", SignalType.REAL, false),
        sig("belt.encoder_position", "Belt", "EncoderPosition", SignalType.DINT, false),
        sig("belt.running", "Belt", "Running", SignalType.BOOL, false),
        sig("sensors.entry", "Sensors", "Entry", SignalType.BOOL, false),
        sig("sensors.inductive", "Sensors", "Inductive", SignalType.BOOL, false),
        sig("sensors.fibre", "Sensors", "Fibre", SignalType.BOOL, false)));
    for (int i = 1; i <= 3; i++) {
      String g = "Pusher" + i;
      s.add(sig("pusher" + i + ".extend", g, "Extend", SignalType.BOOL, true));
      s.add(sig("pusher" + i + ".extended", g, "Extended", SignalType.BOOL, false));
      s.add(sig("pusher" + i + ".retracted", g, "Retracted", SignalType.BOOL, false));
      s.add(sig("pusher" + i + ".count", g, "Count", SignalType.DINT, false));
      s.add(sig("pusher" + i + ".fault", g, "Fault", SignalType.BOOL, false));
    }
    s.addAll(List.of(
        sig("panel.start", "Panel", "Start", SignalType.BOOL, true),
        sig("panel.stop", "Panel", "Stop", SignalType.BOOL, true),
        sig("panel.reset", "Panel", "Reset", SignalType.BOOL, true),
        sig("panel.estop", "Panel", "EStop", SignalType.BOOL, true),
        sig("panel.state", "Panel", "State", SignalType.STRING, false),
        sig("lamps.green", "Lamps", "Green", SignalType.BOOL, false),
        sig("lamps.yellow", "Lamps", "Yellow", SignalType.BOOL, false),
        sig("lamps.red", "Lamps", "Red", SignalType.BOOL, false)));
    return s;
  }

  private static SimSignal sig(String path, String group, String tag, SignalType type, boolean writable) {
    return new SimSignal(path, DB, group, tag, type, writable);
  }

  @Override
  protected WriteOutcome accept(String path, Object value) {
    switch (path) {
      case "belt.frequency_setpoint" -> {
        double hz = (Double) value;
        if (hz < 0 || hz > 50) return WriteOutcome.refused("frequency setpoint is 0..50 Hz");
        setpointHz = hz;
      }
      case "panel.start" -> startPressed |= (Boolean) value;
      case "panel.stop" -> stopPressed |= (Boolean) value;
      case "panel.reset" -> resetPressed |= (Boolean) value;
      case "panel.estop" -> estopPressed = (Boolean) value;
      default -> {
        if (path.endsWith(".extend")) {
          if (state == State.RUNNING) return WriteOutcome.refused("pushers are under program control while running");
          pushers[path.charAt(6) - '1'].command = (Boolean) value;
        } else {
          return WriteOutcome.refused(path + " is not writable");
        }
      }
    }
    return WriteOutcome.ACCEPTED;
  }

  @Override
  protected void advance(double dt) {
    scanPanel();
    double target = state == State.RUNNING ? setpointHz : 0;
    double ramp = state == State.ESTOP ? ACCEL_HZ_PER_S * 4 : ACCEL_HZ_PER_S; // e-stop brakes hard
    frequency = ramp(frequency, target, ramp, dt);
    double v = speed();
    position += v * dt;
    for (Workpiece w : onBelt) {
      if (!beingPushed(w)) w.x += v * dt;
    }
    senseAndSort();
    movePushers(dt);
    removeSortedAndFallen();
    feed(dt);
  }

  private void scanPanel() {
    if (estopPressed) {
      state = State.ESTOP;
    } else if (state == State.ESTOP && resetPressed) {
      state = State.IDLE;
    }
    if (resetPressed && state == State.FAULT) {
      for (Pusher p : pushers) {
        p.fault = false;
        p.command = false;
        p.commandedFor = 0;
        p.retractingFor = 0;
      }
      state = State.IDLE;
    }
    if (startPressed && (state == State.IDLE || state == State.STOPPED)) state = State.RUNNING;
    if (stopPressed && state == State.RUNNING) state = State.STOPPED;
    startPressed = stopPressed = resetPressed = false; // momentary buttons: one scan
  }

  private void senseAndSort() {
    for (Workpiece w : onBelt) {
      if (near(w.x, INDUCTIVE_X) && w.material == Material.METAL) w.sawMetal = true;
      if (near(w.x, FIBRE_X) && w.material == Material.WHITE) w.sawWhite = true;
      if (state == State.RUNNING && w.x > FIBRE_X + SENSOR_HALF_WIDTH) {
        int c = w.chute();
        if (w.x >= PUSHER_X[c] && !pushers[c].command && pushers[c].stroke == 0) {
          pushers[c].command = true;
          pushers[c].commandedFor = 0;
        }
      }
    }
  }

  private void movePushers(double dt) {
    for (int i = 0; i < 3; i++) {
      Pusher p = pushers[i];
      boolean jam = jammed(PUSHERS[i]);
      double before = p.stroke;
      if (!jam) p.stroke = ramp(p.stroke, p.command ? 1 : 0, 1 / STROKE_TIME_S, dt);
      if (!p.command) {
        // the PLC also watches the retract: a cylinder that stays out blocks the chute
        p.retractingFor = p.stroke > 0 ? p.retractingFor + dt : 0;
        if (p.retractingFor > PUSHER_TIMEOUT_S) {
          p.fault = true;
          if (state == State.RUNNING) state = State.FAULT;
        }
      }
      if (p.command) {
        p.commandedFor += dt;
        if (p.stroke < 1 && p.commandedFor > PUSHER_TIMEOUT_S) {
          p.fault = true;
          if (state == State.RUNNING) state = State.FAULT;
        }
        if (p.stroke == 1 && before < 1) {
          pushOff(i);
          if (state == State.RUNNING || state == State.FAULT) p.command = false;
        }
      }
    }
  }

  private void pushOff(int chute) {
    Iterator<Workpiece> it = onBelt.iterator();
    while (it.hasNext()) {
      Workpiece w = it.next();
      if (Math.abs(w.x - PUSHER_X[chute]) < 0.06) {
        it.remove();
        pushers[chute].count++;
        return;
      }
    }
  }

  private boolean beingPushed(Workpiece w) {
    for (int i = 0; i < 3; i++) {
      if (pushers[i].command && Math.abs(w.x - PUSHER_X[i]) < 0.06 && w.x >= PUSHER_X[i]) return true;
    }
    return false;
  }

  private void removeSortedAndFallen() {
    Iterator<Workpiece> it = onBelt.iterator();
    while (it.hasNext()) {
      if (it.next().x > BELT_END_X) {
        it.remove();
        lost++;
      }
    }
  }

  private void feed(double dt) {
    sinceFeed += dt;
    if (state != State.RUNNING || sinceFeed < FEED_INTERVAL_S) return;
    boolean entryClear = onBelt.stream().noneMatch(w -> w.x < 0.2);
    if (entryClear) {
      onBelt.add(new Workpiece(Material.values()[random.nextInt(3)]));
      sinceFeed = 0;
    }
  }

  private static boolean near(double x, double sensorX) {
    return Math.abs(x - sensorX) <= SENSOR_HALF_WIDTH;
  }

  private double speed() {
    return frequency / 50.0 * MAX_SPEED;
  }

  private boolean anyAt(double sensorX, Material only) {
    return onBelt.stream().anyMatch(w -> near(w.x, sensorX) && (only == null || w.material == only));
  }

  @Override
  protected Map<String, Object> truth() {
    // room for every signal without growing: the truth is built afresh each step it is read
    Map<String, Object> t = new LinkedHashMap<>(32);
    t.put("belt.frequency_setpoint", setpointHz);
    t.put("belt.frequency", frequency);
    t.put("belt.speed", speed());
    t.put("belt.encoder_position", (long) (int) Math.round(position * PULSES_PER_M));
    t.put("belt.running", frequency > 0.1);
    t.put("sensors.entry", anyAt(ENTRY_X, null));
    t.put("sensors.inductive", anyAt(INDUCTIVE_X, Material.METAL));
    t.put("sensors.fibre", anyAt(FIBRE_X, Material.WHITE));
    for (int i = 0; i < 3; i++) {
      Pusher p = pushers[i];
      String[] key = PUSHER_KEYS[i];
      t.put(key[0], p.command);
      t.put(key[1], p.stroke >= 0.98);
      t.put(key[2], p.stroke <= 0.02);
      t.put(key[3], p.count);
      t.put(key[4], p.fault);
    }
    t.put("panel.start", false);
    t.put("panel.stop", false);
    t.put("panel.reset", false);
    t.put("panel.estop", estopPressed);
    t.put("panel.state", state.name().toLowerCase(java.util.Locale.ROOT));
    t.put("lamps.green", state == State.RUNNING);
    t.put("lamps.yellow", state == State.IDLE || state == State.STOPPED);
    t.put("lamps.red", state == State.ESTOP || state == State.FAULT);
    return t;
  }

  /** For tests and ground-truth checks: workpieces that fell off the end unsorted. */
  public synchronized long lostWorkpieces() {
    return lost;
  }

  public synchronized State state() {
    return state;
  }
}
