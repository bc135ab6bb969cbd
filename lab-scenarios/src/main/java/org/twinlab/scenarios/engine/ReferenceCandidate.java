package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.scenarios.model.ReferenceStep;

/**
 * The scenario's reference solution played as a candidate: each step is taken once, as soon as its
 * time has come or its condition holds, independently of the others.
 */
public final class ReferenceCandidate implements Candidate {
  public static final String WHO = "reference";
  private final List<ReferenceStep> steps;
  private final boolean[] taken;
  private final Duration[] takenAt;

  public ReferenceCandidate(List<ReferenceStep> steps) {
    this.steps = List.copyOf(steps);
    this.taken = new boolean[steps.size()];
    this.takenAt = new Duration[steps.size()];
  }

  /** When each step was taken (exam time), in the steps' order; empty for a step whose time never came. */
  public List<Optional<Duration>> takenAt() {
    List<Optional<Duration>> out = new ArrayList<>();
    for (Duration d : takenAt) out.add(Optional.ofNullable(d));
    return out;
  }

  @Override
  public void act(ScenarioRun run) {
    for (int i = 0; i < steps.size() && !run.ended(); i++) {
      if (taken[i]) continue;
      ReferenceStep s = steps.get(i);
      boolean due = s.at().map(at -> run.elapsed().compareTo(at) >= 0)
          .orElseGet(() -> s.when().map(run::holds).orElse(false));
      if (due) {
        taken[i] = true;
        takenAt[i] = run.elapsed();
        run.act(WHO, s.action(), s.with());
      }
    }
  }
}
