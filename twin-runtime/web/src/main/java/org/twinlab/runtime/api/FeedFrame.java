package org.twinlab.runtime.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.twinlab.runtime.twin.Change;

/**
 * One batch of a twin's changes (or its whole state) encoded to JSON once, whatever number of
 * followers it goes to. The changes are written straight into the batch's Server-Sent Events text,
 * each event's JSON a range of it; the WebSocket message and a follower's selection of events are
 * put together from those same ranges.
 */
final class FeedFrame {
  /** One encoded change: its event name, the property it is about (none for alarms and lifecycle), and where its JSON lies. */
  record Event(String name, String property, int jsonFrom, int jsonTo, int sseFrom, int sseTo) {}

  private final String serverSent;
  private final List<Event> events;
  private final boolean snapshot;
  // put together on first use; two followers asking at once at worst join the same text twice
  private volatile String webSocket;
  private volatile Buffer serverSentBytes;

  private FeedFrame(String serverSent, List<Event> events, boolean snapshot) {
    this.serverSent = serverSent;
    this.events = List.copyOf(events);
    this.snapshot = snapshot;
  }

  /** Encodes changes as they happened. */
  static FeedFrame changes(List<Change> changes) {
    return encode(changes, false);
  }

  /** Encodes a twin's whole state, as the changes that would build it from nothing. */
  static FeedFrame snapshot(List<Change> state) {
    return encode(state, true);
  }

  private static FeedFrame encode(List<Change> changes, boolean snapshot) {
    List<Event> out = new ArrayList<>(changes.size());
    StringBuilder sse = new StringBuilder(changes.size() * 300);
    for (Change c : changes) {
      String name = Views.eventName(c);
      String property = c instanceof Change.PropertyChanged p ? p.state().property() : null;
      int sseFrom = sse.length();
      sse.append("event: ").append(name).append("\ndata: ");
      int jsonFrom = sse.length();
      writeJson(c, sse);
      int jsonTo = sse.length();
      sse.append("\n\n");
      out.add(new Event(name, property, jsonFrom, jsonTo, sseFrom, sse.length()));
    }
    return new FeedFrame(sse.toString(), out, snapshot);
  }

  /** The change with its event name, written straight to text; through the JSON library only for a value of an unusual type. */
  private static void writeJson(Change c, StringBuilder out) {
    int from = out.length();
    try {
      Views.changeView(c).writeJson(out, true);
    } catch (IllegalArgumentException e) {
      out.setLength(from);
      out.append(Views.change(c).put("event", Views.eventName(c)).encode());
    }
  }

  /** One event's JSON. */
  String json(Event e) {
    return serverSent.substring(e.jsonFrom(), e.jsonTo());
  }

  List<Event> events() {
    return events;
  }

  /**
   * The batch as one WebSocket message: {"changes": [{"event": ..., ...}, ...]}, with
   * {"snapshot": true} when it is the twin's whole state (a new follower's first, or a resync).
   */
  String webSocket() {
    String s = webSocket;
    if (s == null) {
      StringBuilder out = new StringBuilder(64 + serverSent.length()).append("{\"changes\":[");
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) out.append(',');
        Event e = events.get(i);
        out.append(serverSent, e.jsonFrom(), e.jsonTo());
      }
      out.append(']');
      if (snapshot) out.append(",\"snapshot\":true");
      webSocket = s = out.append('}').toString();
    }
    return s;
  }

  /** The batch as Server-Sent Events, every change; empty when there is none. */
  String serverSent() {
    return serverSent;
  }

  /**
   * The batch as Server-Sent Events in UTF-8, every change: encoded once for all followers (a
   * response writes a slice of it, so one buffer serves many).
   */
  Buffer serverSentBytes() {
    Buffer b = serverSentBytes;
    if (b == null) serverSentBytes = b = Buffer.buffer(serverSent.getBytes(StandardCharsets.UTF_8));
    return b;
  }

  /** The batch as Server-Sent Events, only the changes the follower wants. */
  String serverSent(Predicate<Event> wanted) {
    StringBuilder out = new StringBuilder(serverSent.length());
    for (Event e : events) {
      if (wanted.test(e)) out.append(serverSent, e.sseFrom(), e.sseTo());
    }
    return out.toString();
  }

  /** A problem told to a WebSocket follower: {"error": ..., "field": ...}. */
  static String error(String field, String message) {
    return new JsonObject().put("error", message).put("field", field).encode();
  }
}
