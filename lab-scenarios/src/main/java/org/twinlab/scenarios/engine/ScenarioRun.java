package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.scenarios.check.CheckEvaluator;
import org.twinlab.models.expr.Expr;
import org.twinlab.scenarios.check.RecordedTrace;
import org.twinlab.scenarios.check.Trace;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;

/**
 * One scenario running on one station: it prepares the station, keeps the exam clock, records
 * what the twin shows and what the rig truly does into a trace, injects the faults when their time
 * or trigger comes, records every candidate action with who and when, and judges the checks, live
 * while the run goes and finally at its end.
 *
 * <p>The twin's signals reach the trace as the station hears them change ({@link #changed}), each
 * at the moment it happened on the station's clock, so no change is too short for a check and every
 * duration a check measures is the signals' own. Time moves on the clock's source; {@link #tick} is
 * called as often as the clock, the fault schedules and the rig's ground truth should be looked at
 * (every tenth of a second live, every virtual step in a dry run).
 */
public final class ScenarioRun {
  private final Scenario scenario;
  private final Station station;
  private final StationClock clock;
  private final Scoring scoring;
  private final RecordedTrace trace = new RecordedTrace();
  private final List<ActionRecord> actions = new ArrayList<>();
  private final Map<String, FaultRecord> faults = new LinkedHashMap<>();
  private final Map<String, String> handles = new LinkedHashMap<>();
  private final Map<String, Duration> clearAt = new LinkedHashMap<>();
  private final Map<String, Integer> marks = new LinkedHashMap<>();
  private final List<String> notices = new ArrayList<>();
  private final Map<String, String> uninjectable = new LinkedHashMap<>(); // fault id → why
  private final Map<String, Verdict> earlier = new LinkedHashMap<>();
  private final Watches watches = new Watches();
  private Instant start;

  /**
   * What a run had done before the runtime restarted, as its evidence tells: the actions, the
   * faults injected (and cleared), and the verdicts decided then.
   */
  public record Prior(List<ActionRecord> actions, List<FaultRecord> faults, Map<String, Verdict> verdicts) {
    public Prior {
      actions = List.copyOf(actions);
      faults = List.copyOf(faults);
      verdicts = Map.copyOf(verdicts);
    }
  }

  public ScenarioRun(Scenario scenario, Station station, StationClock clock, Scoring scoring) {
    this.scenario = scenario;
    this.station = station;
    this.clock = clock;
    this.scoring = scoring;
  }

  /** Follows and prepares the station, and starts the clock. */
  public synchronized void start(String by) throws StationException {
    station.follow(this::changed);
    station.prepare(scenario.setup());
    clock.start(by);
    start = clock.startedAt();
    tick();
  }

  /**
   * Goes on with a run the runtime was running before it restarted, on a clock carried over: the
   * station is not prepared again; the earlier actions and faults are events again (faults still in
   * force are injected anew, as a restarted rig has lost them), and a check the samples since the
   * restart cannot decide keeps the verdict it had.
   */
  public synchronized void resume(Prior prior) throws StationException {
    start = clock.startedAt();
    station.follow(this::changed);
    record Past(Instant at, Runnable apply) {}
    List<Past> past = new ArrayList<>();
    for (ActionRecord a : prior.actions()) {
      past.add(new Past(a.at(), () -> {
        actions.add(a);
        if (a.outcome().accepted()) trace.event(a.at(), "action." + a.kind(), EventAttributes.of(a.who(), a.fields(), a.outcome().result()));
        if (a.outcome().accepted()) watch(a.who(), a.kind(), a.fields());
      }));
    }
    for (FaultRecord f : prior.faults()) {
      past.add(new Past(f.injectedAt(), () -> {
        faults.put(f.fault().id(), f);
        trace.event(f.injectedAt(), "fault." + f.fault().id(), Map.of("phase", "injected", "kind", f.fault().kind(), "target", f.fault().target()));
      }));
      if (f.clearedAt() != null) {
        past.add(new Past(f.clearedAt(), () -> trace.event(f.clearedAt(), "fault." + f.fault().id(), Map.of("phase", "cleared"))));
      }
    }
    past.sort(java.util.Comparator.comparing(Past::at));
    past.forEach(p -> p.apply().run());
    for (FaultRecord f : prior.faults()) {
      if (f.clearedAt() != null) continue;
      handles.put(f.fault().id(), station.inject(f.fault()));
      f.fault().lasting().ifPresent(d -> clearAt.put(f.fault().id(), f.elapsed().plus(d)));
    }
    earlier.putAll(prior.verdicts());
    tick();
  }

  /** Reads the rig's ground truth, injects and clears faults that are due, and ends the run when time is up. */
  public synchronized void tick() {
    if (clock.state() == StationClock.State.READY || clock.state() == StationClock.State.ENDED) return;
    Instant now = clock.now();
    sample(now);
    if (clock.state() == StationClock.State.RUNNING) {
      faultsDue(now);
      for (Watches.Fired f : watches.due(trace, start, now)) {
        trace.event(f.at(), "watch.fired", Map.of("name", f.rule().name(), "who", f.rule().who()));
      }
    }
    if (clock.expired()) clock.end("clock", "the time limit was reached");
  }

  /**
   * Carries out and records a candidate action. Actions are taken only while the clock runs; a
   * refused action is recorded with the station's reason but is no evidence for checks.
   */
  public synchronized ActionRecord act(String who, String kind, Map<String, Object> fields) {
    ActionOutcome outcome = clock.state() == StationClock.State.RUNNING
        ? station.perform(who, kind, fields)
        : ActionOutcome.refused("the clock is " + clock.state().name().toLowerCase());
    return keep(clock.now(), who, kind, fields, outcome);
  }

  /**
   * Records an action taken elsewhere (through the runtime's API on a live station) when the run
   * hears of it, at the moment it was taken ({@code at}, on the station's clock). It is evidence
   * only while the clock runs.
   */
  public synchronized ActionRecord record(Instant at, String who, String kind, Map<String, Object> fields, ActionOutcome outcome) {
    boolean running = clock.state() == StationClock.State.RUNNING;
    return keep(onClock(at), who, kind, fields, running || !outcome.accepted() ? outcome
        : ActionOutcome.refused("taken while the clock was " + clock.state().name().toLowerCase() + ": " + outcome.detail()));
  }

  /**
   * A twin's signal changed at {@code at}: the trace holds the value from then on. The station's
   * feed, called as the station hears of each change; what happened before the run started is the
   * state it starts from.
   */
  public synchronized void changed(String signal, Instant at, Observed value) {
    trace.sample(signal, onClock(at), value.value(), value.knowledge());
  }

  /** Records an examiner's mark (0 to 3) for a judged check. */
  public synchronized void mark(String check, int mark, String by) {
    CheckDef c = scenario.checks().stream().filter(x -> x.id().equals(check)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check '" + check + "' in " + scenario.id()));
    if (c.kind() != CheckDef.Kind.JUDGEMENT) throw new IllegalArgumentException(check + " is measured by the engine, not marked");
    if (mark < 0 || mark > CheckDef.JUDGEMENT_SCALE) throw new IllegalArgumentException("a mark is 0 to " + CheckDef.JUDGEMENT_SCALE);
    marks.put(check, mark);
    notices.add(clock.now() + " " + by + " marked " + check + " " + mark);
  }

  /** Whether a state holds now, as a scripted candidate or a trigger asks. */
  public synchronized boolean holds(Expr state) {
    return start != null && CheckEvaluator.holdsAt(state, trace, start, clock.now());
  }

  /** Ends the run before its time (the candidate hands in, or an examiner stops it). */
  public synchronized void end(String by, String reason) {
    if (clock.state() == StationClock.State.RUNNING || clock.state() == StationClock.State.PAUSED) {
      sample(clock.now());
      clock.end(by, reason);
    }
  }

  public synchronized boolean ended() {
    return clock.state() == StationClock.State.ENDED;
  }

  /** Each measured check's verdict now; final once the run has ended. */
  public synchronized Map<String, Verdict> verdicts() {
    Map<String, Verdict> out = new LinkedHashMap<>();
    if (start == null) return out;
    boolean finished = ended();
    Instant now = finished ? clock.endedAt() : clock.now();
    for (CheckDef c : scenario.checks()) {
      c.measure().ifPresent(m -> out.put(c.id(), withEarlier(c.id(), CheckEvaluator.evaluate(m, trace, start, now, finished))));
    }
    return out;
  }

  /** The score sheet as things stand: provisional while checks are pending or judgements unmarked. */
  public synchronized ScoreSheet sheet() {
    return scoring.score(scenario, verdicts(), marks);
  }

  public Scenario scenario() {
    return scenario;
  }

  public StationClock clock() {
    return clock;
  }

  public synchronized Duration elapsed() {
    return clock.elapsed();
  }

  public synchronized Trace trace() {
    return trace;
  }

  public synchronized List<ActionRecord> actions() {
    return List.copyOf(actions);
  }

  public synchronized List<FaultRecord> faults() {
    return List.copyOf(faults.values());
  }

  public synchronized Map<String, Integer> marks() {
    return Map.copyOf(marks);
  }

  /** Faults the station could not inject, by id, with the station's reason. */
  public synchronized Map<String, String> faultsNotInjected() {
    return Map.copyOf(uninjectable);
  }

  /** Things examiners should know that are not scores: a fault the station could not inject, a mark given. */
  public synchronized List<String> notices() {
    return List.copyOf(notices);
  }

  // ---- internals

  /** After a restart, what the samples since cannot decide keeps the verdict it had before. */
  private Verdict withEarlier(String check, Verdict now) {
    Verdict before = earlier.get(check);
    boolean undecided = now.outcome() == Verdict.Outcome.PENDING || now.outcome() == Verdict.Outcome.INDETERMINATE;
    return before != null && undecided ? before : now;
  }

  /**
   * A moment as the station's clock places it: a moment the clock has not reached yet (a rig
   * whose clock runs ahead, an action stamped a moment before the run heard of it on another
   * thread) is now. Moments before now stay as they are.
   */
  private Instant onClock(Instant at) {
    Instant now = clock.now();
    return at.isAfter(now) ? now : at;
  }

  /**
   * Adds an action taken at {@code at} to the record; an accepted one is also an event for checks,
   * and may trigger faults.
   */
  private ActionRecord keep(Instant at, String who, String kind, Map<String, Object> fields, ActionOutcome outcome) {
    Instant now = clock.now();
    Instant taken = start != null && at.isBefore(start) ? start : at;
    Duration elapsed = clock.state() == StationClock.State.RUNNING ? clock.elapsed().minus(Duration.between(taken, now)) : clock.elapsed();
    ActionRecord r = new ActionRecord(taken, elapsed.isNegative() ? Duration.ZERO : elapsed, who, kind, fields, outcome);
    actions.add(r);
    if (outcome.accepted()) {
      trace.event(taken, "action." + kind, EventAttributes.of(who, fields, outcome.result()));
      watch(who, kind, fields);
      faultsDue(now);
    }
    return r;
  }

  /** A watch the station accepted is judged from now on, tick by tick, on what the twin shows. */
  private void watch(String who, String kind, Map<String, Object> fields) {
    if (!kind.equals("watch")) return;
    try {
      if (!watches.set(WatchRule.read(fields, null, who))) {
        notices.add(clock.now() + " watch of " + who + " not judged: a station judges at most " + Watches.MAX + " watches");
      }
    } catch (WatchRule.Invalid e) {
      notices.add(clock.now() + " watch of " + who + " not judged: " + e.field() + ": " + e.getMessage());
    }
  }

  /** Reads what the station can only read as it is now. */
  private void sample(Instant now) {
    station.observe().forEach((signal, o) -> trace.sample(signal, now, o.value(), o.knowledge()));
  }

  private void faultsDue(Instant now) {
    Duration elapsed = clock.elapsed();
    for (FaultDef f : scenario.faults()) {
      if (faults.containsKey(f.id()) || uninjectable.containsKey(f.id())) continue;
      boolean due = f.at().map(at -> elapsed.compareTo(at) >= 0)
          .orElseGet(() -> f.trigger().map(t -> CheckEvaluator.holdsAt(t, trace, start, now)).orElse(false));
      if (due) inject(f, now, elapsed);
    }
    for (Map.Entry<String, Duration> e : List.copyOf(clearAt.entrySet())) {
      if (elapsed.compareTo(e.getValue()) < 0) continue;
      station.clear(handles.get(e.getKey()));
      clearAt.remove(e.getKey());
      faults.computeIfPresent(e.getKey(), (k, r) -> r.cleared(now));
      trace.event(now, "fault." + e.getKey(), Map.of("phase", "cleared"));
    }
  }

  private void inject(FaultDef f, Instant now, Duration elapsed) {
    try {
      handles.put(f.id(), station.inject(f));
    } catch (StationException e) {
      uninjectable.put(f.id(), e.getMessage());
      notices.add(now + " fault " + f.id() + " could not be injected: " + e.getMessage());
      return;
    }
    faults.put(f.id(), new FaultRecord(f, now, elapsed, null));
    Optional<Duration> lasting = f.lasting();
    lasting.ifPresent(d -> clearAt.put(f.id(), elapsed.plus(d)));
    trace.event(now, "fault." + f.id(), Map.of("phase", "injected", "kind", f.kind(), "target", f.target()));
  }
}
