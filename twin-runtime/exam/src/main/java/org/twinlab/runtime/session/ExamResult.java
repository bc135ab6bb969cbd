package org.twinlab.runtime.session;

import java.time.Duration;
import java.util.List;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamSheet;

/**
 * One candidate's exam at a session as it stands: each part's station result and the exam's sheet
 * over them.
 *
 * @param station the exam's station as planned ({@code s1}; its parts are {@code s1.1}, {@code s1.2} …)
 * @param over whether no part runs or can start any more: the exam's sheet changes only by marks
 * @param spent the exam's clock so far
 */
public record ExamResult(Exam exam, String station, List<StationResult> parts, ExamSheet sheet, boolean over, Duration spent) {
  public ExamResult {
    parts = List.copyOf(parts);
  }
}
