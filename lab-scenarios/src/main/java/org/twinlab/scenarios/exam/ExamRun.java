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
 * its own clock, all under the exam's clock. A part's clock is its budget, cut to what the exam has
 * left; when the exam's time is up the part running ends with it and the parts never started score
 * nothing. In the given order the next part is the exam's; in the candidate's order any part not
 * yet sat.
 */
public final class ExamRun {
  private final Exam exam;
  private final Station station;
  private final InstantSource time;
  private final Scoring scoring;
  private final ExamScoring examScoring;
  private final StationClock clock;
  private final Map<String, ScenarioRun> sat = new LinkedHashMap<>();
  private ScenarioRun current;

  public ExamRun(Exam exam, Station station, InstantSource time, Scoring scoring, ExamScoring examScoring) {
    this.exam = exam;
    this.station = station;
    this.time = time;
    this.scoring = scoring;
    this.examScoring = examScoring;
    this.clock = new StationClock(time, exam.timeLimit());
  }

  /** Starts the exam's clock: from now on the parts can be started. */
  public synchronized void start(String by) {
    clock.start(by);
  }

  /**
   * Starts a part on the station. Refused while another part runs, for a part already sat, for one
   * out of the given order, and once the exam's clock is not running.
   */
  public synchronized ScenarioRun startPart(String partId, String by) throws StationException {
    tick();
    if (clock.state() != StationClock.State.RUNNING) throw new IllegalStateException("the exam's clock is " + state());
    ExamPart part = exam.part(partId).orElseThrow(() -> new IllegalArgumentException("this exam has no part '" + partId + "'"));
    if (current != null && !current.ended()) {
      throw new IllegalStateException("part " + current.scenario().id() + " is still running; hand it in first");
    }
    if (sat.containsKey(partId)) throw new IllegalStateException("part " + partId + " has been sat already");
    if (exam.order() == Exam.Order.GIVEN) {
      String next = next().map(ExamPart::id).orElse("none");
      if (!next.equals(partId)) throw new IllegalStateException("this exam's parts go in the given order: the next part is " + next);
    }
    Duration budget = part.time().compareTo(clock.remaining()) < 0 ? part.time() : clock.remaining();
    ScenarioRun run = new ScenarioRun(part.scenario(), station, new StationClock(time, budget), scoring);
    sat.put(partId, run);
    current = run;
    run.start(by);
    return run;
  }

  /** Hands in the part running, if one is. */
  public synchronized void finishPart(String by, String reason) {
    if (current != null) current.end(by, reason);
  }

  /** Moves the part running on, and ends it and the exam when the exam's time is up. */
  public synchronized void tick() {
    if (current != null) current.tick();
    if (clock.state() == StationClock.State.RUNNING && clock.expired()) end("clock", "the exam's time limit was reached");
  }

  /** Ends the exam: the part running is handed in, the parts not started are never sat. */
  public synchronized void end(String by, String reason) {
    if (current != null) current.end(by, reason);
    if (clock.state() == StationClock.State.RUNNING || clock.state() == StationClock.State.PAUSED) clock.end(by, reason);
  }

  /** Pauses the exam and the part running (an incident on the station): neither clock runs meanwhile. */
  public synchronized void pause(String by, String reason) {
    clock.pause(by, reason);
    if (current != null && current.clock().state() == StationClock.State.RUNNING) current.clock().pause(by, reason);
  }

  public synchronized void resume(String by) {
    clock.resume(by);
    if (current != null && current.clock().state() == StationClock.State.PAUSED) current.clock().resume(by);
  }

  public synchronized boolean ended() {
    return clock.state() == StationClock.State.ENDED;
  }

  /** The part the given order sets next, or (in the candidate's order) the first part not yet sat. */
  public synchronized Optional<ExamPart> next() {
    return toSit().stream().findFirst();
  }

  /** The parts not yet started, in the exam's order. */
  public synchronized List<ExamPart> toSit() {
    List<ExamPart> out = new ArrayList<>();
    if (ended()) return out;
    exam.parts().stream().filter(p -> !sat.containsKey(p.id())).forEach(out::add);
    return out;
  }

  /** The part running now, if one is. */
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

  public StationClock clock() {
    return clock;
  }

  private String state() {
    return clock.state().name().toLowerCase();
  }
}
