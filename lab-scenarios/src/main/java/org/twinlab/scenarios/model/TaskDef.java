package org.twinlab.scenarios.model;

import java.util.List;
import org.twinlab.models.Localized;

/**
 * A task the candidate is given: its prompt, its weight among the tasks that assess the same
 * function, the clause it assesses and its checks.
 */
public record TaskDef(String id, Localized prompt, double weight, String clause, List<CheckDef> checks) {
  public TaskDef {
    checks = List.copyOf(checks);
  }
}
