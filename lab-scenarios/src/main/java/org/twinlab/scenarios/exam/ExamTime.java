package org.twinlab.scenarios.exam;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The exam's one clock, as the parts make it up: it runs while a part runs, so setting the station
 * up between parts costs the candidate nothing, and a part's time is its budget cut to what the
 * exam has left. Time an examiner added to a part for an incident is the part's own: it is not
 * taken from the parts after it. A sitting live and one on virtual time both follow these rules.
 */
public final class ExamTime {
  private ExamTime() {}

  /** A part sat: how long it ran, and the time it was given when it started. */
  public record Used(Duration elapsed, Duration budget) {}

  /** What the parts sat so far took of the exam's clock: each its time run, up to its budget. */
  public static Duration spent(Collection<Used> parts) {
    Duration out = Duration.ZERO;
    for (Used u : parts) out = out.plus(u.elapsed().compareTo(u.budget()) < 0 ? u.elapsed() : u.budget());
    return out;
  }

  /** What the exam has left after the parts sat so far used {@code spent} of its clock. */
  public static Duration remaining(Exam exam, Duration spent) {
    Duration left = exam.timeLimit().minus(spent);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The time a part gets when it starts: its budget, or what the exam has left if that is less. */
  public static Duration budget(Exam exam, ExamPart part, Duration spent) {
    Duration left = remaining(exam, spent);
    return part.time().compareTo(left) < 0 ? part.time() : left;
  }

  /**
   * Whether a part may start now, and if not why: one part at a time, each once, in the given order
   * when the exam sets one, and only while the exam has time left.
   *
   * @param sat the parts started so far, running or ended
   * @param running whether one of them is still running
   */
  public static Optional<String> refusal(Exam exam, String partId, Collection<String> sat, boolean running, Duration spent) {
    if (exam.part(partId).isEmpty()) return Optional.of("this exam has no part '" + partId + "'");
    if (running) return Optional.of("a part is still running; hand it in first");
    if (sat.contains(partId)) return Optional.of("part " + partId + " has been sat already");
    if (remaining(exam, spent).isZero()) return Optional.of("the exam's time is up");
    if (exam.order() == Exam.Order.GIVEN) {
      String next = toSit(exam, sat).stream().findFirst().map(ExamPart::id).orElse("none");
      if (!next.equals(partId)) return Optional.of("this exam's parts go in the given order: the next part is " + next);
    }
    return Optional.empty();
  }

  /** The parts not started yet, in the exam's order. */
  public static List<ExamPart> toSit(Exam exam, Collection<String> sat) {
    return exam.parts().stream().filter(p -> !sat.contains(p.id())).toList();
  }
}
