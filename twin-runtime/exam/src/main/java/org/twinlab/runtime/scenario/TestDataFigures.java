package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.ValueRange;
import org.twinlab.runtime.history.StoredPoint;

/**
 * The true figures of a property's recorded points in a window, extracted and cleaned by one rule:
 * a point is out of range when its value lies outside the model's range, unknown when it has no
 * value or its quality is not GOOD for another reason (a failed reading, a STALE mark), and clean
 * otherwise. Min, max and mean are of the clean points; a frequency table counts the clean points
 * per class [b0, b1), [b1, b2), … with the last class closed [bn-1, bn].
 *
 * @param mean null when no point is clean, like min and max
 */
public record TestDataFigures(long samples, long unknown, long outOfRange, Double min, Double max, Double mean, List<Double> clean) {
  /** The scalar figures a submission may give, in the order they are judged. */
  public static final List<String> SCALARS = List.of("samples", "unknown", "out_of_range", "min", "max", "mean");
  /** Which of them are counts of points. */
  public static final List<String> COUNTS = List.of("samples", "unknown", "out_of_range");

  public TestDataFigures {
    clean = List.copyOf(clean);
  }

  public static TestDataFigures of(List<StoredPoint> points, PropertyDef def) {
    Optional<ValueRange> range = def.range();
    long unknown = 0;
    long outOfRange = 0;
    List<Double> clean = new ArrayList<>();
    for (StoredPoint p : points) {
      if (p.value() instanceof Number n && range.isPresent() && !range.get().contains(n.doubleValue())) {
        outOfRange++;
      } else if (p.value() instanceof Number n && p.quality().isGood()) {
        clean.add(n.doubleValue());
      } else {
        unknown++;
      }
    }
    Double min = clean.stream().min(Double::compare).orElse(null);
    Double max = clean.stream().max(Double::compare).orElse(null);
    Double mean = clean.isEmpty() ? null : clean.stream().mapToDouble(Double::doubleValue).sum() / clean.size();
    return new TestDataFigures(points.size(), unknown, outOfRange, min, max, mean, clean);
  }

  /** A scalar figure by its name in {@link #SCALARS}; null when it has none (no clean point). */
  public Double figure(String name) {
    return switch (name) {
      case "samples" -> (double) samples;
      case "unknown" -> (double) unknown;
      case "out_of_range" -> (double) outOfRange;
      case "min" -> min;
      case "max" -> max;
      case "mean" -> mean;
      default -> throw new IllegalArgumentException("no figure " + name);
    };
  }

  /** The clean points per class between the bounds; points outside all classes are in none. */
  public List<Long> classCounts(List<Double> bounds) {
    long[] counts = new long[Math.max(0, bounds.size() - 1)];
    for (double v : clean) {
      for (int i = 0; i < counts.length; i++) {
        boolean last = i == counts.length - 1;
        if (v >= bounds.get(i) && (v < bounds.get(i + 1) || last && v == bounds.get(i + 1))) {
          counts[i]++;
          break;
        }
      }
    }
    List<Long> out = new ArrayList<>();
    for (long c : counts) out.add(c);
    return out;
  }

  /** Whether the window holds points that cleaning must reject. */
  public boolean dirty() {
    return unknown + outOfRange > 0;
  }
}
