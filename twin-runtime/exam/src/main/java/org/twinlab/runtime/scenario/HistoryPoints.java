package org.twinlab.runtime.scenario;

import java.time.Instant;
import java.util.List;
import org.twinlab.runtime.history.StoredPoint;

/** A twin's recorded history of one property, as the graders of submitted test data read it. */
@FunctionalInterface
public interface HistoryPoints {
  /** The points of the property recorded in [from, to), oldest first. */
  List<StoredPoint> points(String property, Instant from, Instant to);
}
