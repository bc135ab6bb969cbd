package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.JointStation;
import org.twinlab.scenarios.engine.MotionsCandidate;
import org.twinlab.scenarios.engine.RandomCandidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.TaskAloneCandidate;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualStation;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.fairness.Broken;
import org.twinlab.scenarios.fairness.FairnessRules;
import org.twinlab.scenarios.fairness.Played;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.standard.StandardLoader;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;

/**
 * Proves a scenario is a fair instrument: it plays scripted candidates on a simulated station on
 * virtual time (the reference solution, a candidate who does nothing, one who goes through the
 * motions, a few who act at random, and one per task who does only that task) and judges their
 * sheets by {@link FairnessRules}. Judgements are marked by rule so totals compare: the scenario's
 * {@code judgements} for the reference, those of its own task for a task-alone candidate, 0 for
 * everyone else.
 */
public final class DryRun {
  /** How far virtual time moves between samples and candidate decisions. */
  public static final Duration STEP = Duration.ofMillis(100);
  /** How many random candidates a dry run plays unless told otherwise (seeds 1 to this). */
  public static final int RANDOM_CANDIDATES = 36;

  /** One candidate's run. */
  public record Run(Played played, ScenarioRun run) {}

  /** Every candidate's run (the reference's first) and the rules the scenario breaks. */
  public record Result(Scenario scenario, List<Run> runs, List<Broken> broken) {
    public Result {
      runs = List.copyOf(runs);
      broken = List.copyOf(broken);
    }

    public ScenarioRun reference() {
      return first(Played.Kind.REFERENCE);
    }

    public ScenarioRun idle() {
      return first(Played.Kind.IDLE);
    }

    private ScenarioRun first(Played.Kind kind) {
      return runs.stream().filter(r -> r.played().kind() == kind).findFirst().orElseThrow().run();
    }

    public List<Played> played() {
      return runs.stream().map(Run::played).toList();
    }

    /** What is wrong with the scenario: the rules it breaks (each ending in its key), then what went wrong in the reference's run. */
    public List<String> problems() {
      List<String> out = new ArrayList<>();
      broken.forEach(b -> out.add(b.message() + " [" + b.rule().key() + "]"));
      out.addAll(runProblems());
      return out;
    }

    /** What went wrong in the reference's run: items left undecided, refused steps, faults the station could not inject. */
    public List<String> runProblems() {
      List<String> out = new ArrayList<>();
      ScoreSheet r = reference().sheet();
      if (r.provisional()) out.add("the reference solution leaves " + r.flagged().size() + " items undecided");
      reference().actions().stream().filter(a -> !a.outcome().accepted())
          .forEach(a -> out.add("reference step '" + a.kind() + "' at +" + a.elapsed().toSeconds() + " s was refused: " + a.outcome().detail()));
      reference().faultsNotInjected().forEach((fault, why) -> out.add("fault " + fault + " could not be injected: " + why));
      return out;
    }

    public boolean ok() {
      return problems().isEmpty();
    }
  }

  private DryRun() {}

  public static Result of(Scenario scenario, Scoring scoring) throws StationException {
    return of(scenario, scoring, RANDOM_CANDIDATES);
  }

  /** Plays every candidate, {@code randomCount} random ones among them; the runs after the reference's go in parallel. */
  public static Result of(Scenario scenario, Scoring scoring, int randomCount) throws StationException {
    ReferenceCandidate reference = new ReferenceCandidate(scenario.reference());
    ScenarioRun referenceRun = play(scenario, reference, scoring, scenario.judgements());
    TwinModel model = builtIn(scenario.rig());
    Map<String, Integer> none = marksByRule(scenario, t -> false);
    record Planned(String name, Played.Kind kind, Optional<String> task, Candidate candidate, Map<String, Integer> marks) {}
    List<Planned> plan = new ArrayList<>();
    plan.add(new Planned("idle", Played.Kind.IDLE, Optional.empty(), Candidate.IDLE, none));
    plan.add(new Planned(MotionsCandidate.WHO, Played.Kind.MOTIONS, Optional.empty(),
        new MotionsCandidate(scenario, model, reference.takenAt()), none));
    for (long seed = 1; seed <= randomCount; seed++) {
      RandomCandidate c = new RandomCandidate(scenario, model, seed);
      plan.add(new Planned(c.who(), Played.Kind.RANDOM, Optional.empty(), c, none));
    }
    for (TaskDef t : scenario.tasks()) {
      if (TaskAloneCandidate.stepsOf(scenario, t.id()).isEmpty()) continue;
      plan.add(new Planned("task:" + t.id(), Played.Kind.TASK_ALONE, Optional.of(t.id()), new TaskAloneCandidate(scenario, t.id()),
          marksByRule(scenario, task -> task.id().equals(t.id()))));
    }
    List<Run> runs = new ArrayList<>();
    runs.add(new Run(new Played(ReferenceCandidate.WHO, Played.Kind.REFERENCE, Optional.empty(), referenceRun.sheet()), referenceRun));
    try {
      runs.addAll(plan.parallelStream().map(p -> {
        try {
          ScenarioRun run = play(scenario, p.candidate(), scoring, p.marks());
          return new Run(new Played(p.name(), p.kind(), p.task(), run.sheet()), run);
        } catch (StationException e) {
          throw new CompletionException(e);
        }
      }).toList());
    } catch (CompletionException e) {
      if (e.getCause() instanceof StationException se) throw se;
      throw e;
    }
    List<Played> played = runs.stream().map(Run::played).toList();
    return new Result(scenario, runs, FairnessRules.check(scenario, played, LibraryTagging.complete()));
  }

  /**
   * Whether every library scenario's reference steps say their task: until they do, a task without
   * steps of its own is not yet held against a scenario.
   */
  static final class LibraryTagging {
    private static volatile Boolean complete;

    static boolean complete() {
      if (complete == null) {
        complete = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
            .allMatch(TaskAloneCandidate::everyStepTagged);
      }
      return complete;
    }
  }

  /**
   * The marks judgements get by rule: the reference's own marks for the judgements of the tasks
   * the candidate did, 0 for the others.
   */
  static Map<String, Integer> marksByRule(Scenario scenario, java.util.function.Predicate<TaskDef> done) {
    return scenario.tasks().stream().flatMap(t -> t.checks().stream().filter(c -> c.kind() == CheckDef.Kind.JUDGEMENT)
            .map(c -> Map.entry(c.id(), done.test(t) ? scenario.judgements().getOrDefault(c.id(), 0) : 0)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  public static ScenarioRun play(Scenario scenario, Candidate candidate, Scoring scoring, Map<String, Integer> marks)
      throws StationException {
    VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
    return VirtualRun.run(scenario, station(scenario, time), time, candidate, STEP, scoring, marks);
  }

  /**
   * A built-in model, parsed once per process: every play needs its rig's model, the built-in ones
   * are class-path resources that do not change, and a model is immutable.
   */
  private static final Map<String, TwinModel> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();

  static TwinModel builtIn(String rig) {
    return BUILT_IN.computeIfAbsent(rig, ModelLibrary::loadBuiltIn);
  }

  /** A simulated station with the scenario's rigs: one, or several joined for joint work. */
  static VirtualStation station(Scenario scenario, VirtualTime time) {
    if (scenario.rigs().size() == 1) return new SimulatedStation(builtIn(scenario.rig()), time);
    List<JointStation.Part> parts = new ArrayList<>();
    for (String rig : scenario.rigs()) {
      TwinModel model = builtIn(rig);
      parts.add(new JointStation.Part(model, new SimulatedStation(model, time)));
    }
    return new JointStation(parts);
  }
}
