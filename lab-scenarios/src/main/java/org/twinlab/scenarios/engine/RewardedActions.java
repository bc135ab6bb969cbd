package org.twinlab.scenarios.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.JudgementEvidence;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;

/**
 * The kinds of action a scenario rewards, as a candidate who has read the briefing could guess
 * them: those its reference steps take and those its checks' events name.
 */
public final class RewardedActions {
  private RewardedActions() {}

  /** The kinds, reference steps' first, each once. */
  public static List<String> of(Scenario s) {
    Set<String> kinds = new LinkedHashSet<>();
    for (ReferenceStep step : s.reference()) kinds.add(step.action());
    for (CheckDef c : s.checks()) kinds.addAll(JudgementEvidence.actionKinds(c));
    return List.copyOf(kinds);
  }
}
