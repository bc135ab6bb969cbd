package org.twinlab.runtime.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.connectors.Quality;

/**
 * The bytes of one chunk: a series' points ordered by (t, rt), compact enough that a chunk of ten
 * samples costs about as much to store as one row did.
 *
 * <p>Layout: a format byte, the point count (varint), then per point a header byte (bits 0–1 the
 * value: 0 none, 1 a double, 2 text; bits 2–3 the quality level; bit 4 a new quality reason
 * follows), t as a zigzag varint delta of deltas (the first point's t whole, the second's delta
 * from it, then each delta less the one before: 0 for a steady rate), rt − t as a zigzag varint
 * delta from the previous point's rt − t, the value (8 bytes big-endian, or a varint length and
 * UTF-8), the reason (varint length and UTF-8) only when it differs from the previous point's (the
 * first point's previous reason is ""). A rig's samples come at a steady rate and its receipt lag
 * varies little, so a regular 10 Hz sample takes 11–13 bytes.
 */
final class ChunkCodec {
  static final int FORMAT = 1;
  private static final int NONE = 0;
  private static final int NUMBER = 1;
  private static final int TEXT = 2;
  private static final int REASON = 0x10;
  private static final Quality.Level[] LEVELS = Quality.Level.values();

  private ChunkCodec() {}

  /** Encodes points already ordered by (t, rt). */
  static byte[] encode(List<ChunkPoint> points) {
    Bytes out = new Bytes(16 + points.size() * 13);
    out.put(FORMAT);
    out.varint(points.size());
    long prevT = 0;
    long prevDelta = 0;
    long prevLag = 0;
    String reason = "";
    boolean first = true;
    for (ChunkPoint p : points) {
      String r = p.quality().reason();
      boolean newReason = !r.equals(reason);
      int value = p.hasNumber() ? NUMBER : p.text() != null ? TEXT : NONE;
      out.put(value | p.quality().level().ordinal() << 2 | (newReason ? REASON : 0));
      long delta = p.t() - prevT;
      out.varint(zigzag(delta - prevDelta));
      long lag = p.rt() - p.t();
      out.varint(zigzag(lag - prevLag));
      if (value == NUMBER) out.putLong(Double.doubleToRawLongBits(p.number()));
      else if (value == TEXT) out.text(p.text());
      if (newReason) out.text(r);
      prevDelta = first ? 0 : delta; // the first point's t is no step of the series
      first = false;
      prevT = p.t();
      prevLag = lag;
      reason = r;
    }
    return out.toArray();
  }

  static List<ChunkPoint> decode(byte[] data) {
    Reader in = new Reader(data);
    int format = in.get();
    if (format != FORMAT) throw new IllegalArgumentException("a history chunk of format " + format + ", this store reads " + FORMAT);
    int n = (int) in.varint();
    List<ChunkPoint> out = new ArrayList<>(n);
    long t = 0;
    long delta = 0;
    long lag = 0;
    Quality quality = Quality.GOOD;
    String reason = "";
    for (int i = 0; i < n; i++) {
      int header = in.get();
      long step = delta + unzigzag(in.varint());
      t += step;
      delta = i == 0 ? 0 : step;
      lag += unzigzag(in.varint());
      int value = header & 3;
      double number = value == NUMBER ? Double.longBitsToDouble(in.getLong()) : 0;
      String text = value == TEXT ? in.text() : null;
      if ((header & REASON) != 0) reason = in.text();
      Quality.Level level = LEVELS[(header >> 2) & 3];
      // points of a chunk mostly share their quality: one instance for a run of them
      if (quality.level() != level || !quality.reason().equals(reason)) quality = new Quality(level, reason);
      out.add(new ChunkPoint(t, t + lag, value == NUMBER, number, text, quality));
    }
    if (in.pos != data.length) throw new IllegalArgumentException("a history chunk with " + (data.length - in.pos) + " bytes beyond its points");
    return out;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  /** A growing byte array: a chunk is built once and handed to SQLite whole. */
  private static final class Bytes {
    private byte[] b;
    private int n;

    Bytes(int capacity) {
      b = new byte[capacity];
    }

    void put(int v) {
      if (n == b.length) b = java.util.Arrays.copyOf(b, b.length * 2);
      b[n++] = (byte) v;
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        put((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      put((int) v);
    }

    void putLong(long v) {
      for (int s = 56; s >= 0; s -= 8) put((int) (v >>> s));
    }

    void text(String s) {
      byte[] u = s.getBytes(StandardCharsets.UTF_8);
      varint(u.length);
      for (byte x : u) put(x);
    }

    byte[] toArray() {
      return java.util.Arrays.copyOf(b, n);
    }
  }

  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    int get() {
      if (pos >= b.length) throw new IllegalArgumentException("a history chunk cut short at byte " + pos);
      return b[pos++] & 0xFF;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int x = get();
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) return v;
      }
      throw new IllegalArgumentException("a history chunk with a varint over 64 bits");
    }

    long getLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) v = v << 8 | get();
      return v;
    }

    String text() {
      long len = varint();
      if (len < 0 || len > b.length - pos) throw new IllegalArgumentException("a history chunk with a text beyond its end");
      String s = new String(b, pos, (int) len, StandardCharsets.UTF_8);
      pos += (int) len;
      return s;
    }
  }
}
