package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.MotionsCandidate;
import org.twinlab.scenarios.engine.RandomCandidate;
import org.twinlab.scenarios.engine.ReferenceCandidate;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamPart;
import org.twinlab.scenarios.exam.ExamRun;
import org.twinlab.scenarios.exam.ExamScoring;
import org.twinlab.scenarios.exam.ExamSheet;
import org.twinlab.scenarios.exam.VirtualExamRun;
import org.twinlab.scenarios.fairness.Played;
import org.twinlab.scenarios.score.Scoring;

/**
 * Proves an exam is a fair instrument as a whole, on one simulated station on virtual time: the
 * reference solution of every part earns 100, a candidate who does nothing earns 0, and one who
 * goes through the motions in every part, or acts at random, fails. Judgements are marked as a
 * scenario's dry run marks them: the reference's own marks for the reference, 0 for the others.
 */
public final class ExamDryRun {
  /** How many random candidates sit the exam unless told otherwise (seeds 1 to this). */
  public static final int RANDOM_CANDIDATES = 4;

  /** One scripted candidate's sitting. */
  public record Sitting(String who, Played.Kind kind, ExamRun run) {
    public ExamSheet sheet() {
      return run.sheet();
    }
  }

  /** Every sitting (the reference's first) and what is wrong with the exam, if anything. */
  public record Result(Exam exam, List<Sitting> sittings, List<String> problems) {
    public Result {
      sittings = List.copyOf(sittings);
      problems = List.copyOf(problems);
    }

    public ExamRun reference() {
      return sittings.get(0).run();
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private ExamDryRun() {}

  public static Result of(Exam exam, Scoring scoring, ExamScoring examScoring, int randomCount) throws StationException {
    Map<String, ReferenceCandidate> references = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> referenceMarks = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> none = new LinkedHashMap<>();
    for (ExamPart p : exam.parts()) {
      references.put(p.id(), new ReferenceCandidate(p.scenario().reference()));
      referenceMarks.put(p.id(), DryRun.marksByRule(p.scenario(), t -> true));
      none.put(p.id(), DryRun.marksByRule(p.scenario(), t -> false));
    }
    List<Sitting> sittings = new ArrayList<>();
    sittings.add(new Sitting(ReferenceCandidate.WHO, Played.Kind.REFERENCE,
        sit(exam, p -> references.get(p.id()), scoring, examScoring, referenceMarks)));

    TwinModel model = DryRun.builtIn(exam.rigs().get(0));
    record Planned(String who, Played.Kind kind, Function<ExamPart, Candidate> candidates) {}
    List<Planned> plan = new ArrayList<>();
    plan.add(new Planned("idle", Played.Kind.IDLE, p -> Candidate.IDLE));
    plan.add(new Planned(MotionsCandidate.WHO, Played.Kind.MOTIONS,
        p -> new MotionsCandidate(p.scenario(), model, references.get(p.id()).takenAt())));
    for (long seed = 1; seed <= randomCount; seed++) {
      long s = seed;
      plan.add(new Planned("random-" + seed, Played.Kind.RANDOM, p -> new RandomCandidate(p.scenario(), model, s)));
    }
    try {
      sittings.addAll(plan.parallelStream().map(p -> {
        try {
          return new Sitting(p.who(), p.kind(), sit(exam, p.candidates(), scoring, examScoring, none));
        } catch (StationException e) {
          throw new CompletionException(e);
        }
      }).toList());
    } catch (CompletionException e) {
      if (e.getCause() instanceof StationException se) throw se;
      throw e;
    }
    return new Result(exam, sittings, problems(exam, sittings));
  }

  private static ExamRun sit(Exam exam, Function<ExamPart, Candidate> candidates, Scoring scoring, ExamScoring examScoring,
      Map<String, Map<String, Integer>> marks) throws StationException {
    VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
    return VirtualExamRun.run(exam, DryRun.station(exam.parts().get(0).scenario(), time), time, candidates, DryRun.STEP,
        scoring, examScoring, marks);
  }

  /** The exam's rules: reference 100 and decided, idle 0, motions and random candidates fail; the reference's steps all taken. */
  static List<String> problems(Exam exam, List<Sitting> sittings) {
    List<String> out = new ArrayList<>();
    for (Sitting s : sittings) {
      ExamSheet sheet = s.sheet();
      switch (s.kind()) {
        case REFERENCE -> {
          if (sheet.total() < 100 - 1e-6) out.add("the reference solution earns " + round(sheet.total()) + " of 100, not 100");
          if (sheet.provisional()) out.add("the reference solution leaves " + round(sheet.undecided()) + " points undecided");
          for (ExamPart p : exam.parts()) {
            s.run().run(p.id()).ifPresent(r -> {
              r.actions().stream().filter(a -> !a.outcome().accepted()).forEach(a -> out.add("part " + p.id() + ": reference step '"
                  + a.kind() + "' at +" + a.elapsed().toSeconds() + " s was refused: " + a.outcome().detail()));
              r.faultsNotInjected().forEach((f, why) -> out.add("part " + p.id() + ": fault " + f + " could not be injected: " + why));
            });
          }
        }
        case IDLE -> {
          if (sheet.total() > 1e-6) out.add("a candidate who does nothing earns " + round(sheet.total()) + " of 100");
        }
        default -> {
          if (sheet.passed()) out.add("the " + s.who() + " candidate passes with " + round(sheet.total()));
        }
      }
    }
    return out;
  }

  private static String round(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
