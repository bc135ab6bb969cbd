package org.twinlab.scenarios.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.standard.Level;

/**
 * A lab scenario as a trainer wrote it: what the candidate is asked, on which rig, within what
 * time, what goes wrong and when, how it is scored, and a reference solution that proves it can be
 * solved.
 *
 * @param rigs the station's rig models: the first is the station's own, any others are there for joint work
 * @param judgements the marks (0-3) an examiner would give the reference solution's judged checks, by check id
 */
public record Scenario(String id, int version, Localized title, Localized briefing, Level level, Skill skill,
    List<String> clauses, List<String> rigs, Duration timeLimit, double passMark, Setup setup, List<FaultDef> faults,
    List<TaskDef> tasks, List<ReferenceStep> reference, Map<String, Integer> judgements, String source) {

  public Scenario {
    clauses = List.copyOf(clauses);
    rigs = List.copyOf(rigs);
    faults = List.copyOf(faults);
    tasks = List.copyOf(tasks);
    reference = List.copyOf(reference);
    judgements = Map.copyOf(judgements);
  }

  /** The station's own rig model. */
  public String rig() {
    return rigs.get(0);
  }

  /** The rig models named in a list, "tank-process+motor-vibration" for a joint station. */
  public String rigList() {
    return String.join("+", rigs);
  }

  public List<CheckDef> checks() {
    return tasks.stream().flatMap(t -> t.checks().stream()).toList();
  }
}
