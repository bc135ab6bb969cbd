package org.twinlab.scenarios.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.ExprReferences;
import org.twinlab.models.expr.Knowledge;
import org.twinlab.models.expr.Reading;
import org.twinlab.models.expr.StateEvaluator;
import org.twinlab.models.expr.Tri;
import org.twinlab.models.expr.Filter;

/**
 * Judges a check against a trace, at any moment of a run (live) or after it. Signals hold their
 * value until the next sample; events are true at their instant only. Windows are closed
 * intervals (a {@code before} window is open at its end). A state the platform could not see is
 * unknown (Kleene logic), and a check that would turn on it is indeterminate, not failed.
 */
public final class CheckEvaluator {
  private final Trace trace;
  private final Instant start;
  private final Instant now;
  private final boolean finished;

  private CheckEvaluator(Trace trace, Instant start, Instant now, boolean finished) {
    this.trace = trace;
    this.start = start;
    this.now = now;
    this.finished = finished;
  }

  /**
   * @param start when the run started
   * @param now how far the trace goes (the run's end when {@code finished})
   * @param finished whether the run is over, which closes every window still open
   */
  public static Verdict evaluate(Check check, Trace trace, Instant start, Instant now, boolean finished) {
    return new CheckEvaluator(trace, start, now, finished).judge(check);
  }

  /**
   * Whether a state expression holds at one moment: its value there, or an event at that very
   * instant. Triggers of faults and steps of scripted candidates are decided this way, tick by
   * tick; a state the platform cannot see does not hold.
   */
  public static boolean holdsAt(Expr state, Trace trace, Instant start, Instant t) {
    CheckEvaluator e = new CheckEvaluator(trace, start, t, false);
    return e.value(state, t, true).or(e.value(state, t, false)) == Tri.TRUE;
  }

  private Verdict judge(Check check) {
    Range r = range(check.window());
    if (r.pending != null) return Verdict.pending(r.pending);
    if (check instanceof Check.Eventually c) return eventually(c.state(), r);
    if (check instanceof Check.Always c) return always(c.state(), r, false);
    if (check instanceof Check.Never c) return always(c.state(), r, true);
    if (check instanceof Check.HoldsFor c) return holdsFor(c.state(), c.duration(), r);
    if (check instanceof Check.Count c) return count(c, r);
    Check.Tracks t = (Check.Tracks) check;
    Expr close = new Expr.Binary(Expr.Op.LE, new Expr.Abs(new Expr.Binary(Expr.Op.SUB, t.twin(), t.rig())),
        new Expr.Literal(t.tolerance()));
    return holdsFor(close, t.duration(), r);
  }

  // ---- windows

  /** A resolved window: [from, to] (or [from, to) when exclusive), cut at now; empty when it never opens. */
  private record Range(Instant from, Instant to, boolean exclusive, boolean closed, boolean empty, String pending) {}

  private sealed interface Moment {}

  private record At(Instant time) implements Moment {}

  private record Absent() implements Moment {}

  private record NotYet() implements Moment {}

  private Range range(Window w) {
    Moment from = resolve(w.from());
    if (from instanceof NotYet) return new Range(null, null, false, false, false, "waiting for the window to open");
    if (from instanceof Absent) return new Range(null, null, false, true, true, null);
    Instant a = ((At) from).time();
    Moment to = resolve(w.to());
    Instant b;
    boolean closed;
    boolean exclusive = w.endExclusive();
    if (to instanceof At at) {
      b = at.time();
      closed = finished || !b.isAfter(now);
      if (b.isAfter(now)) {
        b = now;
        exclusive = false;
      }
    } else {
      // an end that has not happened (yet): the window runs to now, and to the end of the run
      b = now;
      closed = finished;
      exclusive = false;
    }
    if (a.isAfter(now)) return new Range(null, null, false, false, false, "the window opens at " + rel(a));
    boolean empty = b.isBefore(a) || (exclusive && !b.isAfter(a));
    return new Range(a, b, exclusive, closed, empty, null);
  }

  private Moment resolve(Anchor anchor) {
    if (anchor instanceof Anchor.Start) return new At(start);
    if (anchor instanceof Anchor.End) return finished ? new At(now) : new NotYet();
    if (anchor instanceof Anchor.Offset o) {
      Moment base = resolve(o.base());
      return base instanceof At at ? new At(at.time().plus(o.by())) : base;
    }
    if (anchor instanceof Anchor.First f) {
      for (Instant t : points(f.what(), start, now, false)) {
        if (value(f.what(), t, true) == Tri.TRUE || value(f.what(), t, false) == Tri.TRUE) return new At(t);
      }
      return finished ? new Absent() : new NotYet();
    }
    Anchor.Last l = (Anchor.Last) anchor;
    if (!finished) return new NotYet();
    Instant last = null;
    Tri before = Tri.FALSE;
    for (Instant t : points(l.what(), start, now, false)) {
      Tri instant = value(l.what(), t, true);
      Tri segment = value(l.what(), t, false);
      if (instant == Tri.TRUE && (before != Tri.TRUE || segment != Tri.TRUE)) last = t;
      before = segment;
    }
    return last == null ? new Absent() : new At(last);
  }

  /** Every moment in [from, to] at which the expression's value may change, from included. */
  private List<Instant> points(Expr e, Instant from, Instant to, boolean exclusive) {
    if (from.isAfter(to)) throw new IllegalArgumentException("a window from " + from + " to " + to);
    if (exclusive && !from.isBefore(to)) return List.of();
    List<Expr> refs = new ArrayList<>();
    ExprReferences.collect(e, refs);
    TreeSet<Instant> times = new TreeSet<>();
    times.add(from);
    for (Expr ref : refs) {
      if (ref instanceof Expr.Signal s) {
        // a signal's samples are in time order: only those in the window, found by halving, not the whole run's
        List<Sample> samples = trace.samples(s.name());
        for (int i = firstAtOrAfter(samples, from); i < samples.size(); i++) {
          Instant t = samples.get(i).time();
          if (exclusive ? !t.isBefore(to) : t.isAfter(to)) break;
          times.add(t);
        }
      } else {
        for (Event ev : trace.events()) {
          Instant t = ev.time();
          boolean inside = !t.isBefore(from) && (exclusive ? t.isBefore(to) : !t.isAfter(to));
          if (inside && matches((Expr.EventMatch) ref, ev)) times.add(t);
        }
      }
    }
    return new ArrayList<>(times);
  }

  /** The index of the first sample at or after the time (the list's size when there is none). */
  private static int firstAtOrAfter(List<Sample> samples, Instant time) {
    int lo = 0;
    int hi = samples.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (samples.get(mid).time().isBefore(time)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private List<Instant> points(Expr e, Range r) {
    return points(e, r.from, r.to, r.exclusive);
  }

  // ---- operators

  private Verdict eventually(Expr state, Range r) {
    if (r.empty) return Verdict.failed(now, "the window never opened");
    boolean unknown = false;
    for (Instant t : points(state, r)) {
      Tri v = value(state, t, true).or(value(state, t, false));
      if (v == Tri.TRUE) return Verdict.passed(t, "true at " + rel(t));
      if (v == Tri.UNKNOWN) unknown = true;
    }
    if (!r.closed) return Verdict.pending("not yet true");
    return unknown
        ? Verdict.indeterminate(r.to, "never seen true, but the platform could not see part of the window")
        : Verdict.failed(r.to, "never true between " + rel(r.from) + " and " + rel(r.to));
  }

  /** Always (or never, when {@code negate}): every instant and every stretch between them. */
  private Verdict always(Expr state, Range r, boolean negate) {
    if (r.empty) return Verdict.passed(now, "the window never opened");
    boolean unknown = false;
    for (Instant t : points(state, r)) {
      Tri instant = value(state, t, true);
      Tri stretch = value(state, t, false);
      Tri v = negate ? instant.not().and(stretch.not()) : instant.and(stretch);
      if (v == Tri.FALSE) return Verdict.failed(t, (negate ? "true" : "false") + " at " + rel(t) + describe(state, t));
      if (v == Tri.UNKNOWN) unknown = true;
    }
    if (!r.closed) return Verdict.pending(negate ? "not true so far" : "true so far");
    return unknown
        ? Verdict.indeterminate(r.to, "held while seen, but the platform could not see part of the window")
        : Verdict.passed(r.to, (negate ? "never true" : "true throughout") + " from " + rel(r.from) + " to " + rel(r.to));
  }

  private Verdict holdsFor(Expr state, Duration d, Range r) {
    if (r.empty) return Verdict.failed(now, "the window never opened");
    List<Instant> pts = points(state, r);
    Instant sure = null;
    Instant maybe = null;
    boolean possible = false;
    Duration longest = Duration.ZERO;
    for (int i = 0; i < pts.size(); i++) {
      Instant t = pts.get(i);
      Instant until = i + 1 < pts.size() ? pts.get(i + 1) : r.to;
      Tri v = value(state, t, false);
      if (v == Tri.TRUE) {
        if (sure == null) sure = t;
      } else {
        sure = null;
      }
      if (v != Tri.FALSE) {
        if (maybe == null) maybe = t;
      } else {
        maybe = null;
      }
      if (sure != null) {
        Duration run = Duration.between(sure, until);
        if (run.compareTo(longest) > 0) longest = run;
        if (run.compareTo(d) >= 0) return Verdict.passed(sure.plus(d), "held for " + secs(d) + " from " + rel(sure));
      }
      // a run that holds if the unseen parts were true: decides nothing, but makes a failure indeterminate
      if (maybe != null && Duration.between(maybe, until).compareTo(d) >= 0) possible = true;
    }
    if (!r.closed) return Verdict.pending("longest so far " + secs(longest) + " of " + secs(d));
    return possible
        ? Verdict.indeterminate(r.to, "could have held for " + secs(d) + ", but the platform could not see part of it")
        : Verdict.failed(r.to, "held for at most " + secs(longest) + " of " + secs(d));
  }

  private Verdict count(Check.Count c, Range r) {
    long n = 0;
    Instant lastAt = null;
    if (!r.empty) {
      for (Event ev : trace.events()) {
        if (!matches(c.event(), ev) || ev.time().isBefore(r.from)) continue;
        if (r.exclusive ? !ev.time().isBefore(r.to) : ev.time().isAfter(r.to)) continue;
        n++;
        lastAt = ev.time();
        boolean reached = switch (c.op()) {
          case GE -> n >= c.number();
          case GT -> n > c.number();
          default -> false;
        };
        boolean exceeded = switch (c.op()) {
          case LE, EQ -> n > c.number();
          case LT -> n >= c.number();
          default -> false;
        };
        if (reached) return Verdict.passed(ev.time(), n + " by " + rel(ev.time()));
        if (exceeded) return Verdict.failed(ev.time(), n + " by " + rel(ev.time()) + ", more than allowed");
      }
    }
    if (!r.closed) return Verdict.pending(n + " so far");
    boolean ok = compare(n, c.op(), c.number());
    Instant at = r.empty ? now : r.to;
    String what = n + " " + c.event().kind() + (n == 1 ? "" : " events") + " in the window";
    return ok ? Verdict.passed(at, what) : Verdict.failed(at, what + (lastAt == null ? "" : ", the last at " + rel(lastAt)));
  }

  private static boolean compare(long n, Expr.Op op, long k) {
    return switch (op) {
      case EQ -> n == k;
      case NE -> n != k;
      case LT -> n < k;
      case LE -> n <= k;
      case GT -> n > k;
      default -> n >= k;
    };
  }

  // ---- state expressions

  /**
   * The expression's truth at {@code t}: at the instant itself ({@code instant}, events there count)
   * or over the stretch that starts at {@code t} (events do not last).
   */
  private Tri value(Expr e, Instant t, boolean instant) {
    return StateEvaluator.truth(e, new StateEvaluator.Lookup() {
      @Override
      public Reading signal(Expr.Signal signal) {
        return signalAt(signal.name(), t);
      }

      @Override
      public boolean happened(Expr.EventMatch event) {
        return instant && eventAt(event, t);
      }
    });
  }

  private Reading signalAt(String name, Instant t) {
    List<Sample> samples = trace.samples(name);
    int lo = 0;
    int hi = samples.size() - 1;
    Sample found = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (samples.get(mid).time().isAfter(t)) {
        hi = mid - 1;
      } else {
        found = samples.get(mid);
        lo = mid + 1;
      }
    }
    if (found == null) return Reading.MISSING;
    return new Reading(found.value(), found.knowledge());
  }

  /** Whether a matching event happened at {@code t}; events are in time order, so the search starts there. */
  private boolean eventAt(Expr.EventMatch m, Instant t) {
    List<Event> events = trace.events();
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (events.get(mid).time().isBefore(t)) lo = mid + 1;
      else hi = mid;
    }
    for (int i = lo; i < events.size() && events.get(i).time().equals(t); i++) {
      if (matches(m, events.get(i))) return true;
    }
    return false;
  }

  static boolean matches(Expr.EventMatch m, Event ev) {
    if (!ev.kind().equals(m.kind())) return false;
    for (Filter f : m.filters()) {
      if (!f.test(ev.attributes().get(f.key()))) return false;
    }
    return true;
  }

  // ---- wording

  private String describe(Expr state, Instant t) {
    List<Expr> refs = new ArrayList<>();
    ExprReferences.collect(state, refs);
    StringBuilder b = new StringBuilder();
    for (Expr r : refs) {
      if (r instanceof Expr.Signal s) {
        Reading v = signalAt(s.name(), t);
        b.append(b.length() == 0 ? ": " : ", ").append(s.name()).append(" = ")
            .append(v.knowledge() == Knowledge.KNOWN ? String.valueOf(v.value()) : v.knowledge().name().toLowerCase(Locale.ROOT));
      }
    }
    return b.toString();
  }

  private String rel(Instant t) {
    return "+" + secs(Duration.between(start, t));
  }

  private static String secs(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
