package org.twinlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A load rig for benchmarks: N analog signals that all change on every step, grouped 200 to a
 * folder as a PLC's data blocks would be. Each value is the step's wall-clock time in
 * milliseconds, so a receiver can tell how old it is.
 */
public final class SignalFarmSim extends RigSimulator {
  public static final int PER_GROUP = 200;

  private final List<SimSignal> signals = new ArrayList<>();
  private double stamp;

  public SignalFarmSim(int count) {
    super(0);
    for (int i = 0; i < count; i++) {
      signals.add(new SimSignal("farm.s" + i, "DB_Bench", "G" + (i / PER_GROUP), "S" + i, SignalType.LREAL, false));
    }
  }

  @Override
  public String model() {
    return "signal-farm";
  }

  @Override
  public List<SimSignal> signals() {
    return signals;
  }

  @Override
  protected void advance(double dt) {
    stamp = System.currentTimeMillis();
  }

  @Override
  protected Map<String, Object> truth() {
    Map<String, Object> t = new LinkedHashMap<>();
    for (int i = 0; i < signals.size(); i++) t.put(signals.get(i).path(), stamp + i * 1e-6);
    return t;
  }

  @Override
  protected WriteOutcome accept(String path, Object value) {
    return WriteOutcome.refused("read-only");
  }
}
