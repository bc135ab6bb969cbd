package org.twinlab.runtime.twin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.twinlab.connectors.Quality;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;

/**
 * The live state of one twin: property values with quality and timestamps, alarms, and the
 * lifecycle. Plain Java on an injected clock, owned by one thread (the twin's verticle), so
 * minutes of behaviour are tested in microseconds.
 */
public final class TwinState {
  private final String id;
  private final TwinModel model;
  private final Clock clock;
  private final double staleFactor;
  /** Each property's definition beside its state, in model order: a sample finds both with one lookup. */
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private Set<String> watchedForSilence;
  private final Map<String, AlarmState> alarms = new LinkedHashMap<>();
  private final Function<String, Object> valueOf = p -> slots.get(p).state.value();
  private Lifecycle lifecycle = Lifecycle.LOADED;

  /**
   * A property's definition, the alarms its change can move, and its current state; the state is
   * replaced, never changed. A sample finds all three with one lookup.
   */
  private static final class Slot {
    final PropertyDef def;
    final List<WatchedAlarm> judged;
    PropertyState state;

    Slot(PropertyDef def, List<WatchedAlarm> judged, PropertyState state) {
      this.def = def;
      this.judged = judged;
      this.state = state;
    }
  }

  /** An alarm with the properties its condition reads, asked of the condition once. */
  private record WatchedAlarm(AlarmDef def, List<String> reads) {}

  /**
   * The alarms each property's change can move, in model order. An alarm's outcome depends only on
   * the values it reads, so a sample of any other property leaves it as it was: with many signals
   * and few alarms, most samples judge none. An alarm that reads nothing is judged on every sample.
   */
  private record AlarmIndex(Map<String, List<WatchedAlarm>> byProperty, List<WatchedAlarm> always) {
    static AlarmIndex of(List<AlarmDef> defs) {
      Map<String, List<WatchedAlarm>> byProperty = new HashMap<>();
      List<WatchedAlarm> always = new ArrayList<>();
      for (AlarmDef def : defs) {
        WatchedAlarm w = new WatchedAlarm(def, List.copyOf(def.condition().properties()));
        if (w.reads().isEmpty()) always.add(w);
        w.reads().forEach(p -> byProperty.computeIfAbsent(p, k -> new ArrayList<>()).add(w));
      }
      byProperty.replaceAll((p, list) -> List.copyOf(list));
      return new AlarmIndex(Map.copyOf(byProperty), List.copyOf(always));
    }

    List<WatchedAlarm> reading(String property) {
      List<WatchedAlarm> some = byProperty.getOrDefault(property, List.of());
      if (always.isEmpty()) return some;
      List<WatchedAlarm> all = new ArrayList<>(always);
      all.addAll(some);
      return List.copyOf(all);
    }
  }

  /**
   * @param staleFactor a property is STALE when no sample came for this many of its expected periods
   */
  public TwinState(String id, TwinModel model, Clock clock, double staleFactor) {
    this.id = id;
    this.model = model;
    this.clock = clock;
    this.staleFactor = staleFactor;
    this.watchedForSilence = model.properties().keySet();
    AlarmIndex alarmIndex = AlarmIndex.of(model.alarms());
    Instant now = clock.instant();
    model.properties().values().forEach(p -> slots.put(p.path(), new Slot(p, alarmIndex.reading(p.path()),
        new PropertyState(p.path(), null, p.unit(), Quality.uncertain("no value yet"), now, now))));
  }

  public String id() {
    return id;
  }

  public TwinModel model() {
    return model;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** Moves the lifecycle; stopping and starting again is allowed, as on a real application. */
  public Change setLifecycle(Lifecycle next) {
    lifecycle = next;
    return new Change.LifecycleChanged(id, next);
  }

  /**
   * Which properties turn STALE when their samples stop (all, unless told otherwise). Sources that
   * report only on change, such as OPC UA subscriptions, are watched by their connection instead:
   * a constant value is no reason for doubt.
   */
  public void watchForSilence(Set<String> paths) {
    watchedForSilence = Set.copyOf(paths);
  }

  /**
   * Notes that a sample arrived that the deadband held back: the value is still current. A STALE
   * property becomes GOOD again, which is a change.
   */
  public List<Change> touch(String property, Instant sourceTime) {
    return touch(property, sourceTime, clock.instant());
  }

  /** As {@link #touch(String, Instant)}, received at a moment the caller took (once for a whole batch). */
  public List<Change> touch(String property, Instant sourceTime, Instant receivedTime) {
    Slot slot = slots.get(property);
    if (lifecycle != Lifecycle.RUNNING || slot == null) return List.of();
    PropertyState s = slot.state;
    if (s.isStale()) return apply(property, s.value(), sourceTime, Quality.GOOD, receivedTime);
    slot.state = new PropertyState(property, s.value(), s.unit(), s.quality(), s.sourceTime(), receivedTime);
    return List.of();
  }

  /**
   * Takes a transformed value for a property. Ignored unless RUNNING; returns the changes (the
   * property and any alarm that rose or cleared) for the live feed and history.
   */
  public List<Change> apply(String property, Object value, Instant sourceTime, Quality quality) {
    return apply(property, value, sourceTime, quality, clock.instant());
  }

  /** As {@link #apply(String, Object, Instant, Quality)}, received at a moment the caller took (once for a whole batch). */
  public List<Change> apply(String property, Object value, Instant sourceTime, Quality quality, Instant receivedTime) {
    if (lifecycle != Lifecycle.RUNNING) return List.of();
    Slot slot = slots.get(property);
    if (slot == null) return List.of();
    PropertyDef def = slot.def;
    Quality q = quality;
    Object v = value;
    if (q.isGood() && v != null && !def.fitsType(v)) {
      q = Quality.bad("value " + v + " does not fit " + def.type().label());
      v = null;
    } else if (q.isGood() && v instanceof Number n && def.range().isPresent() && !def.range().get().contains(n.doubleValue())) {
      q = Quality.uncertain("outside the range " + def.range().get().min() + ".." + def.range().get().max());
    }
    if (def.type() == org.twinlab.models.PropertyType.INT && v instanceof Number n) v = Math.round(n.doubleValue());
    // a Double is kept as it came: boxing it afresh would cost an allocation per sample
    if (def.type() == org.twinlab.models.PropertyType.DOUBLE && v instanceof Number n && !(v instanceof Double)) v = n.doubleValue();
    PropertyState next = new PropertyState(property, q.isBad() ? null : v, def.unit(), q, sourceTime, receivedTime);
    slot.state = next;
    Change changed = new Change.PropertyChanged(id, next);
    List<WatchedAlarm> judged = slot.judged;
    if (judged.isEmpty()) return List.of(changed);
    List<Change> changes = new ArrayList<>(1 + judged.size());
    changes.add(changed);
    evaluateAlarms(judged, changes);
    return changes;
  }

  /** Marks properties STALE whose samples stopped; call it periodically. */
  public List<Change> checkStale() {
    Instant now = clock.instant();
    List<Change> changes = new ArrayList<>();
    if (lifecycle != Lifecycle.RUNNING) return changes;
    for (Slot slot : slots.values()) {
      PropertyDef def = slot.def;
      if (!watchedForSilence.contains(def.path()) || def.eventDriven()) continue;
      PropertyState s = slot.state;
      if (s.isStale() || s.quality().isBad()) continue;
      // in milliseconds, without a Duration per property: this runs over every property several times a second
      Instant received = s.receivedTime();
      long silentNanos = (now.getEpochSecond() - received.getEpochSecond()) * 1_000_000_000L + (now.getNano() - received.getNano());
      long silentMs = silentNanos / 1_000_000;
      if (silentNanos > (long) (def.expectedPeriodMs() * staleFactor) * 1_000_000L) {
        PropertyState stale = new PropertyState(def.path(), s.value(), s.unit(),
            Quality.uncertain(PropertyState.STALE + ": no sample for " + silentMs + " ms"),
            s.sourceTime(), s.receivedTime());
        slot.state = stale;
        changes.add(new Change.PropertyChanged(id, stale));
      }
    }
    return changes;
  }

  public Optional<PropertyState> property(String path) {
    Slot slot = slots.get(path);
    return slot == null ? Optional.empty() : Optional.of(slot.state);
  }

  public Collection<PropertyState> properties() {
    List<PropertyState> out = new ArrayList<>(slots.size());
    slots.values().forEach(slot -> out.add(slot.state));
    return List.copyOf(out);
  }

  public Collection<AlarmState> alarms() {
    return List.copyOf(alarms.values());
  }

  /** Acknowledges an alarm; returns false when there is no such alarm to acknowledge. */
  public Optional<Change> acknowledge(String alarmId, String by) {
    AlarmState a = alarms.get(alarmId);
    if (a == null || a.acknowledged().isPresent()) return Optional.empty();
    AlarmState acked = new AlarmState(a.alarm(), a.active(), a.raisedAt(), a.clearedAt(),
        Optional.of(new AlarmState.Acknowledgement(by, clock.instant())));
    if (!acked.needsAttention()) {
      alarms.remove(alarmId);
    } else {
      alarms.put(alarmId, acked);
    }
    return Optional.of(new Change.AlarmChanged(id, acked));
  }

  /** Judges the given alarms against the current values and adds what rose or cleared to changes. */
  private void evaluateAlarms(List<WatchedAlarm> judged, List<Change> changes) {
    for (WatchedAlarm w : judged) {
      // alarms judge only values that can be trusted: BAD or STALE inputs neither raise nor clear
      if (!trusted(w.reads())) continue;
      AlarmDef def = w.def();
      boolean holds = def.condition().test(valueOf);
      AlarmState current = alarms.get(def.id());
      Instant now = clock.instant();
      if (holds && (current == null || !current.active())) {
        AlarmState raised = new AlarmState(def, true, now, Optional.empty(), Optional.empty());
        alarms.put(def.id(), raised);
        changes.add(new Change.AlarmChanged(id, raised));
      } else if (!holds && current != null && current.active()) {
        AlarmState cleared = new AlarmState(def, false, current.raisedAt(), Optional.of(now), current.acknowledged());
        if (cleared.needsAttention()) alarms.put(def.id(), cleared);
        else alarms.remove(def.id());
        changes.add(new Change.AlarmChanged(id, cleared));
      }
    }
  }

  private boolean trusted(List<String> paths) {
    for (String p : paths) {
      Slot slot = slots.get(p);
      if (slot == null || !slot.state.trusted()) return false;
    }
    return true;
  }
}
