package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A station's exam clock: the time limit, started once, paused and resumed by examiners (a rig
 * fault that is not the candidate's, a fire drill), extended with a reason, and expired when the
 * active time reaches the limit. It reads an injected time source, so a run can go on virtual time.
 */
public final class StationClock {

  public enum State { READY, RUNNING, PAUSED, ENDED }

  /** Something done to the clock, for the record of the run. */
  public record Entry(Instant at, String what, String by, String reason, Duration elapsed) {}

  private final InstantSource time;
  private Duration limit;
  private State state = State.READY;
  private Instant runningSince;
  private Duration banked = Duration.ZERO;
  private Instant startedAt;
  private Instant endedAt;
  private final List<Entry> log = new ArrayList<>();

  public StationClock(InstantSource time, Duration limit) {
    this.time = time;
    this.limit = limit;
  }

  /**
   * A clock carried over a restart of the runtime: it started at {@code startedAt}, has run for
   * {@code elapsed} (the time the runtime was down is not counted) and goes on now, running or paused.
   */
  public static StationClock restored(InstantSource time, Duration limit, Instant startedAt, Duration elapsed, boolean paused,
      String by) {
    StationClock c = new StationClock(time, limit);
    c.startedAt = startedAt;
    c.banked = elapsed;
    c.runningSince = time.instant();
    c.state = paused ? State.PAUSED : State.RUNNING;
    c.log.add(new Entry(startedAt, "start", by, "", Duration.ZERO));
    c.log.add(new Entry(c.runningSince, "restored", by, "the runtime restarted", elapsed));
    return c;
  }

  public synchronized void start(String by) {
    require(state == State.READY, "the clock has started already");
    startedAt = time.instant();
    runningSince = startedAt;
    state = State.RUNNING;
    log.add(new Entry(startedAt, "start", by, "", Duration.ZERO));
  }

  public synchronized void pause(String by, String reason) {
    require(state == State.RUNNING, "the clock is " + state.name().toLowerCase() + ", not running");
    requireReason(reason);
    Instant now = time.instant();
    banked = banked.plus(Duration.between(runningSince, now));
    state = State.PAUSED;
    log.add(new Entry(now, "pause", by, reason, banked));
  }

  public synchronized void resume(String by) {
    require(state == State.PAUSED, "the clock is " + state.name().toLowerCase() + ", not paused");
    runningSince = time.instant();
    state = State.RUNNING;
    log.add(new Entry(runningSince, "resume", by, "", banked));
  }

  /** Gives the candidate more time; an examiner's decision, so it needs a reason. */
  public synchronized void extend(Duration more, String by, String reason) {
    require(state != State.ENDED, "the run has ended");
    if (more.isZero() || more.isNegative()) throw new IllegalArgumentException("an extension is a positive duration");
    requireReason(reason);
    limit = limit.plus(more);
    log.add(new Entry(time.instant(), "extend +" + more.toSeconds() + " s", by, reason, elapsed()));
  }

  /** Ends the run: at expiry, or earlier when the candidate hands in or an examiner stops it. */
  public synchronized void end(String by, String reason) {
    if (state == State.ENDED) return;
    Duration at = elapsed();
    if (state == State.RUNNING) banked = at;
    state = State.ENDED;
    endedAt = time.instant();
    log.add(new Entry(endedAt, "end", by, reason, at));
  }

  /** The active time: running time since the start, pauses left out. */
  public synchronized Duration elapsed() {
    if (state == State.RUNNING) return banked.plus(Duration.between(runningSince, time.instant()));
    return banked;
  }

  public synchronized Duration remaining() {
    Duration left = limit.minus(elapsed());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the active time has reached the limit (the run should end now). */
  public synchronized boolean expired() {
    return state != State.READY && elapsed().compareTo(limit) >= 0;
  }

  public synchronized State state() {
    return state;
  }

  public synchronized Duration limit() {
    return limit;
  }

  public synchronized Instant startedAt() {
    return startedAt;
  }

  public synchronized Instant endedAt() {
    return endedAt;
  }

  public Instant now() {
    return time.instant();
  }

  public synchronized List<Entry> log() {
    return List.copyOf(log);
  }

  private static void require(boolean ok, String why) {
    if (!ok) throw new IllegalStateException(why);
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why: a reason is required");
  }
}
