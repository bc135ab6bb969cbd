package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.scenarios.check.CheckEvaluator;
import org.twinlab.scenarios.check.Trace;

/**
 * The watches set on a station, judged tick by tick on what the twin showed: each fires once its
 * condition has held for its delay, and is armed again when the condition stops holding. A watch
 * set again under its name replaces the one before.
 */
final class Watches {
  /** A watch that fired, at the tick it fired on. */
  record Fired(WatchRule rule, Instant at) {}

  private static final class Armed {
    final WatchRule rule;
    Instant since; // when its condition began to hold, null while it does not
    boolean fired;

    Armed(WatchRule rule) {
      this.rule = rule;
    }
  }

  private final List<Armed> watches = new ArrayList<>();

  /** At most this many watches are judged on a station, each on every tick. */
  static final int MAX = 20;

  /** Sets the watch; false when the station has as many as are judged already. */
  boolean set(WatchRule rule) {
    watches.removeIf(w -> w.rule.name().equals(rule.name()));
    if (watches.size() >= MAX) return false;
    watches.add(new Armed(rule));
    return true;
  }

  /** The watches that fire at {@code now}. */
  List<Fired> due(Trace trace, Instant start, Instant now) {
    List<Fired> out = new ArrayList<>();
    for (Armed w : watches) {
      if (!CheckEvaluator.holdsAt(w.rule.condition(), trace, start, now)) {
        w.since = null;
        w.fired = false;
        continue;
      }
      if (w.since == null) w.since = now;
      if (!w.fired && Duration.between(w.since, now).compareTo(w.rule.delay()) >= 0) {
        w.fired = true;
        out.add(new Fired(w.rule, now));
      }
    }
    return out;
  }
}
