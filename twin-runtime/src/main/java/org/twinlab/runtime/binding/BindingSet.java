package org.twinlab.runtime.binding;

import java.util.List;
import java.util.Optional;

/** All bindings of one twin. */
public record BindingSet(String twin, String model, List<Binding> bindings) {
  public BindingSet {
    bindings = List.copyOf(bindings);
  }

  public Optional<Binding> forProperty(String property) {
    return bindings.stream().filter(b -> b.property().equals(property)).findFirst();
  }
}
