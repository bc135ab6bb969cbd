package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * A station read back from its evidence after a restart gives the run what the live run would
 * have counted: its candidate's actions once done, never a refused one, one whose outcome was
 * never recorded, staff's, or another user's; staff's are interventions with their outcome.
 */
class StationReplayTest {
  private static final Scenario SCENARIO = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician())).stream()
      .filter(s -> s.id().equals(ActionGateIT.SCENARIO)).findFirst().orElseThrow();
  private static final StationPlan PLAN = new StationPlan("s1", SCENARIO.id(), "cand1", List.of("conveyor-1"), List.of("exam1"));
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private long seq;

  @Test
  void onlyTheCandidatesDoneActionsCountAndStaffsAreInterventions() {
    StationReplay r = new StationReplay(PLAN, SCENARIO);
    r.apply(record("station.started", "exam1", new JsonObject().put("limitSeconds", 1200)));
    EvidenceRecord export = action(LabSession.ACTION, "cand1", "candidate", "export");
    r.apply(export);
    EvidenceRecord staffExport = action(LabSession.INTERVENTION, "exam1", "examiner", "export");
    r.apply(staffExport);
    r.apply(outcome(staffExport, true));
    r.apply(outcome(export, true));
    EvidenceRecord refusedWrite = action(LabSession.ACTION, "cand1", "candidate", "write");
    r.apply(refusedWrite);
    r.apply(outcome(refusedWrite, false));
    r.apply(action(LabSession.ACTION, "cand1", "candidate", "backup")); // the runtime stopped before its outcome
    EvidenceRecord setup = action(LabSession.ACTION, "scenario", "runtime", "start");
    r.apply(setup);
    r.apply(outcome(setup, true));
    EvidenceRecord backup = action(LabSession.INTERVENTION, "train1", "trainer", "backup");
    r.apply(backup);

    assertThat(r.prior().actions()).extracting(a -> a.who() + " " + a.kind()).containsExactly("cand1 export");
    assertThat(r.prior().actions()).allMatch(a -> a.outcome().accepted());
    // done when the outcome says so, as the live run heard of it
    assertThat(r.prior().actions()).extracting(ActionRecord::at).containsExactly(T0.plusSeconds(4)); // record 5, its outcome
    assertThat(r.interventions()).extracting(i -> i.who() + " " + i.role() + " " + i.kind() + " " + i.outcome())
        .containsExactly("exam1 examiner export done", "train1 trainer backup pending");
  }

  @Test
  void aConfirmedMarkIsReadBackConfirmedByItsExaminerAtItsRecordsTime() {
    StationReplay r = new StationReplay(PLAN, SCENARIO);
    r.apply(record("station.started", "exam1", new JsonObject().put("limitSeconds", 1200)));
    r.apply(record("mark", "exam1", new JsonObject().put("check", "c1").put("mark", 2)));
    r.apply(record("mark", "exam2", new JsonObject().put("check", "c1").put("mark", 1)));
    EvidenceRecord confirmed = record(LabSession.MARK_CONFIRMED, "exam1", new JsonObject().put("check", "c1").put("mark", 2));
    r.apply(confirmed);

    assertThat(r.marks.all().get("c1")).containsEntry("exam1", 2).containsEntry("exam2", 1);
    assertThat(r.marks.confirmed("c1", "exam1")).isTrue();
    assertThat(r.marks.confirmed("c1", "exam2")).isFalse();
    assertThat(r.marks.confirmations().get("c1")).containsExactly(java.util.Map.entry("exam1", confirmed.at()));
  }

  @Test
  void anActionRecordedOnceDoneInAnOlderLogStillCounts() {
    StationReplay r = new StationReplay(PLAN, SCENARIO);
    r.apply(record("station.started", "exam1", new JsonObject().put("limitSeconds", 1200)));
    r.apply(record(LabSession.ACTION, "cand1", new JsonObject().put("twin", "conveyor-1").put("kind", "backup")
        .put("fields", new JsonObject()).put("result", new JsonObject().put("file", "b.zip")).put("elapsedSeconds", 1)));
    assertThat(r.prior().actions()).extracting(a -> a.who() + " " + a.kind() + " " + a.outcome().result())
        .containsExactly("cand1 backup {file=b.zip}");
  }

  private EvidenceRecord action(String kind, String by, String role, String action) {
    return record(kind, by, new JsonObject().put("twin", "conveyor-1").put("kind", action).put("role", role)
        .put("fields", new JsonObject()).put("elapsedSeconds", seq));
  }

  private EvidenceRecord outcome(EvidenceRecord of, boolean accepted) {
    return record(LabSession.OUTCOME, of.by(), new JsonObject().put("action", of.seq()).put("twin", "conveyor-1")
        .put("kind", of.data().getString("kind")).put("accepted", accepted).put("detail", accepted ? "" : "Bad_OutOfRange")
        .put("result", new JsonObject()));
  }

  private EvidenceRecord record(String kind, String by, JsonObject data) {
    seq++;
    return new EvidenceRecord(seq, T0.plusSeconds(seq - 1), kind, by, "s1", data, EvidenceRecord.GENESIS, "0");
  }
}
