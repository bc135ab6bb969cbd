package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.JointStation;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualStation;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;

/**
 * Proves a scenario is fit for an exam: its reference solution, played on a simulated station on
 * virtual time and marked as the scenario's {@code judgements} say, scores 100; a candidate who
 * does nothing fails.
 */
public final class DryRun {
  /** How far virtual time moves between samples and candidate decisions. */
  public static final Duration STEP = Duration.ofMillis(100);

  /** Both runs, and what is wrong with the scenario if anything. */
  public record Result(Scenario scenario, ScenarioRun reference, ScenarioRun idle) {
    public List<String> problems() {
      List<String> out = new ArrayList<>();
      ScoreSheet r = reference.sheet();
      if (Math.abs(r.total() - 100) > 1e-6) out.add("the reference solution scores " + String.format(java.util.Locale.ROOT, "%.1f", r.total()) + ", not 100");
      if (r.provisional()) out.add("the reference solution leaves " + r.flagged().size() + " items undecided");
      if (idle.sheet().passed()) out.add("a candidate who does nothing passes");
      reference.actions().stream().filter(a -> !a.outcome().accepted())
          .forEach(a -> out.add("reference step '" + a.kind() + "' at +" + a.elapsed().toSeconds() + " s was refused: " + a.outcome().detail()));
      reference.faultsNotInjected().forEach((fault, why) -> out.add("fault " + fault + " could not be injected: " + why));
      return out;
    }

    public boolean ok() {
      return problems().isEmpty();
    }
  }

  private DryRun() {}

  public static Result of(Scenario scenario, Scoring scoring) throws StationException {
    return new Result(scenario, play(scenario, new ReferenceCandidate(scenario.reference()), scoring, scenario.judgements()),
        play(scenario, Candidate.IDLE, scoring, Map.of()));
  }

  public static ScenarioRun play(Scenario scenario, Candidate candidate, Scoring scoring, Map<String, Integer> marks)
      throws StationException {
    VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
    return VirtualRun.run(scenario, station(scenario, time), time, candidate, STEP, scoring, marks);
  }

  /** A simulated station with the scenario's rigs: one, or several joined for joint work. */
  static VirtualStation station(Scenario scenario, VirtualTime time) {
    if (scenario.rigs().size() == 1) return new SimulatedStation(ModelLibrary.loadBuiltIn(scenario.rig()), time);
    List<JointStation.Part> parts = new ArrayList<>();
    for (String rig : scenario.rigs()) {
      TwinModel model = ModelLibrary.loadBuiltIn(rig);
      parts.add(new JointStation.Part(model, new SimulatedStation(model, time)));
    }
    return new JointStation(parts);
  }
}
