package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingWriter;

/**
 * An insecure variant of a rig's twin application, the kind of hole a security test script must
 * find: a property's range not enforced, a range wider than the plant allows, a read-only property
 * that takes writes. Each is the correct model with one line changed, so the same rules
 * ({@code TwinRules}) that guard the real twin let the bad request through.
 *
 * @param kind range_unchecked, range_widened or read_only_writable
 * @param property the property it leaves open
 * @param from the model's text that is replaced …
 * @param to … by this
 */
public record InsecureVariant(String kind, String property, String from, String to) {

  public static final List<String> KINDS = List.of("range_unchecked", "range_widened", "read_only_writable");

  /** The variants graded for each rig model. */
  public static List<InsecureVariant> forModel(String model) {
    return switch (model) {
      case "tank-process" -> List.of(
          new InsecureVariant("range_unchecked", "pid.setpoint",
              "{id: setpoint, type: double, unit: mm, range: [0, 500], writable: true",
              "{id: setpoint, type: double, unit: mm, writable: true"),
          new InsecureVariant("range_widened", "pid.manual_output",
              "{id: manual_output, type: double, unit: \"%\", range: [0, 100], writable: true",
              "{id: manual_output, type: double, unit: \"%\", range: [0, 120], writable: true"),
          new InsecureVariant("read_only_writable", "pump.speed",
              "{id: speed, type: double, unit: \"%\", range: [0, 100], period_ms: 200",
              "{id: speed, type: double, unit: \"%\", range: [0, 100], writable: true, period_ms: 200"));
      default -> List.of();
    };
  }

  public String describe() {
    return switch (kind) {
      case "range_unchecked" -> property + " takes writes outside its range";
      case "range_widened" -> property + " takes writes up to 20 % beyond its range";
      default -> property + " takes writes though it is read-only";
    };
  }

  /** The model as this variant's twin application has it. */
  TwinModel model(TwinModel correct) throws InvalidInputException {
    String text = ModelLibrary.builtInSource(correct.id());
    if (!text.contains(from)) throw new IllegalStateException(correct.id() + " has no '" + from + "'");
    return ModelLoader.load("models/" + correct.id() + ".yaml (" + describe() + ")", text.replace(from, to));
  }

  /** This variant's bindings: a read-only property made writable also writes back to the rig. */
  BindingSet bindings(BindingSet correct, TwinModel model, Map<String, String> protocols) throws InvalidInputException {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Map<String, Object> b : BindingWriter.toMaps(correct.bindings())) {
      Map<String, Object> m = new LinkedHashMap<>(b);
      if (kind.equals("read_only_writable") && property.equals(m.get("property"))) m.put("write", true);
      maps.add(m);
    }
    BindingSet loaded = BindingLoader.load("variant " + describe(), correct.twin(), model, maps, protocols);
    return new BindingSet(loaded.twin(), loaded.model(), loaded.bindings(), correct.commands());
  }
}
