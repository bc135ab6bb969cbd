package org.twinlab.runtime.binding;

import java.util.Optional;
import java.util.function.Function;

/**
 * What an edited binding would show now, worked out from a current reading: the raw value is
 * recovered through the binding in force on the same signal, then mapped through the edited one.
 * The signal is the property's own, or, when the edit moves the property to another address, the
 * signal another property of the twin is bound to (so moving an address shows its value before
 * saving). A signal no binding of the twin reads shows its value once the binding is saved.
 *
 * @param raw the signal's raw value now, or null when it cannot be known
 * @param value the value the edited binding maps it to, or null
 * @param note why there is no value, or what it is based on
 */
public record BindingPreview(Object raw, Object value, String note) {

  /**
   * @param inForce the bindings in force on the twin
   * @param valueOf the current value of a property of the twin, or null
   */
  public static BindingPreview of(Binding edited, BindingSet inForce, Function<String, Object> valueOf) {
    Optional<Binding> own = inForce.forProperty(edited.property()).filter(b -> sameSignal(b, edited));
    Optional<Binding> reading = own.isPresent() ? own
        : inForce.bindings().stream().filter(b -> sameSignal(b, edited)).findFirst();
    if (reading.isEmpty()) {
      String why = inForce.forProperty(edited.property()).isEmpty() ? "the property is not bound yet" : "no binding of this twin reads that signal";
      return new BindingPreview(null, null, why + ": save to see its value");
    }
    Binding now = reading.get();
    Object currentValue = valueOf.apply(now.property());
    if (currentValue == null) return new BindingPreview(null, null, "no reading yet");
    Transform.Result raw = now.transform().toRaw(currentValue);
    if (!raw.ok()) return new BindingPreview(null, null, "the raw value cannot be recovered: " + raw.error());
    Transform.Result mapped = edited.transform().apply(raw.value());
    String basis = own.isPresent() ? "from the current reading" : "from the current reading of the signal " + now.property() + " is bound to";
    return mapped.ok() ? new BindingPreview(raw.value(), mapped.value(), basis) : new BindingPreview(raw.value(), null, mapped.error());
  }

  private static boolean sameSignal(Binding a, Binding b) {
    return a.source().connection().equals(b.source().connection()) && a.source().address().equals(b.source().address());
  }
}
