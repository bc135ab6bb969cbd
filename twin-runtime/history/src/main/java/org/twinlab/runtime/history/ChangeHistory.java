package org.twinlab.runtime.history;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.twinlab.connectors.Quality;
import org.twinlab.models.PropertyDef;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.PropertyState;

/**
 * Turns one twin's changes into history points: every property state, every alarm rising, clearing
 * or being acknowledged (as {@code alarm.<id>}, true while active) and every lifecycle move (as
 * {@code lifecycle}).
 *
 * <p>Each property's {@link SeriesKey} is made once per session and shared by all its points, so a
 * change costs one lookup by property name here and an identity lookup in the store. Not for
 * concurrent use: one instance per twin, on the thread that receives its changes.
 */
public final class ChangeHistory {
  public static final String ALARM_PREFIX = "alarm.";
  public static final String LIFECYCLE = "lifecycle";

  private final TwinConfig twin;
  private final Map<String, PropertyDef> defs;
  private final SessionTags sessions;
  private final Clock clock;
  /** Keys by property name for {@link #keysSession}; emptied when the twin's session changes. */
  private final Map<String, SeriesKey> keys = new HashMap<>();
  /** The same for alarms and the lifecycle, apart: their names are not the model's to choose. */
  private final Map<String, SeriesKey> eventKeys = new HashMap<>();
  private String keysSession;

  public ChangeHistory(TwinConfig twin, SessionTags sessions, Clock clock) {
    this.twin = twin;
    this.defs = twin.model().properties();
    this.sessions = sessions;
    this.clock = clock;
  }

  public List<HistoryPoint> points(List<Change> changes) {
    HistoryBlock.Builder out = HistoryBlock.withRoom(changes.size());
    Instant now = clock.instant();
    String session = sessions.of(twin.id()).orElse(null);
    if (!Objects.equals(session, keysSession)) {
      keys.clear();
      eventKeys.clear();
      keysSession = session;
    }
    for (Change c : changes) {
      if (c instanceof Change.PropertyChanged p) {
        PropertyState s = p.state();
        SeriesKey key = propertyKey(s.property(), s.unit());
        if (key == null) continue;
        // a STALE mark begins when it is made, not when the last sample was measured
        Instant time = s.isStale() ? now : s.sourceTime();
        out.add(key, s.value(), s.quality(), time, s.receivedTime());
      } else if (c instanceof Change.AlarmChanged a) {
        out.add(key(ALARM_PREFIX + a.state().alarm().id(), ValueKind.BOOLEAN, ""), a.state().active(), Quality.GOOD, now, now);
      } else if (c instanceof Change.LifecycleChanged l) {
        out.add(key(LIFECYCLE, ValueKind.TEXT, ""), l.lifecycle().name(), Quality.GOOD, now, now);
      }
    }
    return out.build();
  }

  /** The key of a model property, or null when the model has no such property. */
  private SeriesKey propertyKey(String property, String unit) {
    String u = unit == null ? "" : unit;
    SeriesKey k = keys.get(property);
    // a property whose unit changed is a series of its own, as it was before keys were kept
    if (k != null && k.unit().equals(u)) return k;
    PropertyDef def = defs.get(property);
    if (def == null) return null;
    k = new SeriesKey(twin.id(), twin.model().id(), property, ValueKind.of(def.type()), u, twin.station(), keysSession);
    keys.put(property, k);
    return k;
  }

  private SeriesKey key(String property, ValueKind kind, String unit) {
    return eventKeys.computeIfAbsent(property,
        p -> new SeriesKey(twin.id(), twin.model().id(), p, kind, unit, twin.station(), keysSession));
  }
}
