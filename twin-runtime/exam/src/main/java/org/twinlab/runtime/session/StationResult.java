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
 * evidence chain the sheet was drawn from, so a sheet can be matched to its log; and the station's
 * examiners, who sign it.
 */
public record StationResult(String session, String sessionTitle, String station, String candidate, String candidateName,
    Scenario scenario, StationClock.State state, ScoreSheet sheet, Map<String, Map<String, Integer>> marks,
    List<String> disagreements, List<ActionRecord> actions, List<Intervention> interventions, List<FaultRecord> faults, List<StationClock.Entry> clock,
    String evidenceHead, boolean sealed, List<Examiner> examiners) {

  /** An examiner of the station: their account and, where the reader may see it, their name (else null). */
  public record Examiner(String account, String name) {
    /** The examiner as a sheet names them: "Wang Fang (exam1)", or the account alone. */
    public String shown() {
      return name == null || name.isBlank() || name.equals(account) ? account : name + " (" + account + ")";
    }
  }

  /** A result whose station names no examiner. */
  public StationResult(String session, String sessionTitle, String station, String candidate, String candidateName,
      Scenario scenario, StationClock.State state, ScoreSheet sheet, Map<String, Map<String, Integer>> marks,
      List<String> disagreements, List<ActionRecord> actions, List<Intervention> interventions, List<FaultRecord> faults, List<StationClock.Entry> clock,
      String evidenceHead, boolean sealed) {
    this(session, sessionTitle, station, candidate, candidateName, scenario, state, sheet, marks, disagreements, actions, interventions, faults,
        clock, evidenceHead, sealed, List.of());
  }

  /** The same result with the examiners' names left out: only their accounts, as a candidate's copy shows them. */
  public StationResult withoutExaminerNames() {
    return new StationResult(session, sessionTitle, station, candidate, candidateName, scenario, state, sheet, marks, disagreements, actions,
        interventions, faults, clock, evidenceHead, sealed, examiners.stream().map(e -> new Examiner(e.account(), null)).toList());
  }

  public StationResult {
    examiners = List.copyOf(examiners);
    marks = Map.copyOf(marks);
    disagreements = List.copyOf(disagreements);
    actions = List.copyOf(actions);
    interventions = List.copyOf(interventions);
    faults = List.copyOf(faults);
    clock = List.copyOf(clock);
  }
}
