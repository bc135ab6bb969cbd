package org.twinlab.models.condition;

import java.util.Set;
import java.util.function.Function;

public record Not(Condition inner) implements Condition {
  @Override
  public boolean test(Function<String, Object> values) {
    return !inner.test(values);
  }

  @Override
  public Set<String> properties() {
    return inner.properties();
  }
}
