package org.twinlab.scenarios.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.check.Deadline;
import org.twinlab.scenarios.check.SignalNames;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.score.CheckScore;

/**
 * What a candidate may see of a running scenario: the briefing, the tasks with the time limits
 * their visible checks set, the state of those checks (with the reason a failed one failed), the
 * time left, and the faults they were told of. Hidden checks and hidden faults are left out
 * entirely; examiners see the whole run.
 */
public record CandidateView(Localized briefing, List<TaskView> tasks, List<String> announcedFaults, long secondsLeft) {

  /** A task: its prompt, the deadlines its visible checks set (in check order), and those checks. */
  public record TaskView(String task, Localized prompt, List<Deadline> deadlines, List<CheckView> checks) {}

  /**
   * A visible check; {@code state} is passed, failed, pending, indeterminate or "marked by examiners".
   *
   * @param reason why it failed, for a failed check only, with no hidden fault named
   */
  public record CheckView(String check, Localized name, String state, Optional<String> reason) {}

  public static CandidateView of(ScenarioRun run) {
    return of(run, SignalNames.NONE);
  }

  /** The view, naming properties and alarms in deadlines as the station's models do. */
  public static CandidateView of(ScenarioRun run, SignalNames names) {
    var verdicts = run.verdicts();
    Set<String> hidden = hiddenFaults(run.scenario());
    ReasonMask mask = new ReasonMask(hidden);
    // a guard's score depends on the work it guards: read it from the sheet, scored only when there is a guard
    Map<String, CheckScore> scores = run.scenario().checks().stream().anyMatch(c -> c.guards().isPresent())
        ? run.sheet().checks().stream().collect(Collectors.toMap(CheckScore::check, s -> s)) : Map.of();
    List<TaskView> tasks = new ArrayList<>();
    for (TaskDef t : run.scenario().tasks()) {
      List<CheckView> checks = new ArrayList<>();
      for (CheckDef c : t.checks()) {
        if (c.hidden()) continue;
        Verdict v = verdicts.get(c.id());
        String state = v == null ? "marked by examiners" : v.outcome().name().toLowerCase();
        Optional<String> reason = v != null && v.outcome() == Verdict.Outcome.FAILED
            ? Optional.ofNullable(v.because()).map(mask::apply) : Optional.empty();
        if (c.guards().isPresent() && v != null && v.outcome() == Verdict.Outcome.PASSED) {
          // a guard shows what it earns: nothing until the work it guards has earned
          CheckScore gated = scores.get(c.id());
          if (gated.status() != CheckScore.Status.PASSED) {
            state = gated.status() == CheckScore.Status.FAILED ? "failed" : "pending";
            reason = Optional.of("counts once " + guardedName(run.scenario(), c.guards().get()) + " has earned");
          }
        }
        checks.add(new CheckView(c.id(), c.readableName(), state, reason));
      }
      tasks.add(new TaskView(t.id(), t.prompt(), deadlines(t, names.hiding(hidden)), checks));
    }
    List<String> announced = run.faults().stream().filter(f -> !f.fault().hidden()).map(f -> f.fault().id()).toList();
    return new CandidateView(run.scenario().briefing(), tasks, announced, run.clock().remaining().toSeconds());
  }

  /** The time limits a task's visible measured checks set; a hidden check sets none that is shown. */
  public static List<Deadline> deadlines(TaskDef task, SignalNames names) {
    List<Deadline> out = new ArrayList<>();
    for (CheckDef c : task.checks()) {
      if (c.hidden() || c.measure().isEmpty()) continue;
      Deadline.of(c.id(), c.measure().get(), names).ifPresent(out::add);
    }
    return out;
  }

  /** The guarded check as the candidate may know it: by name when visible, else only as the work. */
  private static String guardedName(Scenario scenario, String guarded) {
    return scenario.checks().stream().filter(c -> c.id().equals(guarded) && !c.hidden()).findFirst()
        .map(c -> "'" + c.readableName().en() + "'").orElse("the work it guards");
  }

  public static Set<String> hiddenFaults(Scenario scenario) {
    return scenario.faults().stream().filter(FaultDef::hidden).map(FaultDef::id).collect(Collectors.toUnmodifiableSet());
  }
}
