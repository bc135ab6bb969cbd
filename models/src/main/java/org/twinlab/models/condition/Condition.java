package org.twinlab.models.condition;

import java.util.Set;
import java.util.function.Function;

/** A boolean expression over twin properties, e.g. {@code tank.level > 450 and not pump.running}. */
public sealed interface Condition permits Comparison, PropertyIsTrue, And, Or, Not {

  /**
   * Evaluates against current values; a property with no value makes its comparison false, so
   * an alarm never fires on missing data (staleness is reported separately).
   */
  boolean test(Function<String, Object> values);

  /** The property paths this condition reads. */
  Set<String> properties();
}
