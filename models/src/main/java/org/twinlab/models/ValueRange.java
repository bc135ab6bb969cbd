package org.twinlab.models;

/** The engineering range of a numeric property, inclusive at both ends. */
public record ValueRange(double min, double max) {
  public ValueRange {
    if (!(min < max)) {
      throw new IllegalArgumentException("range min " + min + " must be below max " + max);
    }
  }

  public boolean contains(double v) {
    return v >= min && v <= max;
  }

  public double span() {
    return max - min;
  }

  /** Where v lies in the range, 0 at min and 1 at max, clamped. */
  public double fraction(double v) {
    return Math.max(0, Math.min(1, (v - min) / span()));
  }
}
