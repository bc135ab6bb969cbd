package org.twinlab.runtime.history;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.twinlab.connectors.Quality;

/**
 * History points held as columns of primitives, a batch of one twin's changes to one block.
 *
 * <p>Points wait in the writer's queue for up to two seconds, some 130,000 of them at a full lab's
 * rate. As records (each with its boxed value and two instants) they were the live set every young
 * collection copied, which set the length of the collector's pauses and so the live feed's latency
 * tail. A block is a handful of arrays whatever its size: {@link #get} builds a point when one is
 * asked for, and the embedded store reads the columns without building any ({@link #timeMicros},
 * {@link #number}).
 *
 * <p>Filled by one thread ({@link #add}), then handed over and only read; {@link #subList} shares
 * the columns.
 */
public final class HistoryBlock extends AbstractList<HistoryPoint> implements RandomAccess {
  private static final byte NONE = 0;
  private static final byte DOUBLE = 1;
  private static final byte LONG = 2;
  private static final byte BOOLEAN = 3;
  private static final byte OBJECT = 4;

  private final Columns columns;
  private final int from;
  private final int to;

  /** The arrays behind a block and its sub-lists; {@code size} grows only while it is filled. */
  private static final class Columns {
    final SeriesKey[] series;
    final long[] timeSeconds;
    final int[] timeNanos;
    final long[] receivedSeconds;
    final int[] receivedNanos;
    final long[] valueBits;
    final byte[] valueTags;
    final Quality[] qualities; // mostly the one GOOD, shared
    Object[] objects; // only for values that are not a number or a boolean (texts), made when the first comes
    int size;

    Columns(int capacity) {
      series = new SeriesKey[capacity];
      timeSeconds = new long[capacity];
      timeNanos = new int[capacity];
      receivedSeconds = new long[capacity];
      receivedNanos = new int[capacity];
      valueBits = new long[capacity];
      valueTags = new byte[capacity];
      qualities = new Quality[capacity];
    }
  }

  private HistoryBlock(Columns columns, int from, int to) {
    this.columns = columns;
    this.from = from;
    this.to = to;
  }

  /** An empty block with room for {@code capacity} points, to fill with {@link #add}. */
  public static Builder withRoom(int capacity) {
    return new Builder(new Columns(capacity));
  }

  /** Fills a block; {@link #build} hands it over. */
  public static final class Builder {
    private final Columns c;

    private Builder(Columns c) {
      this.c = c;
    }

    public Builder add(SeriesKey series, Object value, Quality quality, Instant time, Instant receivedTime) {
      int i = c.size;
      if (i == c.series.length) throw new IllegalStateException("the block is full at " + i + " points");
      c.series[i] = Objects.requireNonNull(series, "series");
      c.qualities[i] = Objects.requireNonNull(quality, "quality");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(receivedTime, "receivedTime");
      c.timeSeconds[i] = time.getEpochSecond();
      c.timeNanos[i] = time.getNano();
      c.receivedSeconds[i] = receivedTime.getEpochSecond();
      c.receivedNanos[i] = receivedTime.getNano();
      if (value == null) {
        c.valueTags[i] = NONE;
      } else if (value instanceof Double d) {
        c.valueTags[i] = DOUBLE;
        c.valueBits[i] = Double.doubleToRawLongBits(d);
      } else if (value instanceof Long l) {
        c.valueTags[i] = LONG;
        c.valueBits[i] = l;
      } else if (value instanceof Boolean b) {
        c.valueTags[i] = BOOLEAN;
        c.valueBits[i] = b ? 1 : 0;
      } else {
        if (c.objects == null) c.objects = new Object[c.series.length];
        c.valueTags[i] = OBJECT;
        c.objects[i] = value;
      }
      c.size = i + 1;
      return this;
    }

    public int size() {
      return c.size;
    }

    public HistoryBlock build() {
      return new HistoryBlock(c, 0, c.size);
    }
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public HistoryPoint get(int index) {
    int i = at(index);
    return new HistoryPoint(columns.series[i], valueAt(i), columns.qualities[i],
        Instant.ofEpochSecond(columns.timeSeconds[i], columns.timeNanos[i]),
        Instant.ofEpochSecond(columns.receivedSeconds[i], columns.receivedNanos[i]));
  }

  @Override
  public HistoryBlock subList(int fromIndex, int toIndex) {
    Objects.checkFromToIndex(fromIndex, toIndex, size());
    return new HistoryBlock(columns, from + fromIndex, from + toIndex);
  }

  public SeriesKey series(int index) {
    return columns.series[at(index)];
  }

  public Quality quality(int index) {
    return columns.qualities[at(index)];
  }

  /** When the point's state began, in microseconds since the epoch (the resolution history keeps). */
  public long timeMicros(int index) {
    int i = at(index);
    return micros(columns.timeSeconds[i], columns.timeNanos[i]);
  }

  public long receivedMicros(int index) {
    int i = at(index);
    return micros(columns.receivedSeconds[i], columns.receivedNanos[i]);
  }

  /** Whether the value is a number or a boolean, which {@link #number} gives without boxing. */
  public boolean hasNumber(int index) {
    byte tag = columns.valueTags[at(index)];
    return tag == DOUBLE || tag == LONG || tag == BOOLEAN;
  }

  /** The value as a double: booleans as 0 and 1; only when {@link #hasNumber}. */
  public double number(int index) {
    int i = at(index);
    long bits = columns.valueBits[i];
    return switch (columns.valueTags[i]) {
      case DOUBLE -> Double.longBitsToDouble(bits);
      case LONG, BOOLEAN -> (double) bits;
      default -> throw new IllegalStateException("point " + index + " has no number");
    };
  }

  /** The value as it was added: a Double, Long, Boolean, String or null. */
  public Object value(int index) {
    return valueAt(at(index));
  }

  private Object valueAt(int i) {
    long bits = columns.valueBits[i];
    return switch (columns.valueTags[i]) {
      case DOUBLE -> Double.longBitsToDouble(bits);
      case LONG -> bits;
      case BOOLEAN -> bits != 0;
      case OBJECT -> columns.objects[i];
      default -> null;
    };
  }

  private int at(int index) {
    Objects.checkIndex(index, size());
    return from + index;
  }

  private static long micros(long seconds, int nanos) {
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1_000);
  }

  /** The points as blocks where they are blocks, so a reader can take their columns. */
  static List<List<HistoryPoint>> parts(List<HistoryPoint> points) {
    return points instanceof JoinedPoints j ? j.parts() : List.of(points);
  }
}
