package org.twinlab.scenarios.exam;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.Station;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.score.Scoring;

/**
 * One candidate's exam on one station: the parts are sat one at a time, each as a scenario run on
 * its own clock; the exam's clock is theirs added up ({@link ExamTime}). A part's time is its budget
 * cut to what the exam has left; the parts never started score nothing. In the given order the next
 * part is the exam's; in the candidate's order any part not yet sat.
 */
public final class ExamRun {
  private final Exam exam;
  private final Station station;
  private final InstantSource time;
  private final Scoring scoring;
  private final ExamScoring examScoring;
  private final Map<String, ScenarioRun> sat = new LinkedHashMap<>();
  private final Map<String, Duration> budgets = new LinkedHashMap<>();
  private ScenarioRun current;
  private boolean ended;

  public ExamRun(Exam exam, Station station, InstantSource time, Scoring scoring, ExamScoring examScoring) {
    this.exam = exam;
    this.station = station;
    this.time = time;
    this.scoring = scoring;
    this.examScoring = examScoring;
  }

  /**
   * Starts a part on the station. Refused while another part runs, for a part already sat, for one
   * out of the given order, and once the exam has ended or its time is up.
   */
  public synchronized ScenarioRun startPart(String partId, String by) throws StationException {
    tick();
    if (ended) throw new IllegalStateException("the exam has ended");
    Optional<String> refused = ExamTime.refusal(exam, partId, sat.keySet(), current().isPresent(), elapsed());
    if (refused.isPresent()) throw new IllegalStateException(refused.get());
    ExamPart part = exam.part(partId).orElseThrow();
    Duration budget = ExamTime.budget(exam, part, elapsed());
    ScenarioRun run = new ScenarioRun(part.scenario(), station, new StationClock(time, budget), scoring);
    sat.put(partId, run);
    budgets.put(partId, budget);
    current = run;
    run.start(by);
    return run;
  }

  /** Hands in the part running, if one is. */
  public synchronized void finishPart(String by, String reason) {
    if (current != null) current.end(by, reason);
  }

  /** Moves the part running on; the exam ends when its last part or its time has run out. */
  public synchronized void tick() {
    if (current != null) current.tick();
    if (!ended && current().isEmpty() && (toSit().isEmpty() || ExamTime.remaining(exam, elapsed()).isZero())) ended = true;
  }

  /** Ends the exam: the part running is handed in, the parts not started are never sat. */
  public synchronized void end(String by, String reason) {
    if (current != null) current.end(by, reason);
    ended = true;
  }

  /** Pauses the part running (an incident on the station): the exam's clock stops with it. */
  public synchronized void pause(String by, String reason) {
    current().orElseThrow(() -> new IllegalStateException("no part is running")).clock().pause(by, reason);
  }

  public synchronized void resume(String by) {
    current().orElseThrow(() -> new IllegalStateException("no part is running")).clock().resume(by);
  }

  public synchronized boolean ended() {
    return ended;
  }

  /** The exam's clock: the time its parts have run, pauses and added time left out ({@link ExamTime#spent}). */
  public synchronized Duration elapsed() {
    return ExamTime.spent(sat.entrySet().stream().map(e -> new ExamTime.Used(e.getValue().elapsed(), budgets.get(e.getKey()))).toList());
  }

  /** The part the given order sets next, or (in the candidate's order) the first part not yet sat. */
  public synchronized Optional<ExamPart> next() {
    return toSit().stream().findFirst();
  }

  /** The parts not yet started, in the exam's order; none once the exam has ended. */
  public synchronized List<ExamPart> toSit() {
    return ended ? List.of() : ExamTime.toSit(exam, sat.keySet());
  }

  /** The part running now (or paused), if one is. */
  public synchronized Optional<ScenarioRun> current() {
    return current == null || current.ended() ? Optional.empty() : Optional.of(current);
  }

  /** A part's run, once it has started. */
  public synchronized Optional<ScenarioRun> run(String partId) {
    return Optional.ofNullable(sat.get(partId));
  }

  /** Records an examiner's mark for a judged check of a part that has started. */
  public synchronized void mark(String partId, String check, int mark, String by) {
    ScenarioRun run = sat.get(partId);
    if (run == null) throw new IllegalArgumentException("part '" + partId + "' has not been sat");
    run.mark(check, mark, by);
  }

  /** The exam's sheet as things stand: each function's share of points weighed by the level's table. */
  public synchronized ExamSheet sheet() {
    Map<String, ExamScoring.PartResult> results = new LinkedHashMap<>();
    sat.forEach((id, run) -> results.put(id, new ExamScoring.PartResult(run.verdicts(), run.marks())));
    return examScoring.score(exam, results);
  }

  public Exam exam() {
    return exam;
  }
}
