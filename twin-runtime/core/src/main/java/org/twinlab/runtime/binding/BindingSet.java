package org.twinlab.runtime.binding;

import java.util.List;
import java.util.Optional;

/** All bindings of one twin. */
public record BindingSet(String twin, String model, List<Binding> bindings, List<CommandBinding> commands) {
  public BindingSet {
    bindings = List.copyOf(bindings);
    commands = List.copyOf(commands);
  }

  public BindingSet(String twin, String model, List<Binding> bindings) {
    this(twin, model, bindings, List.of());
  }

  public Optional<CommandBinding> forCommand(String command) {
    return commands.stream().filter(c -> c.command().equals(command)).findFirst();
  }

  /** The same twin with other property bindings; command bindings stay. */
  public BindingSet withBindings(List<Binding> next) {
    return new BindingSet(twin, model, next, commands);
  }

  public Optional<Binding> forProperty(String property) {
    return bindings.stream().filter(b -> b.property().equals(property)).findFirst();
  }
}
