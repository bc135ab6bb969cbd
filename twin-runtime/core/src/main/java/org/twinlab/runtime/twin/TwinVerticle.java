package org.twinlab.runtime.twin;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.Connector;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.WriteResult;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingPreview;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingVersion.Action;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.binding.BindingWriter;
import org.twinlab.runtime.binding.SignalRef;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.bus.SampleBatch;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.connect.Connections;

/**
 * One twin, alive: the only thread that touches its state. Takes its samples from the event bus,
 * publishes what changed, checks for silence, and carries out requests (writes, commands, binding
 * edits, lifecycle) on its own context. Every request that acts is recorded through the
 * {@link ActionLedger} before it reaches the rig or changes anything; binding edits are journalled
 * before they are confirmed.
 */
public final class TwinVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TwinVerticle.class);
  private static final long SILENCE_CHECK_MS = 250;

  private final TwinConfig config;
  private final Clock clock;
  private final TwinState state;
  private final ActiveBindings active;
  private final Connections connections;
  private final BindingHistory journal;
  private final boolean autoStart;
  private final List<BindingVersion> history = new ArrayList<>();
  private volatile long samplesApplied; // written by this twin's thread only

  /** @param clock what the twin stamps its values, alarms, actions and binding versions with */
  public TwinVerticle(TwinConfig config, Connections connections, BindingHistory journal, double staleFactor, boolean autoStart,
      Clock clock) {
    this.config = config;
    this.clock = clock;
    this.state = new TwinState(config.id(), config.model(), clock, staleFactor);
    this.active = new ActiveBindings(config.id(), config.bindings());
    this.connections = connections;
    this.journal = journal;
    this.autoStart = autoStart;
  }

  public String id() {
    return config.id();
  }

  public TwinConfig twinConfig() {
    return config;
  }

  /** The clock this twin stamps with: an action taken on it is stamped by the same one. */
  public Clock clock() {
    return clock;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<SampleBatch>localConsumer(Bus.samples(id()), m -> onSamples(m.body().samples()));
    vertx.setPeriodic(SILENCE_CHECK_MS, t -> publish(state.checkStale()));
    return vertx.executeBlocking(journal::read).compose(this::restore).map(v -> {
      if (autoStart) publish(List.of(state.setLifecycle(Lifecycle.RUNNING)));
      return v;
    });
  }

  @Override
  public Future<?> stop() {
    unsubscribeAll();
    return Future.succeededFuture();
  }

  // ---- the hot path

  private void onSamples(List<Sample> samples) {
    if (state.lifecycle() != Lifecycle.RUNNING) return;
    List<Change> changes = new ArrayList<>(samples.size());
    long applied = 0;
    // a batch is received at one moment: the connector handed its samples over together
    Instant received = clock.instant();
    for (Sample s : samples) {
      var update = active.accept(s);
      if (update.isEmpty()) continue;
      var u = update.get();
      if (u.heldBack()) {
        changes.addAll(state.touch(u.property(), u.sourceTime(), received));
      } else {
        changes.addAll(state.apply(u.property(), u.value(), u.sourceTime(), u.quality(), received));
        applied++;
      }
    }
    samplesApplied += applied;
    publish(changes);
  }

  /** Samples this twin has applied since it started (held back by a deadband or not bound: not counted). */
  public long samplesApplied() {
    return samplesApplied;
  }

  /**
   * Takes an action through the ledger: recorded before it is carried out (on this twin's context),
   * refused without changing anything when it cannot be recorded or the actor may not take it now,
   * and its outcome recorded once it is done.
   */
  private <T> Future<T> gated(Actor by, String kind, Map<String, Object> fields, Supplier<Future<T>> act,
      java.util.function.Function<T, Outcome> outcomeOf) {
    return ActionLedger.gated(vertx, CandidateAction.of(id(), by, kind, fields, clock.instant()), act, outcomeOf);
  }

  private static Outcome of(WriteResult r) {
    return r.ok() ? Outcome.done() : Outcome.refused(r.detail());
  }

  private void publish(List<Change> changes) {
    if (!changes.isEmpty()) vertx.eventBus().publish(Bus.changes(id()), new ChangeBatch(id(), changes));
  }

  // ---- requests, each run on this twin's context

  public Future<TwinSnapshot> snapshot() {
    return onTwin(() -> Future.succeededFuture(new TwinSnapshot(id(), config.model().id(), state.lifecycle(),
        state.properties(), state.alarms(), current().version())));
  }

  /** Start, pause or stop (standard clause L5 3.1.3). Stopping releases the twin's subscriptions. */
  public Future<Lifecycle> moveTo(Lifecycle target, Actor by) {
    return onTwin(() -> {
      TwinRules.checkMove(state.lifecycle(), target);
      if (state.lifecycle() == target) return Future.succeededFuture(target);
      String kind = switch (target) {
        case RUNNING -> "start";
        case PAUSED -> "pause";
        default -> "stop";
      };
      return gated(by, kind, Map.of(), () -> {
        Lifecycle from = state.lifecycle(); // another request may have moved it while this one was recorded
        TwinRules.checkMove(from, target);
        if (from == target) return Future.succeededFuture(target);
        if (target == Lifecycle.STOPPED) unsubscribeAll();
        if (target == Lifecycle.RUNNING) {
          // subscribing afresh reads every signal's current value: a loaded or paused twin dropped the
          // samples it was sent, and a signal that has not changed since would not be sent again
          if (from != Lifecycle.STOPPED) unsubscribeAll();
          resubscribe(active.all(), true);
        }
        LOG.info("twin {} {} -> {} by {}", id(), from, target, by.name());
        publish(List.of(state.setLifecycle(target)));
        return Future.succeededFuture(target);
      }, l -> Outcome.done());
    });
  }

  public Future<AlarmState> acknowledge(String alarm, Actor by) {
    return onTwin(() -> {
      TwinRules.checkAlarm(config.model(), alarm);
      if (!waiting(alarm)) throw TwinRules.notWaiting(alarm);
      return gated(by, "alarm_ack", Map.of("alarm", alarm), () -> {
        Change c = state.acknowledge(alarm, by.name()).orElseThrow(() -> TwinRules.notWaiting(alarm));
        publish(List.of(c));
        return Future.succeededFuture(((Change.AlarmChanged) c).state());
      }, a -> Outcome.done());
    });
  }

  private boolean waiting(String alarm) {
    return state.alarms().stream().anyMatch(a -> a.alarm().id().equals(alarm) && a.acknowledged().isEmpty());
  }

  /** Writes a property value through its binding to the rig, and reports the rig's answer. */
  public Future<WriteResult> write(String property, Object value, Actor by) {
    return onTwin(() -> {
      TwinRules.write(config.model(), state.lifecycle(), active.set(), property, value); // bad input is refused unrecorded
      return gated(by, "write", Map.of("property", property, "value", value), () -> {
        // checked again: the bindings or the lifecycle may have changed while the write was recorded
        TwinRules.RawWrite w = TwinRules.write(config.model(), state.lifecycle(), active.set(), property, value);
        LOG.info("twin {}: {} = {} by {}", id(), property, value, by.name());
        return send(w.target(), w.raw());
      }, TwinVerticle::of);
    });
  }

  /** Issues a model command by writing its bound value to the rig. */
  public Future<WriteResult> command(String command, Actor by) {
    return onTwin(() -> {
      TwinRules.command(config.model(), state.lifecycle(), active.set(), command);
      // the rig's emergency stop is its own kind of action, however the model names its component
      String kind = command.endsWith(".emergency_stop") ? "emergency_stop" : "command";
      Supplier<Future<WriteResult>> act = () -> {
        var c = TwinRules.command(config.model(), state.lifecycle(), active.set(), command);
        LOG.info("twin {}: command {} by {}", id(), command, by.name());
        return send(c.target(), c.value());
      };
      if (!kind.equals("emergency_stop")) return gated(by, kind, Map.of("command", command), act, TwinVerticle::of);
      // a rig is stopped whatever the disk says: safety first, and with no record there is no credit either
      return ActionLedger.gatedOrUnrecorded(vertx, CandidateAction.of(id(), by, kind, Map.of("command", command), clock.instant()), act,
          TwinVerticle::of, (r, why) -> r.ok() ? new WriteResult(true, "stopped, but not on record: " + why) : r);
    });
  }

  /** What an edited binding would show now (nothing is changed). */
  public Future<BindingPreview> preview(Binding edited) {
    return onTwin(() -> {
      java.util.function.Function<String, Object> valueOf = property -> state.properties().stream()
          .filter(p -> p.property().equals(property)).findFirst().map(PropertyState::value).orElse(null);
      return Future.succeededFuture(BindingPreview.of(edited, active.set(), valueOf));
    });
  }

  public Future<BindingVersion> bindings() {
    return onTwin(() -> Future.succeededFuture(current()));
  }

  /** The bindings and commands in force, as the twin uses them. */
  public Future<BindingSet> activeBindings() {
    return onTwin(() -> Future.succeededFuture(active.set()));
  }

  public Future<List<BindingVersion>> history() {
    return onTwin(() -> Future.succeededFuture(List.copyOf(history)));
  }

  /**
   * Creates or replaces the binding of one property.
   *
   * @param mustBeNew refuse (409) when the property is bound already, as a create does
   */
  public Future<BindingVersion> putBinding(Binding binding, boolean mustBeNew, Actor by) {
    return onTwin(() -> {
      boolean bound = active.forProperty(binding.property()).isPresent();
      if (mustBeNew && bound) {
        throw TwinRequestException.conflict("property", binding.property() + " is bound already: replace its binding instead");
      }
      return gated(by, bound ? "binding_edit" : "binding_create", withPrevious(BindingWriter.toMap(binding), binding.property()), () -> {
        Optional<Binding> before = active.forProperty(binding.property());
        if (mustBeNew && before.isPresent()) {
          throw TwinRequestException.conflict("property", binding.property() + " is bound already: replace its binding instead");
        }
        List<Binding> next = new ArrayList<>(active.set().bindings());
        before.ifPresentOrElse(b -> next.set(next.indexOf(b), binding), () -> next.add(binding));
        return commit(before.isPresent() ? Action.REPLACED : Action.CREATED, binding.property(), before, Optional.of(binding), next, by);
      }, v -> Outcome.done("version " + v.version(), Map.of()));
    });
  }

  public Future<BindingVersion> deleteBinding(String property, Actor by) {
    return onTwin(() -> {
      active.forProperty(property).orElseThrow(() -> TwinRequestException.notFound("property", property + " has no binding"));
      return gated(by, "binding_delete", withPrevious(Map.of("property", property), property), () -> {
        Binding before = active.forProperty(property)
            .orElseThrow(() -> TwinRequestException.notFound("property", property + " has no binding"));
        List<Binding> next = new ArrayList<>(active.set().bindings());
        next.remove(before);
        return commit(Action.DELETED, property, Optional.of(before), Optional.empty(), next, by);
      }, v -> Outcome.done("version " + v.version(), Map.of()));
    });
  }

  // ---- internals

  /**
   * An edit's or a delete's fields with the binding it replaces as the twin has it now, under
   * {@code previous}: recorded with the action, before it is carried out, so an examiner sees the
   * binding before and after.
   */
  private Map<String, Object> withPrevious(Map<String, Object> fields, String property) {
    Optional<Binding> before = active.forProperty(property);
    if (before.isEmpty()) return fields;
    Map<String, Object> out = new LinkedHashMap<>(fields);
    out.put("previous", BindingWriter.toMap(before.get()));
    return out;
  }

  private Future<WriteResult> send(SignalRef target, Object raw) {
    Connector connector = connections.get(target.connection())
        .orElseThrow(() -> TwinRequestException.conflict("connection", "no connection '" + target.connection() + "'"));
    return Future.fromCompletionStage(connector.write(target.address(), raw), context);
  }

  private BindingVersion current() {
    return history.get(history.size() - 1);
  }

  /** Makes a binding version current once it is journalled; undone when it cannot be. */
  private Future<BindingVersion> commit(Action action, String property, Optional<Binding> before, Optional<Binding> after,
      List<Binding> next, Actor by) {
    BindingSet previous = active.set();
    BindingVersion v = new BindingVersion(current().version() + 1, clock.instant(), by.name(), action, Optional.of(property),
        before.map(BindingWriter::toMap), after.map(BindingWriter::toMap), BindingWriter.toMaps(next));
    history.add(v);
    use(previous.withBindings(next));
    return vertx.executeBlocking(() -> {
      journal.append(v);
      return v;
    }).recover(e -> {
      LOG.error("twin {}: binding version {} could not be saved, undone: {}", id(), v.version(), e.toString());
      history.remove(v);
      use(previous);
      return Future.failedFuture(e);
    }).onSuccess(x -> LOG.info("twin {}: bindings v{} {} {} by {}", id(), v.version(), action.name().toLowerCase(), property, by.name()));
  }

  /** Takes the journal's last version, or the configured bindings when there is none (or it no longer fits). */
  private Future<Void> restore(List<BindingVersion> saved) {
    history.addAll(saved);
    if (!saved.isEmpty()) {
      BindingVersion last = saved.get(saved.size() - 1);
      try {
        BindingSet restored = read(last);
        use(config.bindings().withBindings(restored.bindings()));
        LOG.info("twin {}: bindings v{} restored from {}", id(), last.version(), journal.where());
        return Future.succeededFuture();
      } catch (InvalidInputException e) {
        LOG.warn("twin {}: the saved bindings no longer fit, the configured ones are used:\n{}", id(), e.getMessage());
      }
    }
    BindingVersion loaded = new BindingVersion(saved.size() + 1, clock.instant(), "config", Action.LOADED,
        Optional.empty(), Optional.empty(), Optional.empty(), BindingWriter.toMaps(config.bindings().bindings()));
    history.add(loaded);
    use(config.bindings());
    // a twin runs on its configured bindings even where the data directory cannot be written
    return vertx.executeBlocking(() -> {
      journal.append(loaded);
      return null;
    }).<Void>mapEmpty().recover(e -> {
      LOG.error("twin {}: cannot record its bindings in {}: {}; it runs on the configured bindings", id(), journal.where(), e.toString());
      return Future.succeededFuture();
    });
  }

  private BindingSet read(BindingVersion v) throws InvalidInputException {
    return BindingLoader.load(journal.where() + " version " + v.version(), id(), config.model(), v.bindings(), connections.protocols());
  }

  private void use(BindingSet next) {
    resubscribe(active.replace(next), state.lifecycle() != Lifecycle.STOPPED);
    Map<String, String> protocols = connections.protocols();
    Set<String> periodic = next.bindings().stream()
        .filter(b -> ConnectionConfig.MQTT.equals(protocols.get(b.source().connection())))
        .map(Binding::property).collect(Collectors.toSet());
    state.watchForSilence(periodic);
  }

  private void unsubscribeAll() {
    active.signalIds().forEach((conn, ids) -> connections.get(conn).ifPresent(c -> c.unsubscribe(ids)));
  }

  private void resubscribe(ActiveBindings.Resubscription r, boolean subscribe) {
    r.unsubscribe().forEach((conn, ids) -> connections.get(conn).ifPresent(c -> c.unsubscribe(ids)));
    if (!subscribe) return;
    r.subscribe().forEach((conn, requests) -> connections.get(conn).ifPresent(c -> c.subscribe(requests)
        .exceptionally(e -> {
          LOG.warn("twin {}: subscribing on {} failed: {}", id(), conn, e.toString());
          return null;
        })));
  }

  /** Runs work on this twin's context and completes on the caller's. */
  private <T> Future<T> onTwin(Supplier<Future<T>> work) {
    Context caller = Vertx.currentContext();
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      Future<T> f;
      try {
        f = work.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        if (caller == null || caller == context) promise.handle(ar);
        else caller.runOnContext(x -> promise.handle(ar));
      });
    });
    return promise.future();
  }
}
