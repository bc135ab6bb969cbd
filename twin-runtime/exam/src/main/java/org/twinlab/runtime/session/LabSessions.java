package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.evidence.EvidenceDamagedException;
import org.twinlab.runtime.evidence.EvidenceProblem;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceStore;
import org.twinlab.runtime.evidence.FileEvidenceStore;
import org.twinlab.runtime.evidence.SessionEvidence;
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

/**
 * Every lab session of the runtime, each kept as its evidence log in
 * {@code <data>/sessions/<id>/evidence.jsonl}: planned here, read back from its evidence when the
 * runtime starts, and found by id. Who may reach a session is {@link SessionAccess}'s to say, what
 * its twins' actions leave on record {@link ActionRecorder}'s, and how its stations' rigs are put
 * together {@link RigAssembly}'s.
 */
public final class LabSessions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LabSessions.class);
  public static final String DIR = "sessions";
  public static final String EVIDENCE = "evidence.jsonl";
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final EvidenceStore store;
  private final Twins twins;
  private final ScenarioCatalog catalog;
  private final Accounts accounts;
  private final RigAssembly rigs;
  private final Supplier<PlatformKey> key;
  private PlatformKey madeKey;
  private final java.util.function.Consumer<String> reachChanged;
  private final Clock clock;
  private final Map<String, LabSession> sessions = new ConcurrentHashMap<>();
  // sessions whose evidence could not be read back at all, and why
  private final Map<String, String> unrestored = new ConcurrentHashMap<>();
  /** In a clustered lab: the node that runs each twin now (this one too), and this node's name; null for a lab of one node. */
  private volatile java.util.function.Function<String, Optional<String>> ownerOf;
  private volatile String node;
  /** In a clustered lab: the model of every twin of the lab, those other nodes run too. */
  private volatile java.util.function.Function<String, Optional<String>> modelOf;

  /**
   * {@code reachChanged} is told a session's id whenever who reaches its twins may have changed (the
   * runtime publishes it on {@code Bus.ACCESS} for the live feed).
   */
  public LabSessions(Path dataDir, Twins twins, ScenarioCatalog catalog, Accounts accounts, RigAssembly rigs,
      Supplier<PlatformKey> key, java.util.function.Consumer<String> reachChanged, Clock clock) {
    this(dataDir, new FileEvidenceStore(dataDir.resolve(DIR), clock), twins, catalog, accounts, rigs, key, reachChanged, clock);
  }

  /**
   * Sessions whose evidence {@code store} keeps (a shared database, say); what else a session keeps
   * (its stations' clocks) stays in {@code <data>/sessions/<id>/}.
   */
  public LabSessions(Path dataDir, EvidenceStore store, Twins twins, ScenarioCatalog catalog, Accounts accounts, RigAssembly rigs,
      Supplier<PlatformKey> key, java.util.function.Consumer<String> reachChanged, Clock clock) {
    this.dir = dataDir.resolve(DIR);
    this.store = store;
    this.twins = twins;
    this.catalog = catalog;
    this.accounts = accounts;
    this.rigs = rigs;
    this.key = key;
    this.reachChanged = reachChanged;
    this.clock = clock;
  }

  /**
   * Makes this one node of a clustered lab whose sessions' evidence is shared: a station runs only on
   * the node that runs its twins, the others show it from the evidence ({@link #refresh}), and a plan
   * whose station's twins run on different nodes is refused. Called before {@link #start}.
   *
   * @param ownerOf the node that runs a twin now, this one included (empty while none does)
   * @param modelOf the model of each twin of the lab, wherever it runs, for reading plans
   */
  public void clustered(java.util.function.Function<String, Optional<String>> ownerOf, String node,
      java.util.function.Function<String, Optional<String>> modelOf) {
    this.modelOf = modelOf;
    this.ownerOf = ownerOf;
    this.node = node;
  }

  /** Whether this node runs a station: in a lab of one node always, in a cluster when it runs every twin of it. */
  private boolean here(StationPlan p) {
    return ownerOf == null || p.twins().stream().allMatch(twins::has);
  }

  /**
   * In a clustered lab: finds sessions other nodes planned, and takes in what other nodes added to
   * every open session's evidence: stations run elsewhere shown as their evidence says, stations
   * whose twins came here (their node died) resumed here, runs ended elsewhere ended. Blocking; a
   * lab of one node does nothing here.
   */
  public void refresh() {
    if (ownerOf == null) return;
    for (String id : store.sessions()) {
      if (sessions.containsKey(id) || unrestored.containsKey(id)) continue;
      try {
        restore(id);
      } catch (RuntimeException | IOException e) {
        LOG.warn("session {} planned on another node cannot be read yet: {}", id, e.toString());
      }
    }
    for (LabSession s : sessions.values()) {
      if (s.damaged() || s.ended() && s.evidence().sealed()) continue;
      try {
        s.refresh(s.evidence().records(), this::here, node);
      } catch (RuntimeException | IOException e) {
        LOG.warn("session {}: what other nodes recorded cannot be read now: {}", s.id(), e.toString());
      }
    }
  }

  /** Restores the sessions from their evidence (their running stations resume on their rigs). Blocking. */
  public void start() {
    restoreAll();
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

  /** Plans a session from an API body; its plan is the first record of its evidence. Blocking. */
  public LabSession create(JsonObject body, String by) throws InvalidInputException {
    PlanReader reader = new PlanReader(new PlanReader.Lab(catalog::find, catalog::exam,
        () -> catalog.exams().stream().map(org.twinlab.scenarios.exam.Exam::id).toList(), accounts::find,
        t -> modelOf != null ? modelOf.apply(t) : twins.find(t).map(v -> v.twinConfig().model().id()), this::twinBusy));
    String generated = ID_TIME.format(clock.instant()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    synchronized (this) {
      SessionPlan plan = reader.read(body, generated);
      if (ownerOf != null) refuseSplitStations(plan);
      if (sessions.containsKey(plan.id()) || Files.exists(dir.resolve(plan.id())) || store.exists(plan.id())) {
        throw new IllegalStateException("a session '" + plan.id() + "' exists already");
      }
      key(); // the key that signs this session's checkpoints exists before its first record
      SessionEvidence log = store.create(plan.id());
      try {
        log.append("session.created", by, null, new JsonObject().put("plan", plan.toJson())
            .put("warnings", new JsonArray(plan.warnings())));
      } catch (RuntimeException e) {
        // a session whose plan is not on record does not exist: leave no empty log behind to trip the next start
        log.close();
        store.discard(plan.id());
        throw e;
      }
      LabSession s = session(plan, log);
      // a station whose twins another node runs is that node's from the start: never set up here
      s.stations().forEach(st -> st.elsewhere(!here(st.plan())));
      sessions.put(plan.id(), s);
      reachChanged(plan.id()); // its candidates and examiners reach its twins from now on
      return s;
    }
  }

  /** In a clustered lab: a station runs on one node, so its twins must all run on the same one (placement keeps them so). */
  private void refuseSplitStations(SessionPlan plan) {
    List<String> problems = SplitStations.problems(plan.stations(), ownerOf);
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
  }

  public LabSession require(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException("no session '" + id + "'"));
  }

  public Optional<LabSession> find(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** Every session, in no order: for the checks made on every request and every action. */
  public Collection<LabSession> all() {
    return Collections.unmodifiableCollection(sessions.values());
  }

  /** Every session, oldest first (a session's id begins with when it was planned). */
  public List<LabSession> oldestFirst() {
    return List.copyOf(new TreeMap<>(sessions).values());
  }

  /** The station a candidate sits at in a session that has not ended. */
  public Optional<Map.Entry<LabSession, StationPlan>> stationOf(String candidate) {
    for (LabSession s : oldestFirst()) {
      if (s.ended()) continue;
      for (StationPlan p : s.plan().stations()) {
        if (p.candidate().equals(candidate)) return Optional.of(Map.entry(s, s.currentOf(p)));
      }
    }
    return Optional.empty();
  }

  /**
   * The station a candidate sat at in the newest session that has ended, when they sit at none
   * now: so their page can show the result of a session an examiner ended as a whole.
   */
  public Optional<Map.Entry<LabSession, StationPlan>> lastEndedStationOf(String candidate) {
    List<LabSession> newestFirst = new ArrayList<>(oldestFirst());
    Collections.reverse(newestFirst);
    for (LabSession s : newestFirst) {
      if (!s.ended()) continue;
      for (StationPlan p : s.plan().stations()) {
        if (p.candidate().equals(candidate)) return Optional.of(Map.entry(s, s.currentOf(p)));
      }
    }
    return Optional.empty();
  }

  private LabSession session(SessionPlan plan, SessionEvidence log) {
    Map<String, Scenario> scenarios = new TreeMap<>();
    Map<String, org.twinlab.scenarios.exam.Exam> exams = new TreeMap<>();
    for (StationPlan st : plan.stations()) {
      if (st.fromExam()) {
        exams.put(st.exam(), catalog.exam(st.exam())
            .orElseThrow(() -> new IllegalStateException("exam " + st.exam() + " of session " + plan.id() + " is gone")));
      } else {
        scenarios.put(st.scenario(), catalog.find(st.scenario())
            .orElseThrow(() -> new IllegalStateException("scenario " + st.scenario() + " of session " + plan.id() + " is gone")));
      }
    }
    return new LabSession(plan, scenarios, exams, log, dir.resolve(plan.id()), rigs, this::key, () -> reachChanged(plan.id()), clock);
  }

  /** When each twin of a session's started stations began its station, by twin. */
  public java.util.Map<String, java.time.Instant> stationStarts(String session) {
    java.util.Map<String, java.time.Instant> out = new java.util.LinkedHashMap<>();
    find(session).ifPresent(s -> s.stations().forEach(st -> st.run().map(r -> r.clock().startedAt()).filter(java.util.Objects::nonNull)
        .ifPresent(at -> st.plan().twins().forEach(twin -> out.put(twin, at)))));
    return out;
  }

  /** Tells the live feed (and anything else that follows who reaches what) to decide again. */
  void reachChanged(String session) {
    reachChanged.accept(session);
  }

  /**
   * Reads every session back from its evidence when the runtime starts: ended ones as they were
   * sealed (one whose seal was torn is sealed again), the others with their stations resumed. A log
   * that does not verify is never extended: its session is shown as it was, damaged, taking no
   * change. No session is left out silently: one that cannot be restored at all is reported in health.
   * Blocking.
   */
  void restoreAll() {
    for (String id : store.sessions()) {
      try {
        restore(id);
      } catch (RuntimeException | IOException | StackOverflowError e) {
        // one session that cannot be read back never keeps the others, or the runtime, from starting
        unrestored.put(id, "session evidence " + store.where(id) + " is not restored: " + e.getMessage());
        LOG.error("session evidence {} is not restored: {}", store.where(id), e.toString());
      }
    }
  }

  private void restore(String id) throws IOException {
    SessionEvidence log;
    try {
      log = store.open(id, key().publicKey());
    } catch (EvidenceDamagedException e) {
      LOG.error("{}: the session is shown as it was and takes no change", e.getMessage());
      log = store.damaged(id, e.check().message());
    }
    List<EvidenceRecord> records = log.records();
    if (records.isEmpty() || !records.get(0).kind().equals("session.created")) {
      log.close();
      throw new IllegalStateException("its first record is not the session's plan");
    }
    SessionPlan plan = SessionPlan.fromJson(records.get(0).data().getJsonObject("plan"));
    LabSession s = session(plan, log);
    Map<String, StationReplay> replays = s.replays(records);
    if (log.ended() || log.damaged()) {
      if (log.ended()) s.sealed();
      s.stations().forEach(st -> st.restore(replays.get(st.plan().id())));
      if (log.ended() && !log.sealed()) sealAgain(s);
    } else {
      s.restore(replays, "runtime", this::here);
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

  /** Lets go of every station's rigs and closes every session's evidence. */
  @Override
  public void close() {
    for (LabSession s : sessions.values()) {
      s.stations().forEach(st -> st.live().ifPresent(LiveRun::close));
      s.evidence().close();
    }
    store.close();
  }

}
