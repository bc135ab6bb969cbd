package org.twinlab.scenarios.fairness;

import java.util.Optional;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * One scripted candidate's dry run of a scenario, as the rules judge it.
 *
 * @param candidate its name in tables: reference, idle, motions, random-7, task:fix-the-binding
 * @param task the task a task-alone candidate did
 */
public record Played(String candidate, Kind kind, Optional<String> task, ScoreSheet sheet) {

  public enum Kind { REFERENCE, IDLE, MOTIONS, RANDOM, TASK_ALONE }

  public static Played of(String candidate, Kind kind, ScoreSheet sheet) {
    return new Played(candidate, kind, Optional.empty(), sheet);
  }
}
