package org.twinlab.runtime.twin;

import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.CommandBinding;
import org.twinlab.runtime.binding.SignalRef;
import org.twinlab.runtime.binding.Transform;

/**
 * What a twin accepts of a request, wherever it runs (a verticle on the live runtime, a simulated
 * station on virtual time): the same checks, the same refusals.
 */
public final class TwinRules {
  private TwinRules() {}

  /** Where a write goes on the rig, and the raw value to send. */
  public record RawWrite(SignalRef target, Object raw) {}

  /** Refuses a lifecycle move a twin cannot make (standard clause L5 3.1.3). */
  public static void checkMove(Lifecycle from, Lifecycle target) {
    if (target == Lifecycle.LOADED) throw TwinRequestException.invalid("lifecycle", "a twin cannot go back to LOADED");
    if (target == Lifecycle.PAUSED && from != Lifecycle.RUNNING && from != Lifecycle.PAUSED) {
      throw TwinRequestException.conflict("lifecycle", "only a running twin can pause (it is " + from + ")");
    }
  }

  /** Checks a property write against the model, the lifecycle and the binding, and turns the value raw. */
  public static RawWrite write(TwinModel model, Lifecycle lifecycle, BindingSet bindings, String property, Object value) {
    PropertyDef def = model.property(property)
        .orElseThrow(() -> TwinRequestException.notFound("property", "the " + model.id() + " model has no property '" + property + "'"));
    if (!def.writable()) throw TwinRequestException.conflict("property", property + " is read-only in its model");
    requireRunning(lifecycle);
    if (value == null || !def.fitsType(value)) throw TwinRequestException.invalid("value", "'" + value + "' is not a " + def.type().label());
    if (value instanceof Number n && def.range().isPresent() && !def.range().get().contains(n.doubleValue())) {
      throw TwinRequestException.invalid("value", value + " is outside " + def.range().get().min() + ".." + def.range().get().max());
    }
    Binding b = bindings.forProperty(property)
        .orElseThrow(() -> TwinRequestException.conflict("property", property + " is not bound to a signal"));
    SignalRef target = b.writeTo()
        .orElseThrow(() -> TwinRequestException.conflict("property", "the binding of " + property + " does not write back"));
    Transform.Result raw = b.transform().toRaw(value);
    if (!raw.ok()) throw TwinRequestException.invalid("value", raw.error());
    return new RawWrite(target, raw.value());
  }

  /** Checks a model command and finds the signal it is bound to. */
  public static CommandBinding command(TwinModel model, Lifecycle lifecycle, BindingSet bindings, String command) {
    if (model.command(command).isEmpty()) {
      throw TwinRequestException.notFound("command", "the " + model.id() + " model has no command '" + command + "'");
    }
    requireRunning(lifecycle);
    return bindings.forCommand(command)
        .orElseThrow(() -> TwinRequestException.conflict("command", command + " is not bound to a signal"));
  }

  /** Checks that an alarm exists in the model before it is acknowledged. */
  public static void checkAlarm(TwinModel model, String alarm) {
    if (model.alarms().stream().noneMatch(a -> a.id().equals(alarm))) {
      throw TwinRequestException.notFound("alarm", "the " + model.id() + " model has no alarm '" + alarm + "'");
    }
  }

  public static TwinRequestException notWaiting(String alarm) {
    return TwinRequestException.conflict("alarm", "alarm '" + alarm + "' is not waiting for acknowledgement");
  }

  private static void requireRunning(Lifecycle lifecycle) {
    if (lifecycle != Lifecycle.RUNNING) {
      throw TwinRequestException.conflict("lifecycle", "the twin is " + lifecycle + ": writes need it RUNNING");
    }
  }
}
