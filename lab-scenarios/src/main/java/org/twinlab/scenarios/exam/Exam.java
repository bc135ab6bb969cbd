package org.twinlab.scenarios.exam;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.standard.Level;

/**
 * A practical skill test (standard §1.9): library scenarios of one level sat one after another on
 * one station under one clock, scored out of 100 by the level's function weights.
 *
 * @param rigs the exam station's rig models: every part's rigs, in order of first appearance
 */
public record Exam(String id, int version, Localized title, Localized briefing, Level level, Duration timeLimit,
    Order order, double passMark, List<ExamPart> parts, List<String> rigs, String source) {

  /** Who picks the next part: the exam's own order, or the candidate. */
  public enum Order { GIVEN, CANDIDATE }

  public Exam {
    parts = List.copyOf(parts);
    rigs = List.copyOf(rigs);
  }

  public Optional<ExamPart> part(String id) {
    return parts.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
