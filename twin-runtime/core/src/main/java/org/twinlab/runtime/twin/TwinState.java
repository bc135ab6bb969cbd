package org.twinlab.runtime.twin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<String, PropertyDef> defs;
  private final Map<String, PropertyState> properties = new LinkedHashMap<>();
  private Set<String> watchedForSilence;
  private final Map<String, AlarmState> alarms = new LinkedHashMap<>();
  private Lifecycle lifecycle = Lifecycle.LOADED;

  /**
   * @param staleFactor a property is STALE when no sample came for this many of its expected periods
   */
  public TwinState(String id, TwinModel model, Clock clock, double staleFactor) {
    this.id = id;
    this.model = model;
    this.clock = clock;
    this.staleFactor = staleFactor;
    this.defs = model.properties();
    this.watchedForSilence = defs.keySet();
    Instant now = clock.instant();
    defs.values().forEach(p ->
        properties.put(p.path(), new PropertyState(p.path(), null, p.unit(), Quality.uncertain("no value yet"), now, now)));
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
    PropertyState s = properties.get(property);
    if (lifecycle != Lifecycle.RUNNING || s == null) return List.of();
    if (s.isStale()) return apply(property, s.value(), sourceTime, Quality.GOOD);
    properties.put(property, new PropertyState(property, s.value(), s.unit(), s.quality(), s.sourceTime(), clock.instant()));
    return List.of();
  }

  /**
   * Takes a transformed value for a property. Ignored unless RUNNING; returns the changes (the
   * property and any alarm that rose or cleared) for the live feed and history.
   */
  public List<Change> apply(String property, Object value, Instant sourceTime, Quality quality) {
    if (lifecycle != Lifecycle.RUNNING) return List.of();
    PropertyDef def = defs.get(property);
    if (def == null) return List.of();
    Quality q = quality;
    Object v = value;
    if (q.isGood() && v != null && !def.fitsType(v)) {
      q = Quality.bad("value " + v + " does not fit " + def.type().label());
      v = null;
    } else if (q.isGood() && v instanceof Number n && def.range().isPresent() && !def.range().get().contains(n.doubleValue())) {
      q = Quality.uncertain("outside the range " + def.range().get().min() + ".." + def.range().get().max());
    }
    if (def.type() == org.twinlab.models.PropertyType.INT && v instanceof Number n) v = Math.round(n.doubleValue());
    if (def.type() == org.twinlab.models.PropertyType.DOUBLE && v instanceof Number n) v = n.doubleValue();
    PropertyState next = new PropertyState(property, q.isBad() ? null : v, def.unit(), q, sourceTime, clock.instant());
    properties.put(property, next);
    List<Change> changes = new ArrayList<>();
    changes.add(new Change.PropertyChanged(id, next));
    changes.addAll(evaluateAlarms());
    return changes;
  }

  /** Marks properties STALE whose samples stopped; call it periodically. */
  public List<Change> checkStale() {
    Instant now = clock.instant();
    List<Change> changes = new ArrayList<>();
    if (lifecycle != Lifecycle.RUNNING) return changes;
    for (PropertyDef def : defs.values()) {
      if (!watchedForSilence.contains(def.path()) || def.eventDriven()) continue;
      PropertyState s = properties.get(def.path());
      if (s.isStale() || s.quality().isBad()) continue;
      Duration limit = Duration.ofMillis((long) (def.expectedPeriodMs() * staleFactor));
      if (Duration.between(s.receivedTime(), now).compareTo(limit) > 0) {
        PropertyState stale = new PropertyState(def.path(), s.value(), s.unit(),
            Quality.uncertain(PropertyState.STALE + ": no sample for " + Duration.between(s.receivedTime(), now).toMillis() + " ms"),
            s.sourceTime(), s.receivedTime());
        properties.put(def.path(), stale);
        changes.add(new Change.PropertyChanged(id, stale));
      }
    }
    return changes;
  }

  public Optional<PropertyState> property(String path) {
    return Optional.ofNullable(properties.get(path));
  }

  public Collection<PropertyState> properties() {
    return List.copyOf(properties.values());
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

  private List<Change> evaluateAlarms() {
    List<Change> changes = new ArrayList<>();
    for (AlarmDef def : model.alarms()) {
      // alarms judge only values that can be trusted: BAD or STALE inputs neither raise nor clear
      boolean trusted = def.condition().properties().stream().allMatch(p -> {
        PropertyState s = properties.get(p);
        return s != null && s.trusted();
      });
      if (!trusted) continue;
      boolean holds = def.condition().test(p -> properties.get(p).value());
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
    return changes;
  }
}
