package org.twinlab.runtime.session;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.SessionEvidence;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceUnavailableException;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.scenario.LiveRun;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.FaultRecord;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.CheckDef;

/**
 * A lab session while it runs: its stations and their scenario runs, and its evidence log. What
 * examiners do to it is written to the evidence before it is answered; a session ends by sealing
 * its evidence. Every method may block on the disk or a rig: call them from worker threads.
 */
public final class LabSession {
  /** Starts a station's scenario on its rigs, afresh or (with what its evidence says) after a restart. */
  interface Starter {
    LiveRun start(StationPlan station, org.twinlab.scenarios.model.Scenario scenario, String by) throws StationException;

    LiveRun resume(StationPlan station, org.twinlab.scenarios.model.Scenario scenario, StationClock clock,
        org.twinlab.scenarios.engine.ScenarioRun.Prior prior) throws StationException;
  }

  /** How often the stations' active time is written down, so a restart knows it to within this. */
  static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(2);
  static final String CHECKPOINT = "clock.json";
  /** The longest the chain's head goes unsigned while something is added to it. */
  static final Duration SIGN_EVERY = Duration.ofSeconds(30);

  private final SessionPlan plan;
  private final SessionEvidence log;
  private final Map<String, StationSession> stations = new LinkedHashMap<>();
  private final Starter starter;
  private final java.util.function.Supplier<PlatformKey> key;
  // told whenever who reaches this session's twins may have changed: a station started or ended, the session ended
  private final Runnable reachChanged;
  private final java.time.Clock clock;
  private final java.nio.file.Path checkpoint;
  private java.time.Instant checkpointed = java.time.Instant.EPOCH;
  // read without the session's lock: the event loop asks while a worker holds it to set a station up
  private volatile boolean ended;

  LabSession(SessionPlan plan, Map<String, org.twinlab.scenarios.model.Scenario> scenarios,
      Map<String, org.twinlab.scenarios.exam.Exam> exams, SessionEvidence log, java.nio.file.Path home, Starter starter,
      java.util.function.Supplier<PlatformKey> key, Runnable reachChanged,
      java.time.Clock clock) {
    this.plan = plan;
    this.reachChanged = reachChanged;
    this.log = log;
    this.starter = starter;
    this.key = key;
    this.clock = clock;
    this.checkpoint = home.resolve(CHECKPOINT);
    for (StationPlan s : plan.stations()) {
      org.twinlab.scenarios.exam.Exam exam = s.fromExam() ? exams.get(s.exam()) : null;
      // a part of an exam runs its scenario as the exam sets it: its tasks, its time
      stations.put(s.id(), exam == null ? new StationSession(s, scenarios.get(s.scenario()))
          : new StationSession(s, exam.part(s.scenario()).orElseThrow(() -> new IllegalStateException(
              "exam " + exam.id() + " has no part " + s.scenario())).scenario(), exam));
    }
  }

  public SessionPlan plan() {
    return plan;
  }

  public String id() {
    return plan.id();
  }

  public boolean ended() {
    return ended;
  }

  /** The time now by the runtime's clock. */
  java.time.Instant now() {
    return clock.instant();
  }

  /**
   * What who reaches this session's twins turns on: whether it has ended, and which of its
   * stations have; a station's clock running out changes it without anyone asking.
   */
  String reachState() {
    StringBuilder out = new StringBuilder(ended ? "ended" : "open");
    stations.values().forEach(s -> out.append(' ').append(s.plan().id()).append('=').append(s.state() == StationClock.State.ENDED));
    return out.toString();
  }

  /** A session whose end is on record already (read back after a restart). */
  void sealed() {
    ended = true;
  }

  /** Whether its evidence does not verify: it is shown as it was, and takes no change. */
  public boolean damaged() {
    return log.damaged();
  }

  public SessionEvidence evidence() {
    return log;
  }

  StationSession station(String id) {
    StationSession s = stations.get(id);
    if (s == null) throw new NoSuchElementException("no station '" + id + "' in session " + plan.id());
    return s;
  }

  /**
   * The station a candidate is at now, asked for any station of theirs: at a part of an exam, the
   * part they sit now (the one running, else the next, else the last); otherwise the station itself.
   * Not under the session's lock (a twin's thread asks while a station is being set up): the
   * stations are fixed when the session is made.
   */
  StationSession currentOf(StationSession s) {
    return ExamParts.of(s, stations()).map(ExamParts::current).orElse(s);
  }

  /** The plan of the station a candidate is at now, asked for any station of theirs ({@link #currentOf}). */
  public StationPlan currentOf(StationPlan p) {
    return currentOf(station(p.id())).plan();
  }

  List<StationSession> stations() {
    return List.copyOf(stations.values());
  }

  /**
   * The stations an operation is for: one, or (null) all of them that run on this node. In a
   * clustered lab a station another node runs is that node's to change: its calls are handed there,
   * and a session-wide call is made on every node for the stations it runs.
   */
  private List<StationSession> targets(String station) {
    if (station == null) return stations().stream().filter(s -> !s.elsewhere()).toList();
    return List.of(here(station(station)));
  }

  /** A station this node runs; one another node runs is refused, never changed here. */
  private static StationSession here(StationSession s) {
    if (s.elsewhere()) throw new IllegalStateException("station " + s.plan().id() + " runs on another node of the cluster: its calls go there");
    return s;
  }

  // ---- what examiners do

  /** Starts one station or every station not started yet; a station that cannot start says why. */
  public synchronized List<String> start(String station, String by) {
    requireOpen();
    List<String> problems = new ArrayList<>();
    for (StationSession s : targets(station)) {
      if (s.state() != StationClock.State.READY) {
        if (station != null) throw new IllegalStateException("station " + s.plan().id() + " has started already");
        continue;
      }
      // a part of an exam starts when the exam's rules let it: refused before anything is on record
      java.util.Optional<String> refused = ExamParts.of(s, stations()).flatMap(parts -> parts.refusal(s));
      if (refused.isPresent()) {
        if (station != null) throw new IllegalStateException("station " + s.plan().id() + ": " + refused.get());
        continue; // a later part of an exam whose first part starts now
      }
      startOne(s, by).ifPresent(problems::add);
    }
    reachChanged.run();
    if (station != null && !problems.isEmpty()) throw new IllegalStateException(problems.get(0));
    return problems;
  }

  /** Puts a station's start on record, then sets its rig up and starts its clock; says why if it could not. */
  private java.util.Optional<String> startOne(StationSession s, String by) {
    // on record before the rig is set up; a start that then fails says so, and the station stays ready
    JsonObject started = new JsonObject().put("scenario", s.scenario().id()).put("version", s.scenario().version())
        .put("limitSeconds", s.scenario().timeLimit().toSeconds());
    s.exam().ifPresent(e -> started.put("exam", e.id()).put("examVersion", e.version()));
    log.append("station.started", by, s.plan().id(), started);
    try {
      s.started(starter.start(s.plan(), s.scenario(), by));
      return java.util.Optional.empty();
    } catch (StationException e) {
      log.append("station.start_failed", by, s.plan().id(), new JsonObject().put("reason", e.getMessage()));
      return java.util.Optional.of(s.plan().id() + ": " + e.getMessage());
    }
  }

  /**
   * After a part of an exam has ended: its run lets go of the station, and in the given order the
   * next part starts at once on the exam's one clock.
   */
  private void nextPart(StationSession ended) {
    java.util.Optional<ExamParts> parts = ExamParts.of(ended, stations());
    if (parts.isEmpty()) return;
    ended.live().ifPresent(LiveRun::close);
    parts.get().next().ifPresent(next -> {
      try {
        startOne(next, "exam").ifPresent(problem -> log.append("exam.next_part_failed", "exam", next.plan().id(),
            new JsonObject().put("reason", problem)));
      } catch (RuntimeException e) {
        // the evidence cannot be written now: the examiner starts the part by hand once it can
      }
    });
    reachChanged.run();
  }

  /** The parts of the exam sat at a station ({@code s1} or any of its parts {@code s1.2}), in the exam's order. */
  synchronized java.util.Optional<ExamParts> examAt(String station) {
    return stations().stream().filter(s -> s.plan().id().equals(station) || s.plan().examStation().equals(station))
        .findFirst().flatMap(s -> ExamParts.of(s, stations()));
  }

  /**
   * The candidate starts the part of their exam they choose, in an exam sat in the candidate's own
   * order, once an examiner has started the exam (its first part).
   */
  public synchronized void begin(String station, String candidate) {
    requireOpen();
    StationSession s = here(station(station));
    ExamParts parts = ExamParts.of(s, stations())
        .orElseThrow(() -> new IllegalArgumentException("station " + station + " sets a scenario, not a part of an exam"));
    if (!s.plan().candidate().equals(candidate)) throw new SecurityException("station " + station + " is not " + candidate + "'s");
    if (parts.exam().order() != org.twinlab.scenarios.exam.Exam.Order.CANDIDATE) {
      throw new IllegalStateException("this exam's parts go in the given order: each starts as the one before ends");
    }
    if (parts.parts().stream().allMatch(p -> p.state() == StationClock.State.READY)) {
      throw new IllegalStateException("the exam has not started: an examiner starts it");
    }
    if (s.state() != StationClock.State.READY) throw new IllegalStateException("part " + station + " has started already");
    java.util.Optional<String> refused = parts.refusal(s);
    if (refused.isPresent()) throw new IllegalStateException(refused.get());
    startOne(s, candidate).ifPresent(problem -> {
      throw new IllegalStateException(problem);
    });
    reachChanged.run();
  }

  public synchronized void pause(String station, String by, String reason) {
    requireOpen();
    requireReason(reason);
    for (StationSession s : targets(station)) {
      if (station == null && s.state() != StationClock.State.RUNNING) continue;
      requireState(s, StationClock.State.RUNNING, "running");
      log.append("station.paused", by, s.plan().id(), new JsonObject().put("reason", reason)
          .put("elapsedSeconds", clock(s).elapsed().toSeconds()));
      clock(s).pause(by, reason);
    }
  }

  public synchronized void resume(String station, String by) {
    requireOpen();
    for (StationSession s : targets(station)) {
      if (station == null && s.state() != StationClock.State.PAUSED) continue;
      requireState(s, StationClock.State.PAUSED, "paused");
      log.append("station.resumed", by, s.plan().id(), new JsonObject().put("elapsedSeconds", clock(s).elapsed().toSeconds()));
      clock(s).resume(by);
    }
  }

  public synchronized void extend(String station, Duration more, String by, String reason) {
    requireOpen();
    requireReason(reason);
    for (StationSession s : targets(station)) {
      if (station == null && !s.active()) continue;
      if (more.isZero() || more.isNegative()) throw new IllegalArgumentException("an extension is a positive duration");
      if (clock(s).state() == StationClock.State.ENDED) throw new IllegalStateException("station " + s.plan().id() + " has ended");
      log.append("station.extended", by, s.plan().id(), new JsonObject().put("seconds", more.toSeconds()).put("reason", reason)
          .put("limitSeconds", clock(s).limit().plus(more).toSeconds()));
      clock(s).extend(more, by, reason);
    }
  }

  /** Ends one station (an examiner stops it, or the candidate hands in). */
  public synchronized void endStation(String station, String by, String reason) {
    requireOpen();
    StationSession s = here(station(station));
    if (!s.active()) throw new IllegalStateException("station " + station + " is " + s.state().name().toLowerCase() + ", not running");
    recordEnd(s, by, reason); // on record before the candidate's controls close
    s.run().orElseThrow().end(by, reason);
    reachChanged.run();
    try {
      log.checkpoint(key.get(), "runtime");
    } catch (RuntimeException unsigned) {
      // the station has ended, on record: its signature follows with the watch's next checkpoint
    }
    nextPart(s);
  }

  /** An examiner's own mark on a judged check; the evidence has it before it counts. */
  public synchronized void mark(String station, String check, int mark, String examiner) {
    StationSession s = station(station);
    CheckDef c = s.scenario().checks().stream().filter(x -> x.id().equals(check)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no check '" + check + "' in " + s.scenario().id()));
    if (c.kind() != CheckDef.Kind.JUDGEMENT) throw new IllegalArgumentException(check + " is measured by the engine, not marked");
    if (mark < 0 || mark > CheckDef.JUDGEMENT_SCALE) throw new IllegalArgumentException("a mark is 0 to " + CheckDef.JUDGEMENT_SCALE);
    if (s.state() == StationClock.State.READY) throw new IllegalStateException("station " + station + " has not started");
    if (ended) throw new IllegalStateException("session " + plan.id() + " has ended; its marks are sealed");
    if (s.marks().confirmed(check, examiner)) {
      throw new IllegalStateException(examiner + " has confirmed their mark on " + check + ": a confirmed mark is locked");
    }
    requireWritable();
    log.append("mark", examiner, station, new JsonObject().put("check", check).put("mark", mark));
    s.marks().put(check, examiner, mark);
  }

  /**
   * An examiner confirms the mark they entered on a judged check, after reviewing it: from then on
   * it is locked for them. The evidence records who confirmed which mark, and when.
   */
  public synchronized void confirmMark(String station, String check, String examiner) {
    StationSession s = station(station);
    if (ended) throw new IllegalStateException("session " + plan.id() + " has ended; its marks are sealed");
    int mark = s.marks().of(check, examiner)
        .orElseThrow(() -> new IllegalStateException(examiner + " has no mark on " + check + " to confirm: enter one first"));
    if (s.marks().confirmed(check, examiner)) return; // confirmed already: the first confirmation stands
    requireWritable();
    EvidenceRecord r = log.append(MARK_CONFIRMED, examiner, station, new JsonObject().put("check", check).put("mark", mark));
    s.marks().confirm(check, examiner, r.at());
  }

  /** When each examiner confirmed their mark on each check of a station. */
  public synchronized Map<String, Map<String, java.time.Instant>> confirmations(String station) {
    return station(station).marks().confirmations();
  }

  /** Ends every station still running and seals the evidence with the platform key. */
  public synchronized EvidenceRecord end(String by, PlatformKey key) {
    // ended on record but its seal was not written (a full disk, a crash): sealing is what is left to do
    if (ended && !log.sealed() && log.ended()) return log.seal(key, by);
    requireOpen();
    for (StationSession s : stations()) {
      if (s.active() && s.run().isPresent()) {
        recordEnd(s, by, "the session ended");
        s.run().orElseThrow().end(by, "the session ended");
      } else if (s.active() && s.elsewhere() && s.newEnd()) {
        // run by another node, which sees the end in the evidence and lets go of its rig
        long elapsed = s.replay().map(r -> r.elapsedAt(clock.instant()).toSeconds()).orElse(0L);
        recordOrForget(() -> log.append("station.ended", by, s.plan().id(), new JsonObject().put("reason", "the session ended")
            .put("elapsedSeconds", elapsed)), s::forgetEnd);
      }
      s.live().ifPresent(LiveRun::close);
    }
    watch();
    // everything before the end is signed first, so a seal torn later can be made again over signed records only
    log.checkpoint(key, "runtime");
    log.append(EvidenceLog.ENDED, by, null, new JsonObject().put("stations", stations.size()));
    ended = true;
    reachChanged.run();
    return log.seal(key, by);
  }

  /** A station's result as it stands: provisional while checks are pending or judgements unmarked. */
  public synchronized StationResult result(String station, java.util.function.Function<String, String> displayName,
      org.twinlab.scenarios.score.Scoring scoring) {
    return result(plan, station(station), log.head(), log.sealed(), displayName, scoring);
  }

  /**
   * The exam's sheet at a part of an exam: every part's result weighed by the level's table.
   *
   * @throws IllegalArgumentException when the station sets one scenario, not a part of an exam
   */
  public synchronized ExamResult examResult(String station, java.util.function.Function<String, String> displayName,
      org.twinlab.scenarios.score.Scoring scoring, org.twinlab.scenarios.exam.ExamScoring examScoring) {
    ExamParts parts = ExamParts.of(station(station), stations())
        .orElseThrow(() -> new IllegalArgumentException("station " + station + " sets a scenario, not a part of an exam"));
    List<StationResult> results = parts.parts().stream().map(p -> result(plan, p, log.head(), log.sealed(), displayName, scoring)).toList();
    boolean over = ended || parts.parts().stream().noneMatch(StationSession::active)
        && (parts.parts().stream().noneMatch(p -> p.state() == StationClock.State.READY)
            || org.twinlab.scenarios.exam.ExamTime.remaining(parts.exam(), parts.spent()).isZero());
    return new ExamResult(parts.exam(), station(station).plan().examStation(), results, parts.sheet(results, examScoring), over,
        parts.spent());
  }

  /** A station's result from its run or, when it runs no more, from what its evidence says. */
  static StationResult result(SessionPlan plan, StationSession s, String evidenceHead, boolean sealed,
      java.util.function.Function<String, String> displayName, org.twinlab.scenarios.score.Scoring scoring) {
    ScenarioRun run = s.run().orElse(null);
    StationReplay before = s.replay().orElse(null);
    Map<String, Verdict> verdicts = run != null ? run.verdicts() : before != null ? before.verdicts : Map.of();
    var sheet = scoring.score(s.scenario(), verdicts, s.marks().combined());
    List<org.twinlab.scenarios.engine.ActionRecord> actions = run != null ? run.actions() : before != null ? before.actions : List.of();
    List<FaultRecord> faults = run != null ? run.faults() : before != null ? List.copyOf(before.faults.values()) : List.of();
    List<StationClock.Entry> clock = run != null ? run.clock().log() : before != null ? before.clock : List.of();
    return new StationResult(plan.id(), plan.title(), s.plan().id(), s.plan().candidate(), displayName.apply(s.plan().candidate()),
        s.scenario(), s.state(), sheet, s.marks().all(), s.marks().disagreements(), actions, s.interventions(), faults, clock,
        evidenceHead, sealed, s.plan().examiners().stream().map(e -> new StationResult.Examiner(e, displayName.apply(e))).toList());
  }

  // ---- what the runtime hears of

  /** Record kinds of the action ledger: the candidate's (or the runtime's) action, staff's, and what became of either. */
  static final String ACTION = "action";
  static final String INTERVENTION = "intervention";
  static final String OUTCOME = "action.outcome";
  /** An examiner confirmed the mark they entered: {check, mark}, by them, at the record's time. */
  static final String MARK_CONFIRMED = "mark.confirmed";

  /**
   * The gate of the action ledger for a twin at one of this session's stations: refuses what the
   * actor may not do now (a candidate acts only on their own station while its clock runs), and
   * otherwise records the action, before it is carried out, as the candidate's (or the runtime's)
   * or, for staff, as an intervention. Returns the record's seq.
   *
   * @throws Refused when the actor may not take the action now; nothing is recorded
   */
  /**
   * Whether a station's clock runs now (the session not ended): what a candidate's act needs. Not
   * under the session's lock, which a station's start holds while its rig is set up: it is asked
   * from a twin's thread.
   */
  boolean runs(String station) {
    return !ended && station(station).state() == StationClock.State.RUNNING;
  }

  synchronized long take(String station, CandidateAction a) throws Refused {
    StationSession st = station(station);
    if (ended) throw new Refused("session " + plan.id() + " has ended");
    if (a.byCandidate()) {
      if (!a.who().equals(st.plan().candidate())) {
        throw new Refused("twin " + a.twin() + " is at station " + station + " of session " + plan.id() + ", which is not " + a.who() + "'s");
      }
      if (st.state() != StationClock.State.RUNNING) {
        throw new Refused("station " + station + " is " + describe(st.state()) + ": a candidate acts only while their station's clock runs");
      }
    }
    boolean staff = !a.byCandidate() && !CandidateAction.RUNTIME.equals(a.role());
    long elapsed = st.run().map(r -> r.clock().elapsed().toSeconds()).orElse(0L);
    EvidenceRecord r = log.append(staff ? INTERVENTION : ACTION, a.who(), station, new JsonObject().put("twin", a.twin())
        .put("kind", a.kind()).put("role", a.role()).put("fields", new JsonObject(new LinkedHashMap<>(a.fields())))
        .put("elapsedSeconds", elapsed));
    if (staff) {
      st.intervened(new Intervention(r.seq(), r.at(), elapsed, a.who(), a.role(), a.twin(), a.kind(), a.fields(), Intervention.PENDING, ""));
    }
    return r.seq();
  }

  /** Records what became of an action taken at one of this session's stations, tied to its record by seq. */
  synchronized void settle(String station, long seq, CandidateAction a, org.twinlab.runtime.twin.Outcome o) {
    StationSession st = station(station);
    log.append(OUTCOME, a.who(), station, new JsonObject().put("action", seq).put("twin", a.twin()).put("kind", a.kind())
        .put("accepted", o.accepted()).put("detail", o.detail()).put("result", new JsonObject(new LinkedHashMap<>(o.result()))));
    st.settled(seq, o.accepted(), o.detail());
  }

  /** Whether the runtime's own action (a scenario's setup) on this station's twin is for the evidence: while it runs. */
  boolean tracksRuntime(String station) {
    return !ended && station(station).active();
  }

  private static String describe(StationClock.State s) {
    return switch (s) {
      case READY -> "not started yet";
      case PAUSED -> "paused";
      case ENDED -> "ended (handed in or stopped)";
      default -> s.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** An action the gate does not let through, with the reason the actor is told. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Records what changed in the runs since last time: verdicts decided, faults, stations ended by their clock. */
  synchronized void watch() {
    if (ended || log.damaged() || !log.recheck()) return;
    boolean stationEnded = false;
    List<StationSession> endedNow = new ArrayList<>();
    for (StationSession s : stations()) {
      ScenarioRun run = s.run().orElse(null);
      if (run == null) continue;
      for (FaultRecord f : run.faults()) {
        String injected = f.fault().id() + "/injected";
        if (s.newFault(injected)) {
          recordOrForget(() -> log.append("fault.injected", "scenario", s.plan().id(), new JsonObject().put("fault", f.fault().id())
              .put("kind", f.fault().kind()).put("target", f.fault().target()).put("at", f.injectedAt().toString())
              .put("elapsedSeconds", f.elapsed().toSeconds())), () -> s.forgetFault(injected));
        }
        String cleared = f.fault().id() + "/cleared";
        if (f.clearedAt() != null && s.newFault(cleared)) {
          recordOrForget(() -> log.append("fault.cleared", "scenario", s.plan().id(), new JsonObject().put("fault", f.fault().id())),
              () -> s.forgetFault(cleared));
        }
      }
      for (Map.Entry<String, Verdict> v : run.verdicts().entrySet()) {
        if (s.newVerdict(v.getKey(), v.getValue().outcome())) {
          recordOrForget(() -> log.append("check.decided", "engine", s.plan().id(), new JsonObject().put("check", v.getKey())
              .put("outcome", v.getValue().outcome().name().toLowerCase()).put("because", v.getValue().because())
              .put("at", String.valueOf(v.getValue().at()))), () -> s.forgetVerdict(v.getKey()));
        }
      }
      if (run.ended() && s.newEnd()) {
        var last = run.clock().log().get(run.clock().log().size() - 1);
        recordOrForget(() -> log.append("station.ended", last.by(), s.plan().id(), new JsonObject().put("reason", last.reason())
            .put("elapsedSeconds", run.clock().elapsed().toSeconds())), s::forgetEnd);
        stationEnded = true;
        endedNow.add(s);
      }
    }
    if (stationEnded || log.checkpointDue(SIGN_EVERY)) {
      log.checkpoint(key.get(), "runtime");
    }
    checkpoint();
    endedNow.forEach(this::nextPart);
  }

  /** Writes a record of news; news whose record cannot be written is forgotten, to be recorded by a later watch. */
  private static void recordOrForget(Runnable record, Runnable forget) {
    try {
      record.run();
    } catch (RuntimeException e) {
      forget.run();
      throw e;
    }
  }

  /** Writes each running station's active time down, every {@link #CHECKPOINT_EVERY}. */
  private void checkpoint() {
    java.time.Instant now = clock.instant();
    if (Duration.between(checkpointed, now).compareTo(CHECKPOINT_EVERY) < 0) return;
    JsonObject times = new JsonObject();
    for (StationSession s : stations()) {
      s.run().filter(r -> !r.ended()).ifPresent(r -> times.put(s.plan().id(), r.clock().elapsed().toMillis()));
    }
    if (times.isEmpty()) return;
    try {
      // the session's directory holds no evidence file when a shared store keeps its evidence
      java.nio.file.Files.createDirectories(checkpoint.getParent());
      org.twinlab.runtime.durable.DurableFiles.replace(checkpoint, new JsonObject().put("at", now.toString()).put("elapsedMs", times).encode());
      checkpointed = now;
    } catch (java.io.IOException e) {
      // a full disk: tried again next time; meanwhile a restart takes the time from the evidence alone
    }
    try {
      // where the node that takes a station over finds it (a shared store), for when this node dies
      log.saveClocks(times);
    } catch (RuntimeException e) {
      // the store is away: the evidence alone tells the time then
    }
  }

  /**
   * Takes back what the evidence says of each station after a restart and resumes the stations
   * that were running or paused, with the active time they had (the downtime is not counted: the
   * later of the last checkpoint and the last record tells when the runtime stopped). A station
   * that cannot resume stays as it was, paused, with the reason on record.
   */
  synchronized void restore(Map<String, StationReplay> replays, String by) {
    restore(replays, by, st -> true);
  }

  /** As {@link #restore(Map, String)}, resuming only the stations {@code here} runs; the others are shown from their evidence. */
  synchronized void restore(Map<String, StationReplay> replays, String by, java.util.function.Predicate<StationPlan> here) {
    Map<String, Long> saved = savedElapsed();
    for (StationSession s : stations()) {
      StationReplay r = replays.get(s.plan().id());
      if (r == null) continue;
      s.restore(r);
      if (!here.test(s.plan())) {
        s.elsewhere(true);
        continue;
      }
      if (r.active()) resumeOne(s, r, saved, by, "the runtime restarted");
    }
    // an exam whose part had ended when the runtime stopped goes on with its next part
    for (StationSession s : stations()) {
      if (s.state() != StationClock.State.ENDED || s.elsewhere()) continue;
      ExamParts.of(s, stations()).filter(p -> p.parts().stream().noneMatch(StationSession::active)).flatMap(ExamParts::next)
          .filter(next -> !next.elsewhere())
          .ifPresent(next -> {
            try {
              startOne(next, "exam");
            } catch (RuntimeException e) {
              // the evidence cannot be written now: the examiner starts the part by hand once it can
            }
          });
    }
  }

  /**
   * Resumes one station from its evidence with the active time it had: the later of what its last
   * record and the last kept clock say (the time no node ran it is not counted). A station that
   * cannot resume stays as it was, paused, with the reason on record.
   */
  private void resumeOne(StationSession s, StationReplay r, Map<String, Long> saved, String by, String reason) {
    Duration elapsed = r.elapsedAt(r.lastAt);
    Long ms = saved.get(s.plan().id());
    if (ms != null && Duration.ofMillis(ms).compareTo(elapsed) > 0) elapsed = Duration.ofMillis(ms);
    StationClock resumed = StationClock.restored(clock, r.limit, r.startedAt, elapsed, r.paused, by);
    JsonObject note;
    String kind;
    try {
      s.started(starter.resume(s.plan(), s.scenario(), resumed, r.prior()));
      kind = "station.restored";
      note = new JsonObject().put("elapsedSeconds", elapsed.toSeconds())
          .put("paused", r.paused).put("limitSeconds", r.limit.toSeconds()).put("reason", reason)
          .put("lastRecordBefore", r.lastAt.toString());
    } catch (StationException | RuntimeException e) {
      kind = "station.restore_failed";
      note = new JsonObject().put("reason", String.valueOf(e.getMessage())).put("elapsedSeconds", elapsed.toSeconds());
    }
    try {
      log.append(kind, by, s.plan().id(), note);
    } catch (EvidenceUnavailableException e) {
      // the disk is full at start: the station is as its evidence says; health tells why nothing is recorded
    }
  }

  /** What the evidence says of each station, by station. */
  Map<String, StationReplay> replays(List<EvidenceRecord> records) {
    Map<String, StationReplay> replays = new LinkedHashMap<>();
    for (StationSession st : stations()) replays.put(st.plan().id(), new StationReplay(st.plan(), st.scenario()));
    for (EvidenceRecord r : records) {
      if (r.station() != null && replays.containsKey(r.station())) replays.get(r.station()).apply(r);
    }
    return replays;
  }

  /**
   * In a clustered lab: takes in what other nodes put in this session's shared evidence. The
   * stations another node runs are shown as their evidence says; a station whose twins this node
   * runs now but which ran elsewhere (its node died) is resumed here from its evidence; a run here
   * whose station or session was ended by another node ends; a station whose twins went to another
   * node is let go here.
   *
   * @param here whether this node runs a station's twins now
   * @param node this node's name, for the record of a station taken over
   */
  synchronized void refresh(List<EvidenceRecord> records, java.util.function.Predicate<StationPlan> here, String node) {
    log.caughtUp(records); // an end seen before its seal: the seal is taken in at the next look
    if (ended) return;
    String reach = reachState();
    boolean moved = false;
    Map<String, StationReplay> replays = replays(records);
    boolean over = records.stream().anyMatch(r -> r.kind().equals(EvidenceLog.ENDED));
    Map<String, Long> saved = null;
    for (StationSession s : stations()) {
      StationReplay r = replays.get(s.plan().id());
      if (over) {
        s.restore(r);
        s.live().ifPresent(LiveRun::close);
        continue;
      }
      if (!here.test(s.plan())) {
        if (!s.elsewhere()) {
          org.slf4j.LoggerFactory.getLogger(LabSession.class).info("station {} of session {} runs on another node now", s.plan().id(), plan.id());
          moved = true;
        }
        s.elsewhere(true);
        s.restore(r);
        continue;
      }
      if (s.elsewhere()) {
        moved = true;
        s.elsewhere(false);
        s.restore(r);
        if (r.active()) {
          if (saved == null) saved = savedElapsed();
          resumeOne(s, r, saved, "runtime", "node " + node + " took the station over");
          org.slf4j.LoggerFactory.getLogger(LabSession.class).info("took station {} of session {} over at {} s of active time",
              s.plan().id(), plan.id(), s.run().map(x -> x.clock().elapsed().toSeconds()).orElse(-1L));
        }
      } else if (r.ended && s.run().map(x -> !x.ended()).orElse(false)) {
        s.restore(r); // its end is on record already: not recorded twice
        s.run().orElseThrow().end("runtime", "ended on another node");
      }
    }
    if (over) ended = true;
    // who reaches this session's twins is decided again only when something changed
    if (moved || !reach.equals(reachState())) reachChanged.run();
  }

  private Map<String, Long> savedElapsed() {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      if (java.nio.file.Files.exists(checkpoint)) {
        new JsonObject(java.nio.file.Files.readString(checkpoint)).getJsonObject("elapsedMs", new JsonObject())
            .forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).longValue()));
      }
    } catch (java.io.IOException | RuntimeException e) {
      // a torn checkpoint: the evidence alone tells the time
    }
    try {
      log.savedClocks().forEach(e -> out.merge(e.getKey(), ((Number) e.getValue()).longValue(), Math::max));
    } catch (RuntimeException e) {
      // the shared store is away: the evidence alone tells the time
    }
    return out;
  }

  private void recordEnd(StationSession s, String by, String reason) {
    if (s.newEnd()) {
      recordOrForget(() -> log.append("station.ended", by, s.plan().id(), new JsonObject().put("reason", reason)
          .put("elapsedSeconds", clock(s).elapsed().toSeconds())), s::forgetEnd);
    }
  }

  /** Refuses, before anything is recorded, a clock move the station's state does not allow. */
  private static void requireState(StationSession s, StationClock.State wanted, String word) {
    StationClock.State now = clock(s).state();
    if (now != wanted) throw new IllegalStateException("station " + s.plan().id() + " is " + now.name().toLowerCase() + ", not " + word);
  }

  private static StationClock clock(StationSession s) {
    return s.run().orElseThrow(() -> new IllegalStateException("station " + s.plan().id() + " has not started")).clock();
  }

  private void requireOpen() {
    if (ended) throw new IllegalStateException("session " + plan.id() + " has ended");
    requireWritable();
  }

  /** Refuses a change while the evidence cannot take its record: nothing is done that is not on record. */
  private void requireWritable() {
    if (!log.recheck()) throw new EvidenceUnavailableException("session " + plan.id() + " takes no change now: " + log.problem());
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why: a reason is required");
  }
}
