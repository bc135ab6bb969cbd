package org.twinlab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A rig's physics on a fixed step, deterministic for a seed, and the signals it serves. Time
 * moves only through {@link #step}, so the same code runs in real time and in virtual time.
 * Methods are synchronized: the physics thread, the protocol server and fault injection share it.
 */
public abstract class RigSimulator {
  protected final Random random;
  private final Random sensorRandom;
  private final SimFaults faults = new SimFaults();
  private final Map<String, SimSignal> byPath = new LinkedHashMap<>();
  private double timeSeconds;
  /** The truth as of the last step or write, built once: observers read it many times a step. */
  private Map<String, Object> truthNow;

  protected RigSimulator(long seed) {
    this.random = new Random(seed);
    this.sensorRandom = new Random(seed ^ 0x5DEECE66DL);
  }

  /** The model in {@code models/} this rig is an instance of. */
  public abstract String model();

  public abstract List<SimSignal> signals();

  /** Advances the physics by dt seconds. */
  protected abstract void advance(double dt);

  /** The true value of every signal, keyed by path. */
  protected abstract Map<String, Object> truth();

  /** Applies a validated write to a writable signal. */
  protected abstract WriteOutcome accept(String path, Object value);

  public final synchronized void step(double dtSeconds) {
    advance(dtSeconds);
    timeSeconds += dtSeconds;
    truthNow = null;
  }

  public final synchronized double timeSeconds() {
    return timeSeconds;
  }

  /** What the sensors report now, faults applied, and what the PLC computes from those reports. */
  public final synchronized Map<String, Reading> read() {
    Map<String, Object> truth = truthNow();
    Map<String, Reading> out = new LinkedHashMap<>(truth.size() * 2);
    truth.forEach((path, value) -> out.put(path, faults.apply(known(path), value, timeSeconds, sensorRandom)));
    computedFrom(out).forEach((path, reading) -> out.put(path, reading.ok()
        ? faults.apply(known(path), reading.value(), timeSeconds, sensorRandom)
        : reading));
    return out;
  }

  /**
   * Tags the PLC computes from what its inputs report rather than from the physics, such as a level
   * scaled from a raw analog input: a fault on the input then shows in the computed tag too, as it
   * would on a real controller. None by default.
   */
  protected Map<String, Reading> computedFrom(Map<String, Reading> sensed) {
    return Map.of();
  }

  /**
   * What the sensor on {@code path} tells the controller's own logic now, faults applied, so a
   * control loop acts on a faulty reading as a real one would; {@code whenUnread} if it reports nothing.
   */
  protected final double sensed(String path, double truth, double whenUnread) {
    Reading r = faults.apply(known(path), truth, timeSeconds, sensorRandom);
    return r.ok() && r.value() instanceof Number n ? n.doubleValue() : whenUnread;
  }

  /** The physical truth, untouched by sensor faults: what checks compare the twin against. */
  public final synchronized Map<String, Object> groundTruth() {
    return truthNow();
  }

  private Map<String, Object> truthNow() {
    if (truthNow == null) truthNow = java.util.Collections.unmodifiableMap(truth());
    return truthNow;
  }

  public final synchronized WriteOutcome write(String path, Object value) {
    Optional<SimSignal> s = signal(path);
    if (s.isEmpty()) return WriteOutcome.refused("no signal " + path);
    if (!s.get().writable()) return WriteOutcome.refused(path + " is read-only");
    Object v = normalise(s.get(), value);
    if (v == null) return WriteOutcome.refused("'" + value + "' does not fit " + path + " (" + s.get().type() + ")");
    truthNow = null;
    return accept(path, v);
  }

  public final long inject(Fault fault) {
    synchronized (this) {
      return faults.inject(fault, timeSeconds);
    }
  }

  public final boolean clearFault(long id) {
    return faults.clear(id);
  }

  public final void clearFaults() {
    faults.clearAll();
  }

  public final Map<Long, SimFaults.Active> activeFaults() {
    return faults.active();
  }

  public final boolean communicationLost() {
    return faults.communicationLost();
  }

  protected final boolean jammed(String actuator) {
    return faults.jammed(actuator);
  }

  protected final double bearingWear(String target) {
    return faults.bearingWear(target, timeSeconds);
  }

  public final synchronized Optional<SimSignal> signal(String path) {
    return Optional.ofNullable(byPath().get(path));
  }

  /** A signal the rig is known to serve (a path of its own truth). */
  private SimSignal known(String path) {
    SimSignal s = byPath().get(path);
    if (s == null) throw new IllegalStateException(model() + " has no signal " + path);
    return s;
  }

  private Map<String, SimSignal> byPath() {
    if (byPath.isEmpty()) signals().forEach(s -> byPath.put(s.path(), s));
    return byPath;
  }

  private static Object normalise(SimSignal s, Object v) {
    return switch (s.type()) {
      case BOOL -> v instanceof Boolean ? v : null;
      case STRING -> v instanceof String ? v : null;
      case INT, DINT -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? Long.valueOf(n.longValue()) : null;
      case REAL, LREAL -> v instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
    };
  }

  /** Clamps x into [lo, hi]. */
  protected static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /** Moves x toward target by at most rate*dt. */
  protected static double ramp(double x, double target, double rate, double dt) {
    double step = rate * dt;
    return x < target ? Math.min(target, x + step) : Math.max(target, x - step);
  }
}
