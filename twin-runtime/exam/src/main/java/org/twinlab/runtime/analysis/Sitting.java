package org.twinlab.runtime.analysis;

import java.util.List;
import java.util.Map;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * One candidate's sitting as item analysis reads it: the station's score sheet and every
 * examiner's own mark on its judgements (by check, then examiner).
 */
public record Sitting(String station, String candidate, ScoreSheet sheet, Map<String, Map<String, Integer>> marks) {

  public Sitting {
    marks = Map.copyOf(marks);
  }

  public static Sitting of(StationResult r) {
    return new Sitting(r.station(), r.candidate(), r.sheet(), r.marks());
  }

  /** The sittings of a session's stations that started: a station never started has nobody's work to analyse. */
  public static List<Sitting> started(List<StationResult> results) {
    return results.stream().filter(r -> r.state() != org.twinlab.scenarios.engine.StationClock.State.READY).map(Sitting::of).toList();
  }
}
