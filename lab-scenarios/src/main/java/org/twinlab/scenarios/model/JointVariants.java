package org.twinlab.scenarios.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * The miswired variants a joint-debugging program is graded against, as {@code detects.<variant>}
 * reports them: one rig's twin application spoiled the way a test suite's faulty variants are, named
 * by the rig's first word ({@code tank_wrong_scale}, {@code motor_swapped_signals}).
 */
public final class JointVariants {
  /** What each rig model's twin application can be spoiled by (the runtime's Mutant.forModel). */
  private static final List<String> TANK = ActionAttributes.TEST_VARIANTS;
  private static final List<String> CONVEYOR = ActionAttributes.TEST_VARIANTS;
  private static final List<String> MOTOR = List.of("wrong_scale", "swapped_signals", "stuck_sensor", "wrong_alarm_threshold");

  public static final List<String> ALL = Stream.of(
      TANK.stream().map(v -> "tank_" + v), CONVEYOR.stream().map(v -> "conveyor_" + v), MOTOR.stream().map(v -> "motor_" + v))
      .flatMap(s -> s).toList();

  private JointVariants() {}
}
