package org.twinlab.runtime.binding;

import java.util.Optional;

/**
 * How a raw signal value becomes a property value, applied in this order: bit of a word, invert
 * (booleans), linear range mapping or scale and offset, unit conversion, clamp. The deadband is
 * applied by the binding against the last value it passed on. Writes run the same steps backwards
 * where they can be undone ({@link #toRaw}; not through a bit or a clamp).
 *
 * @param range raw [from0, from1] mapped linearly to [to0, to1], e.g. S7 analog 0..27648 to 0..500 mm
 */
public record Transform(
    Optional<Integer> bit,
    boolean invert,
    Optional<double[]> range,
    double scale,
    double offset,
    Optional<String> unitFrom,
    Optional<String> unitTo,
    Optional<double[]> clamp,
    double deadband) {

  public static final Transform IDENTITY =
      new Transform(Optional.empty(), false, Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0);

  /** The property value for a raw value, or an error saying why the raw value does not fit. */
  public Result apply(Object raw) {
    Object v = raw;
    if (bit.isPresent()) {
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) return Result.error("bit " + bit.get() + " of a non-integer " + v);
      v = ((n.longValue() >> bit.get()) & 1) == 1;
    }
    if (invert) {
      if (!(v instanceof Boolean b)) return Result.error("cannot invert " + v + ": not a boolean");
      v = !b;
    }
    if (!(v instanceof Number n) || isIdentityNumeric()) return Result.of(v);
    double x = n.doubleValue();
    if (range.isPresent()) {
      double[] r = range.get();
      x = r[2] + (x - r[0]) * (r[3] - r[2]) / (r[1] - r[0]);
    }
    x = x * scale + offset;
    if (unitFrom.isPresent()) x = Units.conversion(unitFrom.get(), unitTo.get()).orElseThrow().applyAsDouble(x);
    if (clamp.isPresent()) x = Math.max(clamp.get()[0], Math.min(clamp.get()[1], x));
    return Result.of(x);
  }

  /** The raw value to write for a property value: the inverse of {@link #apply}. */
  public Result toRaw(Object value) {
    if (bit.isPresent()) return Result.error("writing through a bit of a word is not supported: bind the whole word");
    Object v = value;
    if (invert) {
      if (!(v instanceof Boolean b)) return Result.error("cannot invert " + v + ": not a boolean");
      return Result.of(!b);
    }
    if (!(v instanceof Number n) || isIdentityNumeric()) return Result.of(v);
    double x = n.doubleValue();
    if (unitFrom.isPresent()) x = Units.conversion(unitTo.get(), unitFrom.get()).orElseThrow().applyAsDouble(x);
    x = (x - offset) / scale;
    if (range.isPresent()) {
      double[] r = range.get();
      x = r[0] + (x - r[2]) * (r[1] - r[0]) / (r[3] - r[2]);
    }
    return Result.of(x);
  }

  /** Whether a new value differs from the last one passed on by more than the deadband. */
  public boolean passes(Object previous, Object next) {
    if (deadband <= 0 || !(previous instanceof Number p) || !(next instanceof Number n)) return true;
    return Math.abs(n.doubleValue() - p.doubleValue()) > deadband;
  }

  private boolean isIdentityNumeric() {
    return range.isEmpty() && scale == 1 && offset == 0 && unitFrom.isEmpty() && clamp.isEmpty();
  }

  /** A transformed value, or why the input could not be transformed. */
  public record Result(Object value, String error) {
    static Result of(Object v) {
      return new Result(v, null);
    }

    static Result error(String why) {
      return new Result(null, why);
    }

    public boolean ok() {
      return error == null;
    }
  }

}
