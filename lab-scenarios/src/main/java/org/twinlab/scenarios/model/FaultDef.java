package org.twinlab.scenarios.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.expr.Expr;

/**
 * A fault the scenario injects into the rig, at a time or when a trigger first becomes true.
 *
 * @param kind stuck_at, offset, drift, noise, dropout, actuator_jam, communication_loss or bearing_wear
 * @param target the signal a sensor fault acts on, or the component of an actuator jam or bearing wear
 * @param parameters the kind's parameters (value, offset, per_second, stddev, probability, per_minute)
 * @param hidden whether candidates are told of it (examiners always see it)
 */
public record FaultDef(String id, String kind, String target, Map<String, Object> parameters, Optional<Duration> at,
    Optional<Expr> trigger, String triggerText, Optional<Duration> lasting, boolean hidden) {

  public static final java.util.List<String> KINDS = java.util.List.of("stuck_at", "offset", "drift", "noise", "dropout",
      "actuator_jam", "communication_loss", "bearing_wear");

  /** The kinds that act on a component (an actuator, a bearing) rather than on a signal. */
  public static final java.util.List<String> ON_COMPONENTS = java.util.List.of("actuator_jam", "bearing_wear");

  public FaultDef {
    parameters = Map.copyOf(parameters);
  }
}
