package org.twinlab.scenarios.fairness;

/** What every scenario must meet to be a fair instrument, each with the key tables and tests use. */
public enum Rule {
  REFERENCE_SCORES_100("reference-scores-100", "the reference solution scores 100"),
  IDLE_SCORES_0("idle-scores-0", "a candidate who does nothing scores 0"),
  MOTIONS_FAILS("motions-fails", "going through the motions fails, with at most a third of the points"),
  RANDOM_FAILS("random-fails", "every random candidate fails, with at most a third of the points"),
  TASK_ALONE_EARNS_ITS_SHARE("task-alone-earns-its-share", "doing one task alone earns that task's share, within 5 points"),
  EVERY_TASK_HAS_STEPS("every-task-has-steps", "every task has reference steps of its own");

  private final String key;
  private final String says;

  Rule(String key, String says) {
    this.key = key;
    this.says = says;
  }

  public String key() {
    return key;
  }

  /** The rule in words. */
  public String says() {
    return says;
  }

  public static Rule byKey(String key) {
    for (Rule r : values()) {
      if (r.key.equals(key)) return r;
    }
    throw new IllegalArgumentException("no rule '" + key + "'");
  }
}
