package org.twinlab.runtime.history;

import org.twinlab.connectors.Quality;

/**
 * One point as a chunk of the embedded store holds it: times in microseconds since the epoch, the
 * value as the number or the text the store keeps for its kind (see {@link ValueKind}).
 *
 * @param hasNumber whether {@code number} is the value (false: text, or no value when text is null)
 * @param text the value of a text property, or null
 */
record ChunkPoint(long t, long rt, boolean hasNumber, double number, String text, Quality quality) {

  /** The point a store keeps for a history point: numbers and booleans as numbers, text as text. */
  static ChunkPoint of(HistoryPoint p) {
    long t = Micros.of(p.time());
    long rt = Micros.of(p.receivedTime());
    ValueKind kind = p.kind();
    Object v = p.value();
    if (kind == ValueKind.TEXT) return new ChunkPoint(t, rt, false, 0, v == null ? null : v.toString(), p.quality());
    if (v instanceof Number n) return new ChunkPoint(t, rt, true, n.doubleValue(), null, p.quality());
    if (v instanceof Boolean b) return new ChunkPoint(t, rt, true, b ? 1.0 : 0.0, null, p.quality());
    return new ChunkPoint(t, rt, false, 0, null, p.quality());
  }

  /** The same for a point of a block, read from its columns. */
  static ChunkPoint of(HistoryBlock b, int i) {
    long t = b.timeMicros(i);
    long rt = b.receivedMicros(i);
    if (b.series(i).kind() == ValueKind.TEXT) {
      Object v = b.value(i);
      return new ChunkPoint(t, rt, false, 0, v == null ? null : v.toString(), b.quality(i));
    }
    if (b.hasNumber(i)) return new ChunkPoint(t, rt, true, b.number(i), null, b.quality(i));
    Object v = b.value(i);
    if (v instanceof Number n) return new ChunkPoint(t, rt, true, n.doubleValue(), null, b.quality(i));
    return new ChunkPoint(t, rt, false, 0, null, b.quality(i));
  }

  /** The same place in a series: the store keeps one point per (t, rt), the one written last. */
  boolean samePlace(ChunkPoint o) {
    return t == o.t && rt == o.rt;
  }

  /** Orders by t, then rt: the order answers come in. */
  static int compare(ChunkPoint a, ChunkPoint b) {
    int c = Long.compare(a.t, b.t);
    return c != 0 ? c : Long.compare(a.rt, b.rt);
  }

  /** The value read back as the series' kind. */
  Object value(ValueKind kind) {
    return kind.fromStored(hasNumber ? number : null, text);
  }
}
