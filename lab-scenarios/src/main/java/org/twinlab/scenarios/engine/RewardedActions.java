package org.twinlab.scenarios.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinlab.scenarios.model.Actions;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.ReferenceStep;
import org.twinlab.scenarios.model.Scenario;

/**
 * The kinds of action a scenario rewards, as a candidate who has read the briefing could guess
 * them: those its reference steps take and those its checks' events name.
 */
public final class RewardedActions {
  private static final Pattern EVENT = Pattern.compile("\\baction\\.([a-z_]+)");

  private RewardedActions() {}

  /** The kinds, reference steps' first, each once. */
  public static List<String> of(Scenario s) {
    Set<String> kinds = new LinkedHashSet<>();
    for (ReferenceStep step : s.reference()) kinds.add(step.action());
    for (CheckDef c : s.checks()) {
      Matcher m = EVENT.matcher(c.measureText() == null ? "" : c.measureText());
      while (m.find()) {
        if (Actions.KINDS.contains(m.group(1))) kinds.add(m.group(1));
      }
    }
    return List.copyOf(kinds);
  }
}
