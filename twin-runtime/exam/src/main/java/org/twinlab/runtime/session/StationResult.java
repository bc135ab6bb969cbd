package org.twinlab.runtime.session;

import java.util.List;
import java.util.Map;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.FaultRecord;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * Everything a station's score sheet shows: who sat what, the scored checks with the examiners'
 * own marks and where they disagree, the evidence (the candidate's actions, staff's interventions,
 * faults, clock), and the head of the
 * evidence chain the sheet was drawn from, so a sheet can be matched to its log.
 */
public record StationResult(String session, String sessionTitle, String station, String candidate, String candidateName,
    Scenario scenario, StationClock.State state, ScoreSheet sheet, Map<String, Map<String, Integer>> marks,
    List<String> disagreements, List<ActionRecord> actions, List<Intervention> interventions, List<FaultRecord> faults, List<StationClock.Entry> clock,
    String evidenceHead, boolean sealed) {

  public StationResult {
    marks = Map.copyOf(marks);
    disagreements = List.copyOf(disagreements);
    actions = List.copyOf(actions);
    interventions = List.copyOf(interventions);
    faults = List.copyOf(faults);
    clock = List.copyOf(clock);
  }
}
