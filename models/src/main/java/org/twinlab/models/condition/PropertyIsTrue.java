package org.twinlab.models.condition;

import java.util.Set;
import java.util.function.Function;

/** A bare boolean property used as a condition, e.g. {@code buttons.estop}. */
public record PropertyIsTrue(String property) implements Condition {
  @Override
  public boolean test(Function<String, Object> values) {
    return Boolean.TRUE.equals(values.apply(property));
  }

  @Override
  public Set<String> properties() {
    return Set.of(property);
  }
}
