package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingWriter;

/**
 * A faulty variant of a rig's twin application, the kind of defect a good test suite catches: a
 * wrong scale, two signals swapped, an inverted bit, a stuck sensor, a wrong alarm threshold, a
 * slow update.
 *
 * @param kind wrong_scale, swapped_signals, inverted_bit, stuck_sensor, wrong_alarm_threshold or slow_update
 * @param property the property it spoils (the first of two for swapped signals)
 * @param other the second property of a swap, or the rig signal a stuck sensor sits on
 * @param factor the wrong scale factor, or the slow sampling interval in ms
 * @param alarmFrom the alarm condition's text that is replaced …
 * @param alarmTo … by this
 */
public record Mutant(String kind, String property, String other, double factor, String alarmFrom, String alarmTo) {

  public static final List<String> KINDS = List.of("wrong_scale", "swapped_signals", "inverted_bit", "stuck_sensor",
      "wrong_alarm_threshold", "slow_update");

  /** The variants graded for each rig model; a model without a bool property has no inverted bit. */
  public static List<Mutant> forModel(String model) {
    return switch (model) {
      case "tank-process" -> List.of(
          scale("tank.level", 0.1),
          swap("tank.temperature", "flow.rate"),
          invert("inlet_valve.open"),
          stuck("tank.level", "tank.level_raw"),
          threshold("tank.level > 450", "tank.level > 480"),
          slow("tank.level", 5000));
      case "conveyor-sorting" -> List.of(
          scale("belt.speed", 10),
          swap("sensors.inductive", "sensors.fibre"),
          invert("belt.running"),
          stuck("belt.speed", "belt.speed"),
          threshold("belt.speed > 0.5", "belt.speed > 0.7"),
          slow("belt.speed", 5000));
      case "motor-vibration" -> List.of(
          scale("motor.winding_temperature", 0.1),
          swap("vibration.rms_x", "vibration.rms_z"),
          stuck("vibration.rms_x", "vibration.rms_x"),
          threshold("vibration.rms_x > 4.5", "vibration.rms_x > 6.5"));
      default -> List.of();
    };
  }

  public String id() {
    return kind;
  }

  public String describe() {
    return switch (kind) {
      case "wrong_scale" -> property + " scaled by " + factor;
      case "swapped_signals" -> property + " and " + other + " swapped";
      case "inverted_bit" -> property + " inverted";
      case "stuck_sensor" -> property + " stuck at its first value";
      case "wrong_alarm_threshold" -> "alarm '" + alarmFrom + "' raised at '" + alarmTo + "'";
      default -> property + " sampled every " + (long) factor + " ms";
    };
  }

  /** The rig's model as this variant's twin application has it (only a wrong threshold changes it). */
  TwinModel model(TwinModel correct) throws InvalidInputException {
    if (!kind.equals("wrong_alarm_threshold")) return correct;
    String text = ModelLibrary.builtInSource(correct.id());
    if (!text.contains(alarmFrom)) throw new IllegalStateException(correct.id() + " has no alarm condition '" + alarmFrom + "'");
    return ModelLoader.load("models/" + correct.id() + ".yaml (" + describe() + ")", text.replace(alarmFrom, alarmTo));
  }

  /** This variant's bindings, made from the correct ones. */
  BindingSet bindings(BindingSet correct, TwinModel model, Map<String, String> protocols) throws InvalidInputException {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Map<String, Object> b : BindingWriter.toMaps(correct.bindings())) maps.add(new LinkedHashMap<>(b));
    Map<String, Object> target = find(maps, property).orElseThrow(() -> new IllegalStateException(property + " is not bound"));
    switch (kind) {
      case "wrong_scale" -> {
        Map<String, Object> t = transform(target);
        if (t.get("range") instanceof Map<?, ?> r) {
          List<?> value = (List<?>) r.get("value");
          t.put("range", Map.of("raw", r.get("raw"), "value",
              List.of(((Number) value.get(0)).doubleValue() * factor, ((Number) value.get(1)).doubleValue() * factor)));
        } else {
          t.put("scale", (t.get("scale") instanceof Number n ? n.doubleValue() : 1) * factor);
        }
      }
      case "swapped_signals" -> {
        Map<String, Object> second = find(maps, other).orElseThrow(() -> new IllegalStateException(other + " is not bound"));
        Object a = target.get("address");
        target.put("address", second.get("address"));
        second.put("address", a);
      }
      case "inverted_bit" -> {
        Map<String, Object> t = transform(target);
        t.put("invert", !Boolean.TRUE.equals(t.get("invert")));
      }
      case "slow_update" -> target.put("sampling_ms", factor);
      default -> { } // a stuck sensor and a wrong threshold leave the bindings alone
    }
    BindingSet loaded = BindingLoader.load("variant " + describe(), correct.twin(), model, maps, protocols);
    return new BindingSet(loaded.twin(), loaded.model(), loaded.bindings(), correct.commands());
  }

  /** The rig signal held at its first value, for a stuck sensor. */
  Optional<String> stuckSignal() {
    return kind.equals("stuck_sensor") ? Optional.of(other) : Optional.empty();
  }

  private static Optional<Map<String, Object>> find(List<Map<String, Object>> maps, String property) {
    return maps.stream().filter(m -> property.equals(m.get("property"))).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> transform(Map<String, Object> binding) {
    Object t = binding.get("transform");
    Map<String, Object> copy = t instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    binding.put("transform", copy);
    return copy;
  }

  private static Mutant scale(String p, double f) {
    return new Mutant("wrong_scale", p, "", f, "", "");
  }

  private static Mutant swap(String a, String b) {
    return new Mutant("swapped_signals", a, b, 0, "", "");
  }

  private static Mutant invert(String p) {
    return new Mutant("inverted_bit", p, "", 0, "", "");
  }

  private static Mutant stuck(String p, String signal) {
    return new Mutant("stuck_sensor", p, signal, 0, "", "");
  }

  private static Mutant threshold(String from, String to) {
    return new Mutant("wrong_alarm_threshold", from.substring(0, from.indexOf(' ')), "", 0, from, to);
  }

  private static Mutant slow(String p, double ms) {
    return new Mutant("slow_update", p, "", ms, "", "");
  }
}
