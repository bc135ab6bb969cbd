package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.AlarmState;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.SignalFeed;

/**
 * Turns a twin's changes into the signals checks read ({@code twin.<property>}, {@code alarm.<id>},
 * {@code twin.lifecycle}) and hands each to a scenario run's feed with the moment it happened: the
 * one path from a twin's events to a check's trace, for the live runtime's twins and the simulated
 * station's alike. One thread calls it.
 *
 * <p>When a change happened:
 * <ul>
 *   <li>a property's new value: the sample's source time, when the twin received it within {@link #LATE}
 *       of it; otherwise (an unchanged value re-read after its binding changed, a rig's clock far
 *       behind or ahead) the moment the twin received it, since the twin did not show it before;
 *   <li>a property turning STALE, which the twin decides when no sample came: when it is heard;
 *   <li>an alarm rising or clearing: the time of the property change just before it in its batch, the
 *       sample that made it rise or clear; otherwise when it is heard;
 *   <li>the lifecycle: when it is heard.
 * </ul>
 *
 * <p>A property the twin cannot trust is missing (it counts against the candidate), or unknown while
 * the platform itself is blind ({@code platformBlind}: one of its own links down, through nothing the
 * scenario did).
 */
final class TwinSignals {
  /** How long a sample may take to reach the twin and still be judged at its source time. */
  static final Duration LATE = Duration.ofSeconds(2);
  static final String LIFECYCLE = "twin.lifecycle";

  private final TwinModel model;
  private final SignalFeed feed;
  private final BooleanSupplier platformBlind;

  TwinSignals(TwinModel model, SignalFeed feed, BooleanSupplier platformBlind) {
    this.model = model;
    this.feed = feed;
    this.platformBlind = platformBlind;
  }

  /** A twin that is never blind through the platform's fault: a simulated station's. */
  TwinSignals(TwinModel model, SignalFeed feed) {
    this(model, feed, () -> false);
  }

  /** The twin's whole state as a snapshot shows it: where a run starts following it. */
  void snapshot(TwinSnapshot s, Instant heard) {
    feed.changed(LIFECYCLE, heard, Observed.known(name(s.lifecycle())));
    for (PropertyState p : s.properties()) property(p, heard);
    for (var a : model.alarms()) {
      boolean active = s.alarms().stream().anyMatch(x -> x.alarm().id().equals(a.id()) && x.active());
      feed.changed(alarm(a.id()), heard, Observed.known(active));
    }
  }

  /** A batch of changes, as the twin published it. */
  void changes(List<Change> changes, Instant heard) {
    Instant cause = heard;
    for (Change c : changes) {
      if (c instanceof Change.PropertyChanged p) {
        cause = property(p.state(), heard);
      } else if (c instanceof Change.AlarmChanged a) {
        alarm(a.state(), cause);
      } else if (c instanceof Change.LifecycleChanged l) {
        feed.changed(LIFECYCLE, heard, Observed.known(name(l.lifecycle())));
      }
    }
  }

  /** No twin application is deployed: lifecycle "absent", no values, no alarms. */
  void absent(Instant at) {
    feed.changed(LIFECYCLE, at, Observed.known("absent"));
    model.properties().keySet().forEach(p -> feed.changed(twin(p), at, Observed.missing()));
    model.alarms().forEach(a -> feed.changed(alarm(a.id()), at, Observed.missing()));
  }

  /** A twin application just deployed: loaded, no alarm active, its properties without values until samples come. */
  void deployed(Instant at) {
    feed.changed(LIFECYCLE, at, Observed.known(name(Lifecycle.LOADED)));
    model.alarms().forEach(a -> feed.changed(alarm(a.id()), at, Observed.known(false)));
  }

  /**
   * The properties the twin cannot trust, judged again at {@code at}: the platform's own links
   * went down or came back, which makes them unknown or missing.
   */
  void untrusted(Collection<PropertyState> properties, Instant at) {
    for (PropertyState p : properties) {
      if (!p.trusted()) feed.changed(twin(p.property()), at, knowledge(p));
    }
  }

  // ---- internals

  /** Reports a property's state; returns the moment it was taken at. */
  private Instant property(PropertyState p, Instant heard) {
    Instant at = p.isStale() ? heard : happened(p, heard);
    feed.changed(twin(p.property()), at, knowledge(p));
    return at;
  }

  private void alarm(AlarmState a, Instant at) {
    feed.changed(alarm(a.alarm().id()), at, Observed.known(a.active()));
  }

  private Observed knowledge(PropertyState p) {
    if (p.trusted()) return Observed.known(p.value());
    return platformBlind.getAsBoolean() ? Observed.unknown() : Observed.missing();
  }

  private static Instant happened(PropertyState p, Instant heard) {
    Instant received = p.receivedTime() == null ? heard : p.receivedTime();
    Instant source = p.sourceTime();
    if (source == null || source.isAfter(received) || source.isBefore(received.minus(LATE))) return received;
    return source;
  }

  /** A property's signal name, made once per property: changes come many times a second. */
  private String twin(String property) {
    return twinNames.computeIfAbsent(property, p -> "twin." + p);
  }

  private final Map<String, String> twinNames = new java.util.concurrent.ConcurrentHashMap<>();

  private static String alarm(String id) {
    return "alarm." + id;
  }

  private static String name(Lifecycle l) {
    return l.name().toLowerCase();
  }
}
