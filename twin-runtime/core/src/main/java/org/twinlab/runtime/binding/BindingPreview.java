package org.twinlab.runtime.binding;

import java.util.Optional;

/**
 * What an edited binding would show now, worked out from the property's current reading: the raw
 * value is recovered through the binding in force, then mapped through the edited one. It needs the
 * same signal; for another address the value shows once the binding is saved.
 *
 * @param raw the signal's raw value now, or null when it cannot be known
 * @param value the value the edited binding maps it to, or null
 * @param note why there is no value, or what it is based on
 */
public record BindingPreview(Object raw, Object value, String note) {

  public static BindingPreview of(Binding edited, Optional<Binding> inForce, Object currentValue) {
    if (inForce.isEmpty()) return new BindingPreview(null, null, "the property is not bound yet: save to see its value");
    Binding now = inForce.get();
    if (!now.source().connection().equals(edited.source().connection()) || !now.source().address().equals(edited.source().address())) {
      return new BindingPreview(null, null, "another signal than the binding in force: save to see its value");
    }
    if (currentValue == null) return new BindingPreview(null, null, "no reading yet");
    Transform.Result raw = now.transform().toRaw(currentValue);
    if (!raw.ok()) return new BindingPreview(null, null, "the raw value cannot be recovered: " + raw.error());
    Transform.Result mapped = edited.transform().apply(raw.value());
    return mapped.ok() ? new BindingPreview(raw.value(), mapped.value(), "from the current reading")
        : new BindingPreview(raw.value(), null, mapped.error());
  }
}
