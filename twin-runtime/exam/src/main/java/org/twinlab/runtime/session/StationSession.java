package org.twinlab.runtime.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.runtime.scenario.LiveRun;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.model.Scenario;

/**
 * One station of a running lab session: its plan, the scenario running there once started, the
 * examiners' marks, and what of the run is already in the evidence (so each verdict, fault and
 * ending is recorded once).
 */
final class StationSession {
  private final StationPlan plan;
  private final Scenario scenario;
  private final Exam exam;
  private final Marks marks = new Marks();
  private LiveRun live;
  /** What the evidence told of this station when the runtime restarted; null for a new session. */
  private StationReplay replay;
  private final Map<String, Verdict.Outcome> recordedVerdicts = new HashMap<>();
  private final Set<String> recordedFaults = new HashSet<>();
  private boolean recordedEnd;
  /** Run by another node of a clustered lab: shown as its evidence says, refreshed from it, never run here. */
  private boolean elsewhere;
  /** What staff did on the station's twins, by the seq of its record. */
  private final Map<Long, Intervention> interventions = new java.util.LinkedHashMap<>();

  StationSession(StationPlan plan, Scenario scenario) {
    this(plan, scenario, null);
  }

  /** A part of an exam: its scenario as the exam sets it (its tasks, its time). */
  StationSession(StationPlan plan, Scenario scenario, Exam exam) {
    this.plan = plan;
    this.scenario = scenario;
    this.exam = exam;
  }

  /** The exam this station is a part of, if it is. */
  Optional<Exam> exam() {
    return Optional.ofNullable(exam);
  }

  StationPlan plan() {
    return plan;
  }

  Scenario scenario() {
    return scenario;
  }

  Marks marks() {
    return marks;
  }

  synchronized Optional<ScenarioRun> run() {
    return Optional.ofNullable(live).map(LiveRun::run);
  }

  synchronized void started(LiveRun run) {
    this.live = run;
  }

  synchronized Optional<LiveRun> live() {
    return Optional.ofNullable(live);
  }

  /**
   * READY before the start, then the clock's state; a station the evidence says had started but
   * that runs no more (it could not be resumed after a restart) shows as ended or paused.
   */
  synchronized StationClock.State state() {
    if (live != null) return live.run().clock().state();
    if (replay != null && replay.started) {
      if (replay.ended) return StationClock.State.ENDED;
      // another node runs it: as its evidence says; here, one that could not be resumed is paused
      return elsewhere && !replay.paused ? StationClock.State.RUNNING : StationClock.State.PAUSED;
    }
    return StationClock.State.READY;
  }

  /** Takes what the evidence says of the station, so nothing is recorded twice and its marks count. */
  synchronized void restore(StationReplay r) {
    this.replay = r;
    r.verdicts.forEach((check, v) -> recordedVerdicts.put(check, v.outcome()));
    r.faults.values().forEach(f -> {
      recordedFaults.add(f.fault().id() + "/injected");
      if (f.clearedAt() != null) recordedFaults.add(f.fault().id() + "/cleared");
    });
    recordedEnd = r.ended;
    r.interventions().forEach(i -> interventions.put(i.seq(), i));
    r.marks.all().forEach((check, byExaminer) -> byExaminer.forEach((examiner, mark) -> marks.put(check, examiner, mark)));
    r.marks.confirmations().forEach((check, byExaminer) -> byExaminer.forEach((examiner, at) -> marks.confirm(check, examiner, at)));
  }

  /** Whether another node runs this station: this node shows it from the evidence. */
  synchronized boolean elsewhere() {
    return elsewhere;
  }

  /** Another node runs it now (true), or this one is to (false); a run this node had is let go. */
  synchronized void elsewhere(boolean yes) {
    elsewhere = yes;
    if (yes && live != null) {
      live.close();
      live = null;
    }
  }

  synchronized void intervened(Intervention i) {
    interventions.put(i.seq(), i);
  }

  /** An action's outcome; for an intervention, shown with it. */
  synchronized void settled(long seq, boolean accepted, String detail) {
    interventions.computeIfPresent(seq, (k, i) -> i.settled(accepted, detail));
  }

  synchronized java.util.List<Intervention> interventions() {
    return java.util.List.copyOf(interventions.values());
  }

  synchronized Optional<StationReplay> replay() {
    return Optional.ofNullable(replay);
  }

  synchronized boolean active() {
    StationClock.State s = state();
    return s == StationClock.State.RUNNING || s == StationClock.State.PAUSED;
  }

  /** Whether a verdict is news for the evidence; remembers it. */
  synchronized boolean newVerdict(String check, Verdict.Outcome outcome) {
    return outcome != Verdict.Outcome.PENDING && recordedVerdicts.put(check, outcome) != outcome;
  }

  synchronized boolean newFault(String key) {
    return recordedFaults.add(key);
  }

  synchronized boolean newEnd() {
    if (recordedEnd) return false;
    recordedEnd = true;
    return true;
  }

  /** Forgets news whose record could not be written, so the next watch records it again. */
  synchronized void forgetVerdict(String check) {
    recordedVerdicts.remove(check);
  }

  synchronized void forgetFault(String key) {
    recordedFaults.remove(key);
  }

  synchronized void forgetEnd() {
    recordedEnd = false;
  }
}
