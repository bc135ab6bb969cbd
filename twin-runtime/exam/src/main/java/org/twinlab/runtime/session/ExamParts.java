package org.twinlab.runtime.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamScoring;
import org.twinlab.scenarios.exam.ExamSheet;
import org.twinlab.scenarios.exam.ExamTime;

/**
 * The parts of one candidate's exam at a session, each a station of its own ({@code <station>.<n>}):
 * which may start now under the exam's rules ({@link ExamTime}), which comes next in the given
 * order, which is the candidate's now, and the exam's sheet over all of them.
 */
final class ExamParts {
  private final Exam exam;
  private final List<StationSession> parts;

  private ExamParts(Exam exam, List<StationSession> parts) {
    this.exam = exam;
    this.parts = List.copyOf(parts);
  }

  /** The parts of the exam {@code part} belongs to, in the exam's order; none for a station that sets one scenario. */
  static Optional<ExamParts> of(StationSession part, List<StationSession> all) {
    if (part.exam().isEmpty()) return Optional.empty();
    List<StationSession> same = all.stream().filter(s -> s.plan().sameExamAs(part.plan())).toList();
    return Optional.of(new ExamParts(part.exam().get(), same));
  }

  Exam exam() {
    return exam;
  }

  List<StationSession> parts() {
    return parts;
  }

  /** Why this part may not start now, if it may not. */
  Optional<String> refusal(StationSession part) {
    List<String> sat = new ArrayList<>();
    boolean running = false;
    for (StationSession s : parts) {
      if (s.state() == StationClock.State.READY) continue;
      sat.add(s.scenario().id());
      running |= s.active();
    }
    return ExamTime.refusal(exam, part.scenario().id(), sat, running, spent());
  }

  /** The part that starts by itself when the one before ends: in the given order only, while the exam has time. */
  Optional<StationSession> next() {
    if (exam.order() != Exam.Order.GIVEN) return Optional.empty();
    return parts.stream().filter(s -> s.state() == StationClock.State.READY).findFirst().filter(s -> refusal(s).isEmpty());
  }

  /** The candidate's part now: the one running, else the next not started, else the last. */
  StationSession current() {
    return parts.stream().filter(StationSession::active).findFirst()
        .or(() -> parts.stream().filter(s -> s.state() == StationClock.State.READY).findFirst())
        .orElse(parts.get(parts.size() - 1));
  }

  /** The exam's clock so far: each part's time run, up to the time it was given. */
  Duration spent() {
    List<ExamTime.Used> used = new ArrayList<>();
    for (StationSession s : parts) {
      if (s.state() == StationClock.State.READY) continue;
      Duration elapsed = s.run().map(r -> r.clock().elapsed()).orElseGet(() -> s.replay()
          .filter(r -> !r.clock.isEmpty()).map(r -> r.clock.get(r.clock.size() - 1).elapsed()).orElse(Duration.ZERO));
      used.add(new ExamTime.Used(elapsed, s.scenario().timeLimit()));
    }
    return ExamTime.spent(used);
  }

  /** The exam's sheet from each part's result: the level's weights over every part's points. */
  ExamSheet sheet(List<StationResult> results, ExamScoring scoring) {
    java.util.Map<String, org.twinlab.scenarios.score.ScoreSheet> byPart = new java.util.LinkedHashMap<>();
    for (StationResult r : results) {
      if (r.state() != StationClock.State.READY) byPart.put(r.scenario().id(), r.sheet());
    }
    return scoring.combine(exam, byPart);
  }
}
