package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * One WebSocket following many twins: {"subscribe": ["twin-a", ...]} and {"unsubscribe": [...]}.
 * Each twin followed sends its state first, then every change. A socket too slow to keep up holds
 * no more than its write buffer: while it is full, changes are dropped and the twins they were of
 * marked behind; once it drains, each of those is sent a fresh state, {"snapshot": true}. A twin
 * the caller may no longer see (their station has ended) is dropped with an error saying so.
 */
final class WebSocketFollower {
  /** Problems told while the buffer is full wait for it to drain; beyond this many they are dropped. */
  static final int MAX_WAITING_NOTICES = 32;
  private final ServerWebSocket ws;
  private final FeedSources feed;
  private final FeedAccess access;
  private final Map<String, Followed> followed = new HashMap<>();
  // the twins whose changes wait for their state to be sent: just subscribed, or dropped while the buffer was full
  private final Set<String> awaitingState = new LinkedHashSet<>();
  private final ArrayDeque<String> notices = new ArrayDeque<>();
  private boolean closed;

  /** A twin followed: how to take its state, how to leave its channel, and whether its follower was told its state could not be read. */
  private static final class Followed {
    final Supplier<Future<FeedFrame>> state;
    final Runnable leave;
    boolean toldUnreadable;

    Followed(Supplier<Future<FeedFrame>> state, Runnable leave) {
      this.state = state;
      this.leave = leave;
    }

    Supplier<Future<FeedFrame>> state() {
      return state;
    }

    Runnable leave() {
      return leave;
    }
  }

  private WebSocketFollower(ServerWebSocket ws, Caller caller, FeedSources feed) {
    this.ws = ws;
    this.feed = feed;
    this.access = feed.access(caller, this::decideAgain);
    ws.textMessageHandler(this::message);
    ws.drainHandler(v -> drained());
    ws.closeHandler(v -> close());
  }

  /** Serves the feed on an accepted WebSocket. */
  static void serve(ServerWebSocket ws, Caller caller, FeedSources feed) {
    new WebSocketFollower(ws, caller, feed);
  }

  private void message(String text) {
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (RuntimeException e) {
      notice(FeedFrame.error("message", "not a JSON object: " + e.getMessage()));
      return;
    }
    ids(msg, "subscribe").forEach(this::subscribe);
    ids(msg, "unsubscribe").forEach(this::unfollow);
  }

  private void subscribe(String twin) {
    if (closed || followed.containsKey(twin)) return;
    String who = access.caller().name();
    if (!access.sees(twin)) {
      notice(FeedFrame.error("subscribe", who + " is not assigned to twin " + twin));
      return;
    }
    Supplier<Future<FeedFrame>> state;
    try {
      state = feed.states().of(twin);
    } catch (TwinRequestException e) {
      notice(FeedFrame.error("subscribe", e.getMessage()));
      return;
    }
    followed.put(twin, new Followed(state, feed.channels().join(twin, frame -> changed(twin, frame), () -> moved(twin))));
    awaitingState.add(twin);
    sendState(twin);
  }

  private void changed(String twin, FeedFrame frame) {
    // left while the frame was on its way, or its state is still to come; or the socket closed before its close handler ran
    if (closed || ws.isClosed() || !followed.containsKey(twin) || awaitingState.contains(twin)) return;
    if (!access.sees(twin)) {
      lost(twin);
      return;
    }
    if (ws.writeQueueFull()) {
      awaitingState.add(twin); // the drain sends its state afresh
      return;
    }
    ws.writeTextMessage(frame.webSocket());
  }

  /** The twin runs on another node now: its state from there, then its changes again. */
  private void moved(String twin) {
    if (closed || !followed.containsKey(twin)) return;
    awaitingState.add(twin);
    sendState(twin);
  }

  private void sendState(String twin) {
    Followed f = followed.get(twin);
    f.state().get().onComplete(r -> {
      // unsubscribed meanwhile, or subscribed again: that subscription sends its own state
      if (followed.get(twin) != f || closed || ws.isClosed()) return;
      if (r.failed()) {
        // told once; asked again shortly, as a twin just taken up or whose owner has just died has a state again soon
        if (!f.toldUnreadable) notice(FeedFrame.error("subscribe", "the state of twin " + twin + " cannot be read: " + r.cause().getMessage()));
        f.toldUnreadable = true;
        feed.vertx().setTimer(ServerSentFollower.STATE_RETRY_MS, t -> {
          if (followed.get(twin) == f && !closed && awaitingState.contains(twin)) sendState(twin);
        });
        return;
      }
      f.toldUnreadable = false;
      if (ws.writeQueueFull()) return; // still awaiting its state: the next drain asks again
      awaitingState.remove(twin);
      ws.writeTextMessage(r.result().webSocket());
    });
  }

  private void drained() {
    while (!notices.isEmpty() && !ws.writeQueueFull()) ws.writeTextMessage(notices.poll());
    for (String twin : List.copyOf(awaitingState)) {
      if (followed.containsKey(twin)) sendState(twin);
      else awaitingState.remove(twin);
    }
  }

  private void decideAgain() {
    for (String twin : List.copyOf(followed.keySet())) {
      if (!access.sees(twin)) lost(twin);
    }
  }

  /** The caller may no longer see the twin: it is no longer followed, and they are told. */
  private void lost(String twin) {
    unfollow(twin);
    notice(FeedFrame.error("subscribe", access.caller().name() + " is no longer assigned to twin " + twin));
  }

  private void unfollow(String twin) {
    Followed f = followed.remove(twin);
    awaitingState.remove(twin);
    if (f != null) f.leave().run();
  }

  /** A problem for the caller; it waits while the buffer is full, and a flood of them is not kept. */
  private void notice(String message) {
    if (closed) return;
    if (!ws.writeQueueFull() && notices.isEmpty()) ws.writeTextMessage(message);
    else if (notices.size() < MAX_WAITING_NOTICES) notices.add(message);
  }

  private void close() {
    if (closed) return;
    closed = true;
    List.copyOf(followed.keySet()).forEach(this::unfollow);
    notices.clear();
    access.close();
  }

  private static List<String> ids(JsonObject msg, String key) {
    Object v = msg.getValue(key);
    List<String> out = new ArrayList<>();
    if (v instanceof String s) out.add(s);
    if (v instanceof JsonArray a) a.forEach(x -> out.add(String.valueOf(x)));
    return out;
  }
}
