package org.twinlab.models.condition;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

public record Or(Condition left, Condition right) implements Condition {
  @Override
  public boolean test(Function<String, Object> values) {
    return left.test(values) || right.test(values);
  }

  @Override
  public Set<String> properties() {
    Set<String> s = new HashSet<>(left.properties());
    s.addAll(right.properties());
    return Set.copyOf(s);
  }
}
