package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.twinlab.runtime.twin.Change;

/**
 * One batch of a twin's changes (or its whole state) encoded to JSON once, whatever number of
 * followers it goes to: each change is encoded a single time, and the WebSocket message and the
 * Server-Sent Events are put together from those same strings.
 */
final class FeedFrame {
  /** One encoded change: its event name, the property it is about (none for alarms and lifecycle), and its JSON. */
  record Event(String name, String property, String json) {
    void appendServerSent(StringBuilder out) {
      out.append("event: ").append(name).append("\ndata: ").append(json).append("\n\n");
    }
  }

  private final List<Event> events;
  private final boolean snapshot;
  // put together on first use; two followers asking at once at worst join the same strings twice
  private volatile String webSocket;
  private volatile String serverSent;

  private FeedFrame(List<Event> events, boolean snapshot) {
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
    StringBuilder json = new StringBuilder(256);
    for (Change c : changes) {
      String name = Views.eventName(c);
      String property = c instanceof Change.PropertyChanged p ? p.state().property() : null;
      json.setLength(0);
      out.add(new Event(name, property, json(c, json)));
    }
    return new FeedFrame(out, snapshot);
  }

  /** The change with its event name, written straight to text; through the JSON library only for a value of an unusual type. */
  private static String json(Change c, StringBuilder json) {
    try {
      Views.changeView(c).writeJson(json, true);
      return json.toString();
    } catch (IllegalArgumentException e) {
      return Views.change(c).put("event", Views.eventName(c)).encode();
    }
  }

  /**
   * The batch as one WebSocket message: {"changes": [{"event": ..., ...}, ...]}, with
   * {"snapshot": true} when it is the twin's whole state (a new follower's first, or a resync).
   */
  String webSocket() {
    String s = webSocket;
    if (s == null) {
      StringBuilder out = new StringBuilder(64 + events.size() * 160).append("{\"changes\":[");
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) out.append(',');
        out.append(events.get(i).json());
      }
      out.append(']');
      if (snapshot) out.append(",\"snapshot\":true");
      webSocket = s = out.append('}').toString();
    }
    return s;
  }

  /** The batch as Server-Sent Events, every change; empty when there is none. */
  String serverSent() {
    String s = serverSent;
    if (s == null) serverSent = s = serverSent(e -> true);
    return s;
  }

  /** The batch as Server-Sent Events, only the changes the follower wants. */
  String serverSent(Predicate<Event> wanted) {
    StringBuilder out = new StringBuilder(events.size() * 180);
    for (Event e : events) {
      if (wanted.test(e)) e.appendServerSent(out);
    }
    return out.toString();
  }

  /** A problem told to a WebSocket follower: {"error": ..., "field": ...}. */
  static String error(String field, String message) {
    return new JsonObject().put("error", message).put("field", field).encode();
  }
}
