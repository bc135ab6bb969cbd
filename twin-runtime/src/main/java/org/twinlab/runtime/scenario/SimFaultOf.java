package org.twinlab.runtime.scenario;

import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.sim.Fault;

/** A scenario's fault as the rig simulator injects it. */
final class SimFaultOf {
  private SimFaultOf() {}

  static Fault of(FaultDef f) throws StationException {
    try {
      return switch (f.kind()) {
        case "stuck_at" -> new Fault.StuckAt(f.target(), f.parameters().get("value"));
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

  private static double number(FaultDef f, String parameter) throws StationException {
    if (f.parameters().get(parameter) instanceof Number n) return n.doubleValue();
    throw new StationException("fault " + f.id() + ": " + parameter + " is a number");
  }
}
