package org.twinlab.runtime.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.connectors.Quality;
import org.twinlab.models.PropertyDef;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.PropertyState;

/**
 * Turns one twin's changes into history points: every property state, every alarm rising, clearing
 * or being acknowledged (as {@code alarm.<id>}, true while active) and every lifecycle move (as
 * {@code lifecycle}).
 */
public final class ChangeHistory {
  public static final String ALARM_PREFIX = "alarm.";
  public static final String LIFECYCLE = "lifecycle";

  private final TwinConfig twin;
  private final Map<String, PropertyDef> defs;
  private final SessionTags sessions;
  private final Clock clock;

  public ChangeHistory(TwinConfig twin, SessionTags sessions, Clock clock) {
    this.twin = twin;
    this.defs = twin.model().properties();
    this.sessions = sessions;
    this.clock = clock;
  }

  public List<HistoryPoint> points(List<Change> changes) {
    List<HistoryPoint> out = new ArrayList<>(changes.size());
    Instant now = clock.instant();
    String session = sessions.of(twin.id()).orElse(null);
    for (Change c : changes) {
      if (c instanceof Change.PropertyChanged p) {
        PropertyState s = p.state();
        PropertyDef def = defs.get(s.property());
        if (def == null) continue;
        // a STALE mark begins when it is made, not when the last sample was measured
        Instant time = s.isStale() ? now : s.sourceTime();
        out.add(new HistoryPoint(twin.id(), twin.model().id(), s.property(), ValueKind.of(def.type()), s.unit(),
            s.value(), s.quality(), time, s.receivedTime(), twin.station(), session));
      } else if (c instanceof Change.AlarmChanged a) {
        out.add(new HistoryPoint(twin.id(), twin.model().id(), ALARM_PREFIX + a.state().alarm().id(), ValueKind.BOOLEAN,
            "", a.state().active(), Quality.GOOD, now, now, twin.station(), session));
      } else if (c instanceof Change.LifecycleChanged l) {
        out.add(new HistoryPoint(twin.id(), twin.model().id(), LIFECYCLE, ValueKind.TEXT, "", l.lifecycle().name(),
            Quality.GOOD, now, now, twin.station(), session));
      }
    }
    return out;
  }
}
