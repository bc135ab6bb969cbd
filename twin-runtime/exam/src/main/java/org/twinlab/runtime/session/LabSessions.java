package org.twinlab.runtime.session;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.evidence.EvidenceDamagedException;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceProblem;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.scenario.LiveRun;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.runtime.twin.ActionLedger;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.Settled;
import org.twinlab.runtime.twin.Taken;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.sim.RigSimulator;

/**
 * Every lab session of the runtime, each kept as its evidence log in
 * {@code <data>/sessions/<id>/evidence.jsonl}. It decides who reaches what (a candidate their own
 * station's twins while it runs, an examiner the stations they mark), is the gate of the action
 * ledger for every twin at a session's station (a candidate acts on their own station's twin only
 * while it runs; staff's actions there are interventions), takes every such action into that
 * session's evidence before it is carried out, its outcome after, and records what the runs decide
 * as they go.
 */
public final class LabSessions implements Reach, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LabSessions.class);
  private static final long WATCH_MS = 500;
  public static final String DIR = "sessions";
  public static final String EVIDENCE = "evidence.jsonl";
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final Vertx vertx;
  private final Path dir;
  private final Twins twins;
  private final Connections connections;
  private final ScenarioCatalog catalog;
  private final Accounts accounts;
  private final Function<String, RigSimulator> simulators;
  private final java.util.function.Supplier<PlatformKey> key;
  private PlatformKey madeKey;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, LabSession> sessions = new ConcurrentHashMap<>();
  // sessions whose evidence could not be read back at all, and why
  private final Map<String, String> unrestored = new ConcurrentHashMap<>();
  private MessageConsumer<CandidateAction> ledger;
  private MessageConsumer<Settled> outcomes;
  private volatile String recordingFault;
  private long watching = -1;
  private final java.util.concurrent.atomic.AtomicBoolean watchRunning = new java.util.concurrent.atomic.AtomicBoolean();
  // what each session's reach was at the last watch (one watch at a time)
  private final Map<String, String> watchedReach = new ConcurrentHashMap<>();

  public LabSessions(Vertx vertx, Path dataDir, Twins twins, Connections connections, ScenarioCatalog catalog, Accounts accounts,
      Function<String, RigSimulator> simulators, java.util.function.Supplier<PlatformKey> key) {
    this.vertx = vertx;
    this.dir = dataDir.resolve(DIR);
    this.twins = twins;
    this.connections = connections;
    this.catalog = catalog;
    this.accounts = accounts;
    this.simulators = simulators;
    this.key = key;
  }

  /** Restores the sessions from their evidence, takes the action ledger and starts watching the runs. Blocking. */
  public void start() {
    restoreAll();
    ledger = vertx.eventBus().consumer(ActionLedger.ADDRESS, this::taken);
    outcomes = vertx.eventBus().consumer(ActionLedger.OUTCOME, this::settled);
    // one watch at a time: a session held up (a station being set up, a slow disk) never piles up workers
    watching = vertx.setPeriodic(WATCH_MS, t -> {
      if (!watchRunning.compareAndSet(false, true)) return;
      vertx.executeBlocking(() -> {
        watchAll();
        return null;
      }, false).onComplete(done -> watchRunning.set(false));
    });
  }

  /** The platform key, made (or read) when the first session is planned: its records are signed as they go. */
  public synchronized PlatformKey key() {
    if (madeKey == null) madeKey = key.get();
    return madeKey;
  }

  public ScenarioCatalog catalog() {
    return catalog;
  }

  public Accounts accounts() {
    return accounts;
  }

  // ---- sessions

  /** Plans a session from an API body; its plan is the first record of its evidence. Blocking. */
  public LabSession create(JsonObject body, String by) throws InvalidInputException {
    PlanReader reader = new PlanReader(new PlanReader.Lab(catalog::find, accounts::find,
        t -> twins.find(t).map(v -> v.twinConfig().model().id()), this::twinBusy));
    String generated = ID_TIME.format(clock.instant()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    synchronized (this) {
      SessionPlan plan = reader.read(body, generated);
      if (sessions.containsKey(plan.id()) || Files.exists(dir.resolve(plan.id()))) {
        throw new IllegalStateException("a session '" + plan.id() + "' exists already");
      }
      key(); // the key that signs this session's checkpoints exists before its first record
      Path file = dir.resolve(plan.id()).resolve(EVIDENCE);
      EvidenceLog log = EvidenceLog.open(file, clock);
      try {
        log.append("session.created", by, null, new JsonObject().put("plan", plan.toJson())
            .put("warnings", new io.vertx.core.json.JsonArray(plan.warnings())));
      } catch (RuntimeException e) {
        // a session whose plan is not on record does not exist: leave no empty log behind to trip the next start
        log.close();
        try {
          Files.deleteIfExists(file);
          Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
          // an empty log left behind is reported at the next start, not lost
        }
        throw e;
      }
      LabSession s = session(plan, log);
      sessions.put(plan.id(), s);
      reachChanged(plan.id()); // its candidates and examiners reach its twins from now on
      return s;
    }
  }

  public LabSession require(String id) {
    LabSession s = sessions.get(id);
    if (s == null) throw new NoSuchElementException("no session '" + id + "'");
    return s;
  }

  /** The sessions a user may see, oldest first. */
  public List<LabSession> visibleTo(Caller c) {
    return new TreeMap<>(sessions).values().stream().filter(s -> session(c, s.id())).toList();
  }

  /** The station a candidate sits at in a session that has not ended. */
  public Optional<Map.Entry<LabSession, StationPlan>> stationOf(String candidate) {
    for (LabSession s : new TreeMap<>(sessions).values()) {
      if (s.ended()) continue;
      for (StationPlan p : s.plan().stations()) {
        if (p.candidate().equals(candidate)) return Optional.of(Map.entry(s, p));
      }
    }
    return Optional.empty();
  }

  private LabSession session(SessionPlan plan, EvidenceLog log) {
    Map<String, Scenario> scenarios = new TreeMap<>();
    plan.stations().forEach(st -> scenarios.put(st.scenario(), catalog.find(st.scenario())
        .orElseThrow(() -> new IllegalStateException("scenario " + st.scenario() + " of session " + plan.id() + " is gone"))));
    return new LabSession(plan, scenarios, log, new LabSession.Starter() {
      @Override
      public LiveRun start(StationPlan station, Scenario scenario, String by) throws StationException {
        return LiveRun.start(vertx, rigs(station), station.candidate(), connections, scenario, catalog.scoring(), by);
      }

      @Override
      public LiveRun resume(StationPlan station, Scenario scenario, StationClock clock, ScenarioRun.Prior prior)
          throws StationException {
        return LiveRun.resume(vertx, rigs(station), station.candidate(), connections, scenario, catalog.scoring(), clock, prior);
      }
    }, this::key, () -> reachChanged(plan.id()));
  }

  /** Tells the live feed (and anything else that follows who reaches what) to decide again. */
  private void reachChanged(String session) {
    vertx.eventBus().publish(Bus.ACCESS, session);
  }

  private List<LiveRun.LiveRig> rigs(StationPlan station) throws StationException {
    List<LiveRun.LiveRig> rigs = new ArrayList<>();
    for (String t : station.twins()) {
      TwinVerticle twin = twins.find(t).orElseThrow(() -> new StationException("twin " + t + " is not deployed"));
      // null for a real rig: no ground truth, no injected faults
      rigs.add(new LiveRun.LiveRig(twin, simulators.apply(t)));
    }
    return rigs;
  }

  /**
   * Reads every session back from its evidence when the runtime starts: ended ones as they were
   * sealed (one whose seal was torn is sealed again), the others with their stations resumed. A log
   * that does not verify is never extended: its session is shown as it was, damaged, taking no
   * change. No session is left out silently: one that cannot be restored at all is reported in health.
   * Blocking.
   */
  void restoreAll() {
    for (Path file : evidenceFiles(dir)) {
      String id = file.getParent().getFileName().toString();
      try {
        restore(file);
      } catch (RuntimeException | IOException | StackOverflowError e) {
        // one session that cannot be read back never keeps the others, or the runtime, from starting
        unrestored.put(id, "session evidence " + file + " is not restored: " + e.getMessage());
        LOG.error("session evidence {} is not restored: {}", file, e.toString());
      }
    }
  }

  private void restore(Path file) throws IOException {
    EvidenceLog log;
    try {
      log = EvidenceLog.open(file, clock, key().publicKey());
    } catch (EvidenceDamagedException e) {
      LOG.error("{}: the session is shown as it was and takes no change", e.getMessage());
      log = EvidenceLog.damaged(file, clock, e.check().message());
    }
    List<EvidenceRecord> records = log.damaged() ? EvidenceLog.readable(file) : EvidenceLog.read(file);
    if (records.isEmpty() || !records.get(0).kind().equals("session.created")) {
      log.close();
      throw new IllegalStateException("its first record is not the session's plan");
    }
    SessionPlan plan = SessionPlan.fromJson(records.get(0).data().getJsonObject("plan"));
    LabSession s = session(plan, log);
    Map<String, StationReplay> replays = new java.util.LinkedHashMap<>();
    for (StationSession st : s.stations()) replays.put(st.plan().id(), new StationReplay(st.plan(), st.scenario()));
    for (EvidenceRecord r : records) {
      if (r.station() != null && replays.containsKey(r.station())) replays.get(r.station()).apply(r);
    }
    if (log.ended() || log.damaged()) {
      if (log.ended()) s.sealed();
      s.stations().forEach(st -> st.restore(replays.get(st.plan().id())));
      if (log.ended() && !log.sealed()) sealAgain(s);
    } else {
      s.restore(replays, "runtime");
    }
    sessions.put(plan.id(), s);
    LOG.info("session {} restored from its evidence ({} records{})", plan.id(), records.size(),
        log.damaged() ? ", damaged" : log.sealed() ? ", sealed" : "");
  }

  /** A session that ended but whose seal is not on disk (torn, or the disk was full) is sealed now. */
  private void sealAgain(LabSession s) {
    try {
      s.end("runtime", key());
      LOG.warn("session {} had ended without its seal; it is sealed now", s.id());
    } catch (RuntimeException e) {
      LOG.error("session {} ended but cannot be sealed yet: {}; ending it again seals it", s.id(), e.getMessage());
    }
  }

  /** Sessions whose evidence cannot be written (or does not verify), and sessions that could not be restored. */
  public List<EvidenceProblem> evidenceProblems() {
    List<EvidenceProblem> out = new ArrayList<>();
    new TreeMap<>(sessions).forEach((id, s) -> {
      String p = s.evidence().problem();
      if (p != null) out.add(new EvidenceProblem(id, s.damaged() ? "damaged" : "unwritable", p));
      else if (s.ended() && !s.evidence().sealed()) out.add(new EvidenceProblem(id, "unsealed", "the session ended but its seal is not written"));
    });
    new TreeMap<>(unrestored).forEach((id, why) -> out.add(new EvidenceProblem(id, "unrestored", why)));
    return out;
  }

  private boolean twinBusy(String twin) {
    return sessions.values().stream().anyMatch(s -> !s.ended()
        && s.plan().stations().stream().anyMatch(p -> p.twins().contains(twin)));
  }

  // ---- the action ledger and the watch

  /**
   * The action ledger's gate: an action on a twin at a station of a session that has not ended is
   * decided by that session (refused, or recorded before it is let through); one on any other twin
   * is let through untracked, to the twin's action feed.
   */
  private void taken(Message<CandidateAction> m) {
    CandidateAction a = m.body();
    Optional<Map.Entry<LabSession, String>> at = placeOf(a);
    if (at.isEmpty()) {
      m.reply(Taken.untracked(a));
      return;
    }
    LabSession s = at.get().getKey();
    String station = at.get().getValue();
    vertx.executeBlocking(() -> {
      failIfDrilled();
      return s.take(station, a);
    }, false).onSuccess(seq -> m.reply(new Taken(a, s.id(), station, seq,
        a.byCandidate() ? () -> s.runs(station) : () -> true))).onFailure(e -> {
      if (e instanceof LabSession.Refused r) {
        LOG.info("{} by {} ({}) on {} refused: {}", a.kind(), a.who(), a.role(), a.twin(), r.getMessage());
        m.fail(ActionLedger.REFUSED, r.getMessage());
      } else {
        LOG.error("{} by {} on {} could not be recorded, so it is refused: {}", a.kind(), a.who(), a.twin(), e.toString());
        m.fail(ActionLedger.UNRECORDED, "the evidence of session " + s.id() + " cannot be written: " + e.getMessage());
      }
    });
  }

  /** Records an action's outcome in the session that took it; once recorded, a done action goes on its twin's feed. */
  private void settled(Message<Settled> m) {
    Settled settled = m.body();
    Taken t = settled.taken();
    LabSession s = sessions.get(t.session());
    if (s == null) {
      m.fail(ActionLedger.UNRECORDED, "no session " + t.session());
      return;
    }
    vertx.executeBlocking(() -> {
      failIfDrilled();
      s.settle(t.station(), t.seq(), t.action(), settled.outcome());
      return null;
    }, false).onSuccess(v -> {
      if (settled.outcome().accepted()) {
        vertx.eventBus().publish(Bus.actions(t.action().twin()), t.action().withResult(settled.outcome().result()));
      }
      m.reply(null);
    }).onFailure(e -> {
      LOG.error("the outcome of {} by {} on {} (record {}) could not be recorded: {}", t.action().kind(), t.action().who(),
          t.action().twin(), t.seq(), e.toString());
      m.fail(ActionLedger.UNRECORDED, "the evidence of session " + s.id() + " cannot be written: " + e.getMessage());
    });
  }

  /**
   * The station an action's twin is at, in a session that has not ended; none for the runtime's own
   * actions (a scenario's setup) before the station runs: they happen while it is being set up.
   */
  private Optional<Map.Entry<LabSession, String>> placeOf(CandidateAction a) {
    for (LabSession s : sessions.values()) {
      if (s.ended()) continue;
      for (StationSession st : s.stations()) {
        if (!st.plan().twins().contains(a.twin())) continue;
        if (CandidateAction.RUNTIME.equals(a.role()) && !s.tracksRuntime(st.plan().id())) return Optional.empty();
        return Optional.of(Map.entry(s, st.plan().id()));
      }
    }
    return Optional.empty();
  }

  /**
   * Makes the evidence of every session refuse actions and outcomes with a reason (null: no more),
   * as a full disk would: for drills and tests of what the runtime does then.
   */
  public void failRecording(String reason) {
    recordingFault = reason;
  }

  private void failIfDrilled() throws IOException {
    String reason = recordingFault;
    if (reason != null) throw new IOException(reason);
  }

  private void watchAll() {
    for (LabSession s : sessions.values()) {
      try {
        s.watch();
      } catch (org.twinlab.runtime.evidence.EvidenceUnavailableException e) {
        // logged once by the evidence log; health says why, and the next watch tries again
      } catch (RuntimeException e) {
        LOG.error("session {}: recording what the runs decided failed: {}", s.id(), e.toString(), e);
      }
      // a station whose time ran out ends without anyone asking, even while its evidence cannot be
      // written: its candidate's reach ends with it
      String reach = s.reachState();
      if (!reach.equals(watchedReach.put(s.id(), reach))) reachChanged(s.id());
    }
  }

  // ---- who reaches what

  @Override
  public boolean twin(Caller c, String twin) {
    if (c.is(Role.ADMIN) || c.is(Role.TRAINER)) return true;
    for (LabSession s : sessions.values()) {
      if (s.ended()) continue;
      for (StationSession st : s.stations()) {
        if (!st.plan().twins().contains(twin)) continue;
        if (c.is(Role.EXAMINER) && st.plan().examiners().contains(c.name())) return true;
        if (c.is(Role.CANDIDATE) && st.plan().candidate().equals(c.name())
            && st.state() != org.twinlab.scenarios.engine.StationClock.State.ENDED) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Optional<java.time.Instant> visibleSince(Caller c, String twin) {
    if (!c.is(Role.CANDIDATE)) return Optional.empty();
    for (LabSession s : sessions.values()) {
      if (s.ended()) continue;
      for (StationSession st : s.stations()) {
        if (!st.plan().twins().contains(twin) || !st.plan().candidate().equals(c.name())) continue;
        return Optional.of(st.run().map(r -> r.clock().startedAt()).filter(java.util.Objects::nonNull).orElseGet(clock::instant));
      }
    }
    return Optional.of(clock.instant()); // reaches no station of theirs: no past at all
  }

  @Override
  public boolean session(Caller c, String session) {
    LabSession s = sessions.get(session);
    if (s == null) return c.is(Role.ADMIN) || c.is(Role.TRAINER); // a 404 for staff, not a hint for others
    if (c.is(Role.ADMIN) || c.is(Role.TRAINER)) return true;
    return s.plan().stations().stream().anyMatch(p -> c.is(Role.EXAMINER) ? p.examiners().contains(c.name())
        : p.candidate().equals(c.name()));
  }

  @Override
  public boolean station(Caller c, String session, String station) {
    LabSession s = sessions.get(session);
    if (s == null) return c.is(Role.ADMIN) || c.is(Role.TRAINER);
    if (c.is(Role.ADMIN) || c.is(Role.TRAINER)) return true;
    return s.plan().station(station).map(p -> c.is(Role.EXAMINER) ? p.examiners().contains(c.name())
        : p.candidate().equals(c.name())).orElse(false);
  }

  @Override
  public void close() {
    if (watching >= 0) vertx.cancelTimer(watching);
    if (ledger != null) ledger.unregister();
    if (outcomes != null) outcomes.unregister();
    for (LabSession s : sessions.values()) {
      s.stations().forEach(st -> st.live().ifPresent(LiveRun::close));
      s.evidence().close();
    }
  }

  static List<Path> evidenceFiles(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(d -> d.resolve(EVIDENCE)).filter(Files::exists).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
