package org.twinlab.scenarios.exam;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.twinlab.scenarios.engine.Candidate;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.VirtualStation;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.score.Scoring;

/**
 * Sits a whole exam on virtual time: the parts in the exam's order, each played by its own scripted
 * candidate to the end of the part's time, the station's physics moving in fixed steps.
 */
public final class VirtualExamRun {
  private VirtualExamRun() {}

  /**
   * @param candidates who sits each part
   * @param marks examiners' marks by part id, then check id, applied as each part ends
   */
  public static ExamRun run(Exam exam, VirtualStation station, VirtualTime time, Function<ExamPart, Candidate> candidates,
      Duration step, Scoring scoring, ExamScoring examScoring, Map<String, Map<String, Integer>> marks) throws StationException {
    ExamRun run = new ExamRun(exam, station, time, scoring, examScoring);
    for (ExamPart part : exam.parts()) {
      if (run.ended()) break;
      Candidate candidate = candidates.apply(part);
      ScenarioRun sitting = run.startPart(part.id(), "engine");
      candidate.act(sitting);
      while (!sitting.ended()) {
        time.advance(step);
        station.advance(step);
        run.tick();
        if (!sitting.ended()) candidate.act(sitting);
      }
      marks.getOrDefault(part.id(), Map.of()).forEach((check, mark) -> run.mark(part.id(), check, mark, "examiner"));
    }
    run.end("engine", "every part was sat");
    return run;
  }
}
