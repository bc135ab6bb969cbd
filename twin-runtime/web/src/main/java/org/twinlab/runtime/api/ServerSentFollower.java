package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.twinlab.runtime.auth.Caller;

/**
 * One follower of one twin over Server-Sent Events. It gets the twin's state first, then every
 * change; while its buffer is full changes are dropped, and once it drains it is sent a fresh
 * state. When its caller may no longer see the twin (their station has ended) the stream ends.
 */
final class ServerSentFollower {
  static final long KEEP_ALIVE_MS = 15_000;
  /** How soon a state that could not be read is asked for again; changes wait for it meanwhile. */
  static final long STATE_RETRY_MS = 1_000;
  private final HttpServerResponse res;
  private final String twin;
  /** The properties asked for; null for all. Alarms and the lifecycle always go. */
  private final Set<String> only;
  private final FeedSources feed;
  private final Supplier<Future<FeedFrame>> state;
  private final FeedAccess access;
  private final Runnable leave;
  private final long keepAlive;
  // changes are held back until the state they follow is sent: first, and after the buffer was full
  private boolean awaitingState = true;
  private boolean ended;

  private ServerSentFollower(HttpServerResponse res, String twin, String properties, Caller caller, FeedSources feed) {
    this.res = res;
    this.twin = twin;
    this.only = properties == null || properties.isBlank() ? null : Set.copyOf(java.util.Arrays.asList(properties.split(",")));
    this.feed = feed;
    this.state = feed.states().of(twin);
    this.access = feed.access(caller, this::decideAgain);
    this.leave = feed.channels().join(twin, this::changed, this::moved);
    // the keep-alive also decides again from scratch, should a change of access ever go unannounced
    this.keepAlive = feed.vertx().setPeriodic(KEEP_ALIVE_MS, t -> {
      access.recheck();
      decideAgain();
      if (!ended) res.write(": keep-alive\n\n");
    });
    res.drainHandler(v -> {
      if (awaitingState) sendState();
    });
    res.closeHandler(v -> close());
  }

  /** Starts the stream of the twin on the response. */
  static void follow(HttpServerResponse res, String twin, String properties, Caller caller, FeedSources feed) {
    res.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    res.write("retry: 2000\n\n");
    new ServerSentFollower(res, twin, properties, caller, feed).sendState();
  }

  private void changed(FeedFrame frame) {
    if (ended || awaitingState) return;
    if (!access.sees(twin)) {
      end();
      return;
    }
    if (res.writeQueueFull()) {
      awaitingState = true; // the drain sends a fresh state
      return;
    }
    write(frame);
  }

  /** The twin runs on another node now: its state from there, then its changes again. */
  private void moved() {
    if (ended) return;
    awaitingState = true;
    sendState();
  }

  private void sendState() {
    state.get().onComplete(r -> {
      if (ended) return;
      if (r.failed()) {
        // a twin just taken up here, or whose owner has just died, has no state to give yet: asked again shortly
        feed.vertx().setTimer(STATE_RETRY_MS, t -> {
          if (!ended && awaitingState) sendState();
        });
        return;
      }
      if (res.writeQueueFull()) return; // still awaiting: the next drain asks again
      awaitingState = false;
      write(r.result());
    });
  }

  private void write(FeedFrame frame) {
    if (only == null) {
      if (!frame.serverSent().isEmpty()) res.write(frame.serverSentBytes());
      return;
    }
    String out = frame.serverSent(e -> e.property() == null || only.contains(e.property()));
    if (!out.isEmpty()) res.write(out);
  }

  private void decideAgain() {
    // a candidate whose station has ended no longer follows its twin
    if (!ended && !access.sees(twin)) end();
  }

  private void end() {
    if (ended) return;
    close();
    res.end();
  }

  /** Leaves the twin's channel; once is enough, however the stream ends. */
  private void close() {
    if (ended) return;
    ended = true;
    leave.run();
    access.close();
    feed.vertx().cancelTimer(keepAlive);
  }
}
