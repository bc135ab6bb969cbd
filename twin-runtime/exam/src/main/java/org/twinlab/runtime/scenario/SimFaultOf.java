package org.twinlab.runtime.scenario;

import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.sim.Fault;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SignalType;

/** A scenario's fault as a rig simulator injects it. */
final class SimFaultOf {
  private SimFaultOf() {}

  static Fault of(FaultDef f, RigSimulator sim) throws StationException {
    try {
      return switch (f.kind()) {
        case "stuck_at" -> new Fault.StuckAt(f.target(), typed(sim, f.target(), f.parameters().get("value")));
        case "offset" -> new Fault.Offset(f.target(), number(f, "offset"));
        case "drift" -> new Fault.Drift(f.target(), number(f, "per_second"));
        case "noise" -> new Fault.Noise(f.target(), number(f, "stddev"));
        case "dropout" -> new Fault.Dropout(f.target(), number(f, "probability"));
        case "actuator_jam" -> new Fault.ActuatorJam(f.target());
        case "communication_loss" -> new Fault.CommunicationLoss();
        case "bearing_wear" -> new Fault.BearingWear(f.target(), number(f, "per_minute"));
        default -> throw new StationException("fault " + f.id() + ": no fault kind '" + f.kind() + "' on a simulated rig");
      };
    } catch (IllegalArgumentException e) {
      throw new StationException("fault " + f.id() + ": " + e.getMessage());
    }
  }

  /** A stuck reading takes the signal's type, as its sensor would report it: 10 on a REAL signal reads 10.0. */
  private static Object typed(RigSimulator sim, String path, Object value) {
    var s = sim.signal(path);
    if (s.isPresent() && value instanceof Number n && (s.get().type() == SignalType.REAL || s.get().type() == SignalType.LREAL)) {
      return n.doubleValue();
    }
    return value;
  }

  private static double number(FaultDef f, String parameter) throws StationException {
    if (f.parameters().get(parameter) instanceof Number n) return n.doubleValue();
    throw new StationException("fault " + f.id() + ": " + parameter + " is a number");
  }
}
