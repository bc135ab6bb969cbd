package org.twinlab.scenarios.model;

import java.util.List;
import java.util.Map;

/**
 * How a station is prepared before the clock starts.
 *
 * @param rigWrites values written to the rig (signal path → value), e.g. a setpoint
 * @param rigIdle whether the rig starts idle (not running)
 * @param seed the simulator's seed, so every candidate meets the same rig
 * @param twin the twin application's state: absent (not deployed), loaded, running, paused or stopped
 * @param bindings changes to the twin's standard bindings, deliberately broken ones included; each a
 *     binding as the bindings API takes it, or {@code {property: p, remove: true}}
 */
public record Setup(Map<String, Object> rigWrites, boolean rigIdle, long seed, String twin, List<Map<String, Object>> bindings) {
  public static final List<String> TWIN_STATES = List.of("absent", "loaded", "running", "paused", "stopped");

  public Setup {
    rigWrites = Map.copyOf(rigWrites);
    bindings = List.copyOf(bindings);
  }
}
