package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;

/**
 * Runs a scenario from start to time limit on virtual time: the station's physics, the twin, the
 * faults and the candidate all move in fixed steps, so a run is fast and the same every time.
 */
public final class VirtualRun {
  /** Where virtual time starts: a fixed instant, so traces and sheets do not depend on the day. */
  public static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

  private VirtualRun() {}

  /**
   * @param step how far time moves between samples (and candidate decisions)
   * @param marks examiners' marks for the judged checks, applied at the end
   */
  public static ScenarioRun run(Scenario scenario, VirtualStation station, VirtualTime time, Candidate candidate,
      Duration step, Scoring scoring, Map<String, Integer> marks) throws StationException {
    ScenarioRun run = new ScenarioRun(scenario, station, new StationClock(time, scenario.timeLimit()), scoring);
    run.start("engine");
    candidate.act(run);
    while (!run.ended()) {
      time.advance(step);
      station.advance(step);
      run.tick();
      if (!run.ended()) candidate.act(run);
    }
    marks.forEach((check, mark) -> run.mark(check, mark, "examiner"));
    return run;
  }
}
