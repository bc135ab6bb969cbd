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
  private volatile Buffer wire;

  private FeedFrame(String serverSent, List<Event> events, boolean snapshot) {
    this.serverSent = serverSent;
    this.events = List.copyOf(events);
    this.snapshot = snapshot;
  }

  /** Version 1 of the frame's form between nodes: a header of the events, then the Server-Sent Events text in UTF-8. */
  private static final byte WIRE_VERSION = 1;

  /**
   * The frame as it crosses to another node: encoded once, whatever number of nodes it goes to,
   * and turned back into the same frame there without writing any JSON again ({@link #fromWire}).
   * A byte of version, a byte of snapshot, the events (name, property, their four offsets), then
   * the text; every length and offset a 4-byte integer.
   */
  Buffer wire() {
    Buffer w = wire;
    if (w != null) return w;
    Buffer text = serverSentBytes();
    w = Buffer.buffer(16 + events.size() * 40 + text.length());
    w.appendByte(WIRE_VERSION).appendByte((byte) (snapshot ? 1 : 0)).appendInt(events.size());
    for (Event e : events) {
      appendText(w, e.name());
      appendText(w, e.property());
      w.appendInt(e.jsonFrom()).appendInt(e.jsonTo()).appendInt(e.sseFrom()).appendInt(e.sseTo());
    }
    w.appendInt(text.length()).appendBuffer(text);
    wire = w;
    return w;
  }

  /**
   * A frame another node encoded with {@link #wire}: the text is decoded once, and its UTF-8 is the
   * same bytes every Server-Sent Events follower here is written.
   *
   * @throws IllegalArgumentException when the buffer is not a frame of this version
   */
  static FeedFrame fromWire(Buffer w) {
    try {
      if (w.getByte(0) != WIRE_VERSION) throw new IllegalArgumentException("a live-feed frame of version " + w.getByte(0) + ", expected " + WIRE_VERSION);
      boolean snapshot = w.getByte(1) == 1;
      int n = w.getInt(2);
      int[] at = {6};
      List<Event> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = readText(w, at);
        String property = readText(w, at);
        int p = at[0];
        events.add(new Event(name, property, w.getInt(p), w.getInt(p + 4), w.getInt(p + 8), w.getInt(p + 12)));
        at[0] = p + 16;
      }
      int length = w.getInt(at[0]);
      Buffer bytes = w.slice(at[0] + 4, at[0] + 4 + length);
      FeedFrame f = new FeedFrame(bytes.toString(StandardCharsets.UTF_8), events, snapshot);
      f.serverSentBytes = bytes;
      f.wire = w;
      return f;
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("a live-feed frame cut short at " + w.length() + " bytes", e);
    }
  }

  private static void appendText(Buffer w, String s) {
    if (s == null) {
      w.appendInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    w.appendInt(b.length).appendBytes(b);
  }

  private static String readText(Buffer w, int[] at) {
    int length = w.getInt(at[0]);
    at[0] += 4;
    if (length < 0) return null;
    String s = w.getString(at[0], at[0] + length, "UTF-8");
    at[0] += length;
    return s;
  }

  boolean snapshot() {
    return snapshot;
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
