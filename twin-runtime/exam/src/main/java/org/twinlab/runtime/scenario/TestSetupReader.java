package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a submitted test set-up, {@code {probes: [{property, connection, address, sampling_ms, transform}, …]}}:
 * each probe is how the test tool reads one property from the rig, written as a binding is. Refuses
 * it with the probe and field at fault.
 */
final class TestSetupReader {
  static final int MAX_PROBES = 30;
  private static final List<String> PROBE_FIELDS = List.of("property", "connection", "address", "sampling_ms", "transform");

  private TestSetupReader() {}

  static List<Binding> read(Map<String, Object> fields, TwinModel model, StationNames names) {
    if (!(fields.get("probes") instanceof List<?> probes) || probes.isEmpty()) {
      throw TwinRequestException.invalid("probes", "a test set-up is a list of probes: {probes: [{property, connection, address, transform}]}");
    }
    if (probes.size() > MAX_PROBES) throw TwinRequestException.invalid("probes", "at most " + MAX_PROBES + " probes");
    // the check's result is recorded beside the action's fields: no field may pose as part of it
    for (String k : fields.keySet()) {
      if (!k.equals("probes")) throw TwinRequestException.invalid(k, "a test set-up has probes and nothing else");
    }
    List<Binding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < probes.size(); i++) {
      String at = "probes[" + i + "]";
      if (!(probes.get(i) instanceof Map<?, ?> p)) throw TwinRequestException.invalid(at, "a probe is a mapping");
      Map<String, Object> probe = new LinkedHashMap<>();
      for (var e : p.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (!PROBE_FIELDS.contains(k)) throw TwinRequestException.invalid(at + "." + k, "a probe has " + String.join(", ", PROBE_FIELDS));
        probe.put(k, e.getValue());
      }
      for (String k : List.of("property", "connection", "address")) {
        if (!(probe.get(k) instanceof String s) || s.isBlank()) throw TwinRequestException.invalid(at + "." + k, "required: a text");
      }
      String connection = (String) probe.get("connection");
      if (!names.protocols().containsKey(connection)) {
        throw TwinRequestException.invalid(at + ".connection", "'" + connection + "' is none of this station's connections: "
            + String.join(", ", names.protocols().keySet().stream().sorted().toList()));
      }
      if (!seen.add((String) probe.get("property"))) throw TwinRequestException.invalid(at + ".property", probe.get("property") + " is probed twice");
      try {
        out.add(BindingLoader.binding(at, probe, model, names.protocols()));
      } catch (InvalidInputException e) {
        throw TwinRequestException.invalid(at, e.getMessage());
      }
    }
    return out;
  }
}
