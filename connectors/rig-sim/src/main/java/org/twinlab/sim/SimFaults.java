package org.twinlab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The faults active on one rig and how they change what its sensors report. */
public final class SimFaults {
  private final Map<Long, Active> active = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** A fault with the simulated time it was injected at. */
  public record Active(long id, Fault fault, double sinceSeconds) {}

  synchronized long inject(Fault fault, double nowSeconds) {
    long id = ids.incrementAndGet();
    active.put(id, new Active(id, fault, nowSeconds));
    return id;
  }

  synchronized boolean clear(long id) {
    return active.remove(id) != null;
  }

  synchronized void clearAll() {
    active.clear();
  }

  public synchronized Map<Long, Active> active() {
    return Map.copyOf(active);
  }

  // asked on every step of the physics: loops, not streams, and nothing to look at without faults
  synchronized boolean jammed(String actuator) {
    for (Active a : active.values()) {
      if (a.fault() instanceof Fault.ActuatorJam j && j.target().equals(actuator)) return true;
    }
    return false;
  }

  synchronized boolean communicationLost() {
    for (Active a : active.values()) {
      if (a.fault() instanceof Fault.CommunicationLoss) return true;
    }
    return false;
  }

  synchronized double bearingWear(String target, double nowSeconds) {
    double extra = 0;
    for (Active a : active.values()) {
      if (a.fault() instanceof Fault.BearingWear w && w.target().equals(target)) {
        extra += w.mmPerSecondPerMinute() * (nowSeconds - a.sinceSeconds()) / 60.0;
      }
    }
    return extra;
  }

  /** What the sensor of {@code signal} reports when the truth is {@code value}. */
  synchronized Reading apply(SimSignal signal, Object value, double nowSeconds, Random random) {
    Object v = value;
    for (Active a : active.values()) {
      Fault f = a.fault();
      if (!f.target().equals(signal.path())) continue;
      if (f instanceof Fault.Dropout d && random.nextDouble() < d.probability()) {
        return Reading.failed("sensor did not respond");
      }
      if (f instanceof Fault.StuckAt s) v = s.value();
      if (v instanceof Number n && signal.type().isNumeric()) {
        double x = n.doubleValue();
        if (f instanceof Fault.Offset o) x += o.offset();
        if (f instanceof Fault.Drift d) x += d.perSecond() * (nowSeconds - a.sinceSeconds());
        if (f instanceof Fault.Noise z) x += random.nextGaussian() * z.stddev();
        v = signal.type().isInteger() ? Long.valueOf(Math.round(x)) : Double.valueOf(x);
      }
    }
    return Reading.of(v);
  }
}
