package org.twinlab.runtime.scenario;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.twinlab.connectors.Sample;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.runtime.twin.ActiveBindings;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinRules;
import org.twinlab.runtime.twin.TwinState;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.sim.WriteOutcome;

/**
 * A deployed twin application on a simulated station: the runtime's own twin state and binding
 * path (transforms, deadbands, alarms, staleness) fed by the simulated rig, on the station's clock.
 * Requests obey the same {@link TwinRules} as on the live runtime, and every change goes to
 * {@code changes} as the live twin publishes it.
 */
final class StationTwin {
  private static final double STALE_FACTOR = 3;

  private final TwinModel model;
  private final StationNames names;
  private final SimulatedRig rig;
  private final Clock clock;
  private final TwinState state;
  private final ActiveBindings active;
  private final Consumer<List<Change>> changes;

  StationTwin(TwinModel model, StationNames names, BindingSet bindings, SimulatedRig rig, Clock clock, Consumer<List<Change>> changes) {
    this.model = model;
    this.changes = changes;
    this.names = names;
    this.rig = rig;
    this.clock = clock;
    this.state = new TwinState(names.twin(), model, clock, STALE_FACTOR);
    this.active = new ActiveBindings(names.twin(), bindings);
    use(bindings);
  }

  Lifecycle lifecycle() {
    return state.lifecycle();
  }

  BindingSet bindings() {
    return active.set();
  }

  void accept(List<Sample> samples) {
    if (state.lifecycle() != Lifecycle.RUNNING) return;
    List<Change> out = new ArrayList<>();
    for (Sample s : samples) {
      active.accept(s).ifPresent(u -> out.addAll(u.heldBack()
          ? state.touch(u.property(), u.sourceTime())
          : state.apply(u.property(), u.value(), u.sourceTime(), u.quality())));
    }
    out.addAll(state.checkStale());
    if (!out.isEmpty()) changes.accept(out);
  }

  /** The twin's whole state now, as the live twin's snapshot gives it. */
  TwinSnapshot snapshot() {
    return new TwinSnapshot(names.twin(), model.id(), state.lifecycle(), state.properties(), state.alarms(), 0);
  }

  void moveTo(Lifecycle target) {
    Lifecycle from = state.lifecycle();
    TwinRules.checkMove(from, target);
    if (from == target) return;
    if (target == Lifecycle.STOPPED) active.signalIds().forEach((c, ids) -> rig.unsubscribe(ids));
    if (from == Lifecycle.STOPPED) active.all().subscribe().forEach((c, r) -> rig.subscribe(c, r, clock.instant()));
    changes.accept(List.of(state.setLifecycle(target)));
  }

  String write(String property, Object value) {
    TwinRules.RawWrite w = TwinRules.write(model, state.lifecycle(), active.set(), property, value);
    return sent(rig.write(w.target(), w.raw()));
  }

  String command(String command) {
    var c = TwinRules.command(model, state.lifecycle(), active.set(), command);
    return sent(rig.write(c.target(), c.value()));
  }

  void acknowledge(String alarm, String by) {
    TwinRules.checkAlarm(model, alarm);
    changes.accept(List.of(state.acknowledge(alarm, by).orElseThrow(() -> TwinRules.notWaiting(alarm))));
  }

  /** Creates or replaces one binding from its fields as the bindings API takes them. */
  void putBinding(Map<String, Object> fields, boolean mustBeNew) {
    Binding b = parse(fields);
    Optional<Binding> before = active.forProperty(b.property());
    if (mustBeNew && before.isPresent()) {
      throw TwinRequestException.conflict("property", b.property() + " is bound already: replace its binding instead");
    }
    List<Binding> next = new ArrayList<>(active.set().bindings());
    before.ifPresentOrElse(x -> next.set(next.indexOf(x), b), () -> next.add(b));
    use(active.set().withBindings(next));
  }

  void deleteBinding(String property) {
    Binding before = active.forProperty(property)
        .orElseThrow(() -> TwinRequestException.notFound("property", property + " has no binding"));
    List<Binding> next = new ArrayList<>(active.set().bindings());
    next.remove(before);
    use(active.set().withBindings(next));
  }

  Instant now() {
    return clock.instant();
  }

  // ---- internals

  private Binding parse(Map<String, Object> fields) {
    try {
      return BindingLoader.binding("binding", fields, model, names.protocols());
    } catch (InvalidInputException e) {
      throw TwinRequestException.invalid("binding", e.getMessage());
    }
  }

  private void use(BindingSet next) {
    var r = active.replace(next);
    r.unsubscribe().forEach((c, ids) -> rig.unsubscribe(ids));
    if (state.lifecycle() != Lifecycle.STOPPED) r.subscribe().forEach((c, req) -> rig.subscribe(c, req, clock.instant()));
    Map<String, String> protocols = names.protocols();
    state.watchForSilence(next.bindings().stream()
        .filter(b -> ConnectionConfig.MQTT.equals(protocols.get(b.source().connection())))
        .map(Binding::property).collect(Collectors.toSet()));
  }

  private static String sent(WriteOutcome o) {
    if (!o.accepted()) throw TwinRequestException.unreachable("value", "the rig refused the write: " + o.reason());
    return "written";
  }
}
