package org.twinlab.sim;

import java.util.List;

/** Makes a simulator for a rig model by name. */
public final class Simulators {
  public static final List<String> MODELS = List.of("conveyor-sorting", "tank-process", "motor-vibration");

  private Simulators() {}

  /**
   * @param autoStart whether a station starts in RUNNING (the demo) or IDLE (an exam's start state)
   */
  public static RigSimulator create(String model, long seed, boolean autoStart) {
    return switch (model) {
      case "conveyor-sorting" -> new ConveyorSortingSim(seed, autoStart);
      case "tank-process" -> new TankProcessSim(seed);
      case "motor-vibration" -> new MotorVibrationSim(seed);
      default -> throw new IllegalArgumentException("no simulator for rig '" + model + "' (known: " + String.join(", ", MODELS) + ")");
    };
  }
}
