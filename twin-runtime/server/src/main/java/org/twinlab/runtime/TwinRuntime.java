package org.twinlab.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.api.ApiServer;
import org.twinlab.runtime.api.Deployments;
import org.twinlab.runtime.api.RemoteTwins;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.auth.Tokens;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.HistoryStores;
import org.twinlab.runtime.history.HistoryVerticle;
import org.twinlab.runtime.history.HistoryWriter;
import org.twinlab.runtime.packages.TwinPackages;
import org.twinlab.runtime.packages.UpgradeEntry;
import org.twinlab.runtime.packages.UpgradeLog;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.runtime.session.ActionRecorder;
import org.twinlab.runtime.session.LabSessions;
import org.twinlab.runtime.session.RigAssembly;
import org.twinlab.runtime.session.SessionAccess;
import org.twinlab.runtime.session.SessionWatch;
import org.twinlab.runtime.twin.ActionLedger;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.CandidateAction;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.Outcome;
import org.twinlab.runtime.twin.TwinCodecs;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;
import org.twinlab.sim.RigSimulator;

/**
 * The runtime put together: connections, one verticle per twin, and the HTTP API. What
 * {@code twinlab serve} and {@code twinlab demo} run, and what the API tests start.
 */
public final class TwinRuntime implements Deployments {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TwinRuntime.class);
  private final Vertx vertx;
  /** The one clock of the runtime: twins, history, sessions and tokens all tell time by it. */
  private final Clock clock;
  private final Connections connections;
  private final Twins twins;
  private final ApiServer api;
  private final History history;
  private final HistoryVerticle historyVerticle;
  private final List<String> deployments = new ArrayList<>();
  private final Map<String, String> twinDeployments = new ConcurrentHashMap<>();
  private final LabConfig config;
  private final TwinPackages packages;
  private final Accounts accounts;
  private final AuditLog audit;
  private final org.twinlab.runtime.shared.SharedState shared;
  private final SharedAccountWatch accountWatch;
  private final LabSessions sessions;
  private final SessionAccess access;
  private final ActionRecorder actions;
  private final SessionWatch watch;
  private final UpgradeLog upgradeLog;
  private final BindingWatch bindingWatch;
  /** Every twin of the lab by id, those another node of a cluster runs as well. */
  private final Map<String, TwinConfig> configured = new java.util.LinkedHashMap<>();
  /** Which twins this node runs from the start (all of them, unless it is one node of a cluster). */
  private final java.util.function.Predicate<String> runsHere;
  /** The twins being upgraded or rolled back just now. */
  private final java.util.Set<String> moving = ConcurrentHashMap.newKeySet();

  private TwinRuntime(Vertx vertx, LabConfig config, Function<String, RigSimulator> simulators, Clock clock,
      java.util.function.Predicate<String> runsHere) {
    this.vertx = vertx;
    this.runsHere = runsHere;
    this.clock = clock;
    this.config = config;
    this.connections = new Connections(vertx, config.connections(), org.twinlab.runtime.config.OpcUaSecurityConfig.pkiDir(config.dataDir()), clock);
    // accounts, the audit trail, binding versions, packages and the signing key: the data directory's, or the shared store's
    this.shared = org.twinlab.runtime.shared.SharedState.of(config, clock);
    this.packages = new TwinPackages(config, connections.protocols(), clock, shared.packages(), shared::bindings);
    this.upgradeLog = new UpgradeLog(config.dataDir());
    List<TwinVerticle> verticles = new ArrayList<>();
    for (TwinConfig t : packages.startingTwins()) {
      configured.put(t.id(), t);
      if (runsHere.test(t.id())) verticles.add(twin(t, !packages.isPackage(t.id())));
    }
    this.twins = new Twins(verticles);
    HistoryStore store = HistoryStores.open(config.history(), config.dataDir(), clock);
    this.history = new History(HistoryWriter.withDefaults(store, clock), config.history().retention(), config.history().store());
    // history follows every twin: one this node takes over later is recorded from its first change here
    this.historyVerticle = new HistoryVerticle(List.copyOf(configured.values()), history, clock);
    this.accounts = Accounts.over(shared.accounts(), clock);
    this.audit = new AuditLog(shared.audit(), clock);
    ScenarioCatalog catalog = new ScenarioCatalog(config.dataDir());
    // the sessions' evidence in the data directory, or in the shared store the configuration names
    org.twinlab.runtime.evidence.EvidenceStore evidence = config.store()
        .map(st -> org.twinlab.runtime.evidence.EvidenceStoreFactory.forType(st.type()).open(st, clock))
        .orElseGet(() -> new org.twinlab.runtime.evidence.FileEvidenceStore(config.dataDir().resolve(LabSessions.DIR), clock));
    this.sessions = new LabSessions(config.dataDir(), evidence, twins, catalog, accounts, new RigAssembly(vertx, twins, connections, catalog, simulators),
        () -> shared.keys().map(k -> PlatformKey.shared(k, config.dataDir())).orElseGet(() -> PlatformKey.openOrCreate(config.dataDir())),
        session -> {
          vertx.eventBus().publish(Bus.ACCESS, session);
          storeWholeOnNewStations(session);
        }, clock);
    this.access = new SessionAccess(sessions, clock);
    this.actions = new ActionRecorder(vertx, sessions);
    this.watch = new SessionWatch(vertx, sessions);
    this.bindingWatch = new BindingWatch(vertx, twins, connections);
    Tokens tokens = new Tokens(Tokens.DEFAULT_LIFETIME, clock);
    // accounts shared with other nodes change behind this node's back: its tokens follow them
    this.accountWatch = config.store().isPresent() ? new SharedAccountWatch(vertx, accounts, tokens) : null;
    this.api = new ApiServer(config.bind(), config.port(), config.http(), twins, connections, history, config.dataDir(), this, sessions,
        access, tokens, audit, clock);
  }

  /** Starts everything; fails (and stops what started) when the port or a twin cannot start. */
  public static Future<TwinRuntime> start(Vertx vertx, LabConfig config) {
    return start(vertx, config, twin -> null);
  }

  /**
   * Starts the runtime with the simulators that stand in for some rigs' hardware (by twin id), so
   * lab sessions can set those stations up and inject faults.
   */
  public static Future<TwinRuntime> start(Vertx vertx, LabConfig config, Function<String, RigSimulator> simulators) {
    return start(vertx, config, simulators, Clock.systemUTC());
  }

  /** Starts the runtime telling time by the given clock (a test's, which it moves by hand). */
  public static Future<TwinRuntime> start(Vertx vertx, LabConfig config, Function<String, RigSimulator> simulators, Clock clock) {
    return start(vertx, config, simulators, clock, twin -> true, RemoteTwins.NONE);
  }

  /**
   * Starts one node of a clustered lab: it runs only the twins {@code runsHere} accepts, connects
   * only to their rigs, and answers the API for the others by asking the nodes that run them.
   * Twins move here later through {@link #adopt} and away through {@link #release}.
   */
  public static Future<TwinRuntime> start(Vertx vertx, LabConfig config, java.util.function.Predicate<String> runsHere, RemoteTwins remote) {
    return start(vertx, config, twin -> null, Clock.systemUTC(), runsHere, remote);
  }

  private static Future<TwinRuntime> start(Vertx vertx, LabConfig config, Function<String, RigSimulator> simulators, Clock clock,
      java.util.function.Predicate<String> runsHere, RemoteTwins remote) {
    TwinCodecs.register(vertx.eventBus());
    TwinRuntime rt;
    try {
      rt = new TwinRuntime(vertx, config, simulators, clock, runsHere);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    rt.api.serveRemote(remote);
    if (remote != RemoteTwins.NONE) {
      rt.sessions.clustered(remote::owner, remote.node(), id -> java.util.Optional.ofNullable(rt.configured.get(id)).map(t -> t.model().id()));
    }
    if (rt.twins.all().size() == rt.configured.size()) {
      rt.connections.start();
    } else {
      rt.connections.start(rt.twins.all().stream().flatMap(t -> connectionsOf(t.twinConfig()).stream()).toList());
    }
    // history listens before the twins start, so their first changes are kept
    Future<Void> chain = vertx.deployVerticle(rt.historyVerticle).map(rt::deployed);
    for (TwinVerticle t : rt.twins.all()) {
      chain = chain.compose(v -> vertx.deployVerticle(t).map(id -> rt.deployedTwin(t.id(), id)));
    }
    // sessions come back from their evidence once the twins run: resuming a station reads its twins;
    // then their twins' actions go through their evidence, and what their runs decide is recorded
    return chain.compose(v -> vertx.executeBlocking(() -> {
      rt.sessions.start();
      rt.actions.start();
      rt.watch.start();
      return null;
    }, false)).compose(v -> vertx.deployVerticle(rt.api).map(rt::deployed))
        .map(v -> {
          rt.bindingWatch.start();
          if (rt.accountWatch != null) rt.accountWatch.start();
          if (remote != RemoteTwins.NONE) rt.refreshSessions();
          return rt;
        })
        .recover(e -> rt.stop().transform(x -> Future.failedFuture(e)));
  }

  /** How often a node of a cluster takes in what other nodes recorded in the shared sessions, and takes over stations. */
  private static final long REFRESH_MS = 1_000;
  private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long refreshTimer = -1;

  /** A node of a cluster: every second, on a worker, one refresh at a time. */
  private void refreshSessions() {
    refreshTimer = vertx.setPeriodic(REFRESH_MS, t -> {
      if (!refreshing.compareAndSet(false, true)) return;
      vertx.executeBlocking(() -> {
        sessions.refresh();
        return null;
      }, false).onComplete(r -> {
        refreshing.set(false);
        if (r.failed()) LOG.warn("refreshing the sessions: {}", r.cause().toString());
      });
    });
  }

  /** Every twin of the lab, those run elsewhere in a cluster too, in configuration order. */
  public List<String> configuredTwins() {
    return List.copyOf(configured.keySet());
  }

  /**
   * Starts running a twin of the lab here, which another node ran (or none yet): connects to its
   * rig and deploys its verticle. Nothing happens for a twin that runs here already.
   */
  public Future<Void> adopt(String id) {
    TwinConfig t = configured.get(id);
    if (t == null) return Future.failedFuture(TwinRequestException.notFound("id", "no twin '" + id + "' in this lab"));
    if (twins.has(id)) return Future.succeededFuture();
    TwinVerticle verticle = twin(t, !packages.isPackage(id));
    twins.reserve(verticle);
    connections.start(connectionsOf(t));
    return vertx.deployVerticle(verticle).<Void>map(deployment -> {
      deployedTwin(id, deployment);
      twins.open(id);
      LOG.info("running twin {} here", id);
      return null;
    }).onFailure(e -> twins.remove(id));
  }

  /** Stops running a twin here (another node runs it now); its rig's connection stays open. */
  public Future<Void> release(String id) {
    if (!twins.has(id)) return Future.succeededFuture();
    twins.remove(id);
    String deployment = twinDeployments.remove(id);
    synchronized (this) {
      deployments.remove(deployment);
    }
    LOG.info("twin {} runs elsewhere now", id);
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }

  /** The connections a twin's bindings and commands use. */
  private static java.util.Set<String> connectionsOf(TwinConfig t) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    t.bindings().bindings().forEach(b -> {
      ids.add(b.source().connection());
      b.writeTo().ifPresent(w -> ids.add(w.connection()));
    });
    t.bindings().commands().forEach(c -> ids.add(c.target().connection()));
    return ids;
  }

  public int port() {
    return api.port();
  }

  public ApiServer api() {
    return api;
  }

  public Twins twins() {
    return twins;
  }

  public Connections connections() {
    return connections;
  }

  public History history() {
    return history;
  }

  /** The user accounts (the demo and the tests make theirs here). */
  public Accounts accounts() {
    return accounts;
  }

  /** The twin of each station's start of history stored whole, by twin: a strategy is one candidate's. */
  private final java.util.Map<String, java.time.Instant> stationStarts = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A station that has just started stores its twins' history whole: a storage strategy an earlier
   * candidate set on the same twin ends, so it cannot thin out the next candidate's record.
   */
  private void storeWholeOnNewStations(String session) {
    if (sessions == null) return; // sessions read back at the start: nothing starts then
    sessions.stationStarts(session).forEach((twin, at) -> {
      if (!at.equals(stationStarts.put(twin, at))) history.writer().offer(history.strategies().clear(twin));
    });
  }

  public LabSessions sessions() {
    return sessions;
  }

  /** Who reaches which session, station and twin. */
  public SessionAccess access() {
    return access;
  }

  /** What keeps the sessions' twins' actions on record (a drill can make it fail as a full disk would). */
  public ActionRecorder actions() {
    return actions;
  }

  /** Undeploys everything and closes the connections (on a worker: closing waits for the peers). */
  public Future<Void> stop() {
    bindingWatch.stop();
    if (accountWatch != null) accountWatch.stop();
    if (refreshTimer >= 0) vertx.cancelTimer(refreshTimer);
    Future<Void> chain = Future.succeededFuture();
    List<String> newestFirst;
    synchronized (this) {
      newestFirst = new ArrayList<>(deployments);
    }
    java.util.Collections.reverse(newestFirst);
    for (String id : newestFirst) {
      chain = chain.compose(v -> boundedUndeploy(id));
    }
    return chain.compose(v -> vertx.executeBlocking(() -> {
      watch.close();
      // work begun before the routes closed (a request whose browser has gone) ends with the stores still open
      WorkerDrain.await(vertx, 1, UNDEPLOY_WAIT_MS);
      actions.close();
      sessions.close();
      audit.close();
      shared.close();
      connections.close();
      history.close();
      return null;
    }));
  }

  /** How long stopping waits for one deployment (the API server waits for requests in flight, a coverage report for minutes). */
  private static final long UNDEPLOY_WAIT_MS = 10_000;

  /**
   * Undeploys, or gives up waiting after a while: the connections, history and evidence are closed
   * after the deployments whatever they do, so no connector outlives the runtime.
   */
  private Future<Void> boundedUndeploy(String id) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long timer = vertx.setTimer(UNDEPLOY_WAIT_MS, t -> {
      if (done.tryComplete()) LOG.warn("stopping: deployment {} did not stop within {} s; closing the rest", id, UNDEPLOY_WAIT_MS / 1000);
    });
    vertx.undeploy(id).onComplete(r -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }

  private Future<Void> audited(String by, String action, String target, String detail) {
    return vertx.executeBlocking(() -> {
      audit.record(by, action, target, detail);
      return null;
    }, false);
  }

  private synchronized Void deployed(String id) {
    deployments.add(id);
    return null;
  }

  private Void deployedTwin(String twin, String id) {
    twinDeployments.put(twin, id);
    return deployed(id);
  }

  private TwinVerticle twin(TwinConfig t, boolean autoStart) {
    return new TwinVerticle(t, connections, shared.bindings(t.id()),
        config.staleFactor(), autoStart, clock);
  }

  @Override
  public List<org.twinlab.models.TwinModel> models() {
    return packages.models();
  }

  /**
   * Deploys a twin application package (a twin id, its model and its bindings, in the binding
   * file's form), loaded and not yet started, as a technician installs one. The package is on disk
   * before the twin exists, so a restart brings it back.
   */
  @Override
  public Future<TwinVerticle> deploy(JsonObject pkg, Actor by) {
    TwinConfig t;
    try {
      t = packages.read(pkg);
    } catch (TwinRequestException | InvalidInputException e) {
      return Future.failedFuture(e);
    }
    TwinVerticle verticle = twin(t, false);
    try {
      twins.reserve(verticle);
    } catch (TwinRequestException e) {
      return Future.failedFuture(e);
    }
    // recorded before anything is installed: a station's twin is not replaced unseen
    CandidateAction deploy = CandidateAction.of(t.id(), by, "deploy", Map.of("model", t.model().id(), "bindings", t.bindings().bindings().size()),
        clock.instant());
    return ActionLedger.gated(vertx, deploy, () -> vertx.executeBlocking(() -> {
          packages.saved(t.id(), pkg);
          return null;
        }, false)
        .compose(v -> historyVerticle.follow(t))
        .compose(v -> vertx.deployVerticle(verticle))
        .map(id -> {
          deployedTwin(t.id(), id);
          twins.open(t.id());
          return verticle;
        }), v -> Outcome.done())
        .compose(v -> audited(by.name(), "deploy twin", t.id(), t.model().id()).map(verticle))
        .onFailure(e -> twins.remove(t.id()));
  }

  /**
   * Removes a twin application, which must be stopped (or never started) first. What it recorded
   * stays: its history, and its binding journal, set aside under a dated name.
   */
  @Override
  public Future<Void> remove(String id, Actor by) {
    TwinVerticle t;
    try {
      t = twins.require(id);
    } catch (TwinRequestException e) {
      return Future.failedFuture(e);
    }
    CandidateAction remove = CandidateAction.of(id, by, "remove", Map.of("model", t.twinConfig().model().id()), clock.instant());
    return t.snapshot().compose(s -> {
      if (s.lifecycle() == Lifecycle.RUNNING || s.lifecycle() == Lifecycle.PAUSED) {
        return Future.failedFuture(TwinRequestException.conflict("lifecycle", "stop the twin application before removing it"));
      }
      return ActionLedger.gated(vertx, remove, () -> vertx.executeBlocking(() -> {
        packages.removed(id);
        return null;
      }, false).compose(v -> {
        twins.remove(id);
        String deployment = twinDeployments.remove(id);
        synchronized (this) {
          deployments.remove(deployment);
        }
        return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
      }).compose(v -> historyVerticle.unfollow(id)), v -> Outcome.done());
    }).compose(v -> audited(by.name(), "remove twin", id, t.twinConfig().model().id()));
  }

  /**
   * Installs another version of a twin's package over the running one, keeping the running one to
   * roll back to. The new version runs if the old one ran or was paused, else it is loaded. Every
   * attempt, refused ones too, goes to the twin's upgrade log before it is answered.
   */
  @Override
  public Future<ActionOutcome> upgrade(String id, String version, JsonObject pkg, Actor by) {
    TwinVerticle old;
    String from;
    TwinConfig next;
    try {
      old = twins.require(id);
      from = packages.version(id);
      if (version.equals(from)) {
        return refused(UpgradeEntry.UPGRADE, id, old.twinConfig().model().id(), from, version, by,
            TwinRequestException.conflict("version", version + " is the version running"));
      }
      TwinConfig read = packages.read(pkg.copy().put("twin", id));
      if (!read.model().id().equals(old.twinConfig().model().id())) {
        throw TwinRequestException.invalid("model", "the package is for '" + read.model().id() + "', the twin is a " + old.twinConfig().model().id());
      }
      next = new TwinConfig(id, read.model(), read.bindings(), old.twinConfig().station());
    } catch (java.io.IOException e) {
      return Future.failedFuture(e);
    } catch (TwinRequestException | InvalidInputException e) {
      TwinVerticle t = twins.find(id).orElse(null);
      if (t == null) return Future.failedFuture(e);
      TwinRequestException why = e instanceof TwinRequestException r ? r : TwinRequestException.invalid("bindings", e.getMessage());
      return refused(UpgradeEntry.UPGRADE, id, t.twinConfig().model().id(), currentVersion(id), version, by, why);
    }
    JsonObject saved = pkg.copy().put("twin", id).put("version", version);
    return replace(old, next, () -> packages.upgraded(id, saved, next))
        .recover(e -> failed(UpgradeEntry.UPGRADE, id, next.model().id(), from, version, by, e))
        .compose(v -> logged(UpgradeEntry.done(UpgradeEntry.UPGRADE, id, next.model().id(), from, version, by.name(), clock.instant())))
        .compose(o -> audited(by.name(), "upgrade twin", id, from + " to " + version).map(o));
  }

  /** Returns a twin to the version it ran before its last upgrade; logged like an upgrade. */
  @Override
  public Future<ActionOutcome> rollback(String id, Actor by) {
    TwinVerticle old;
    String from;
    java.util.Optional<TwinPackages.Rollback> target;
    try {
      old = twins.require(id);
      from = packages.version(id);
      target = packages.rollbackTarget(id);
    } catch (TwinRequestException | InvalidInputException | java.io.IOException e) {
      return Future.failedFuture(e);
    }
    String model = old.twinConfig().model().id();
    if (target.isEmpty()) {
      return refused(UpgradeEntry.ROLLBACK, id, model, from, from, by,
          TwinRequestException.conflict("version", "no version before " + from + " to roll back to"));
    }
    TwinPackages.Rollback r = target.get();
    TwinConfig next = new TwinConfig(id, r.twin().model(), r.twin().bindings(), old.twinConfig().station());
    return replace(old, next, () -> packages.rolledBack(id, r))
        .recover(e -> failed(UpgradeEntry.ROLLBACK, id, model, from, r.version(), by, e))
        .compose(v -> logged(UpgradeEntry.done(UpgradeEntry.ROLLBACK, id, model, from, r.version(), by.name(), clock.instant())))
        .compose(o -> audited(by.name(), "roll back twin", id, from + " to " + r.version()).map(o));
  }

  /** What may go wrong keeping a package on disk. */
  private interface PackageChange {
    void save() throws java.io.IOException;
  }

  /** Puts a twin's new configuration in place of the running one: on disk first, then the old verticle out and the new one in. */
  private Future<Void> replace(TwinVerticle old, TwinConfig next, PackageChange change) {
    String id = old.id();
    // one move of a twin at a time, and only of the twin the request was read against
    if (!moving.add(id)) return Future.failedFuture(TwinRequestException.conflict("twin", "an upgrade or rollback of " + id + " is under way"));
    if (twins.find(id).orElse(null) != old) {
      moving.remove(id);
      return Future.failedFuture(TwinRequestException.conflict("twin", id + " changed while the request was read: try again"));
    }
    return replaceNow(old, next, change).eventually(() -> {
      moving.remove(id);
      return Future.succeededFuture();
    });
  }

  private Future<Void> replaceNow(TwinVerticle old, TwinConfig next, PackageChange change) {
    String id = old.id();
    return old.snapshot().compose(s -> {
      boolean ran = s.lifecycle() == Lifecycle.RUNNING || s.lifecycle() == Lifecycle.PAUSED;
      TwinVerticle fresh = twin(next, ran);
      return vertx.executeBlocking(() -> {
        change.save();
        return null;
      }, false).compose(v -> {
        twins.remove(id);
        String deployment = twinDeployments.remove(id);
        synchronized (this) {
          deployments.remove(deployment);
        }
        return deployment == null ? Future.<Void>succeededFuture() : vertx.undeploy(deployment);
      }).compose(v -> historyVerticle.unfollow(id))
        .compose(v -> {
          twins.reserve(fresh);
          return historyVerticle.follow(next);
        })
        .compose(v -> vertx.deployVerticle(fresh))
        .map(deployment -> {
          deployedTwin(id, deployment);
          twins.open(id);
          return null;
        });
    });
  }

  /** Writes a move done to its twin's upgrade log (on disk before the answer) and answers with it. */
  private Future<ActionOutcome> logged(UpgradeEntry e) {
    return vertx.executeBlocking(() -> {
      upgradeLog.append(e);
      String what = (e.kind().equals(UpgradeEntry.ROLLBACK) ? "rolled back from " : "upgraded from ") + e.from() + " to " + e.to();
      return new ActionOutcome(true, what, Map.of("from", e.from(), "to", e.to()));
    }, false);
  }

  /** Writes a refused move to the upgrade log, then fails with why, which answers it (409, or 400 for a package that does not read). */
  private Future<ActionOutcome> refused(String kind, String id, String model, String from, String to, Actor by, TwinRequestException why) {
    UpgradeEntry e = UpgradeEntry.refused(kind, id, model, from, to, by.name(), clock.instant(), why.field() + ": " + why.getMessage());
    return vertx.executeBlocking(() -> {
      upgradeLog.append(e);
      return null;
    }, false).compose(v -> Future.failedFuture(why));
  }

  /** A move that failed on the way (the disk, the new version not starting): logged so, and failing as it did. */
  private Future<Void> failed(String kind, String id, String model, String from, String to, Actor by, Throwable e) {
    UpgradeEntry entry = UpgradeEntry.refused(kind, id, model, from, to, by.name(), clock.instant(), "failed: " + e.getMessage());
    return vertx.executeBlocking(() -> {
      upgradeLog.append(entry);
      return null;
    }, false).transform(v -> Future.failedFuture(e));
  }

  private String currentVersion(String id) {
    try {
      return packages.version(id);
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
