package org.twinlab.scenarios.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.PropertyType;
import org.twinlab.models.TwinModel;

/**
 * The test tools of a candidate going through the motions: a test set-up whose probes each read
 * another probe's signal, and a performance script that loads the twin lightly and accepts any
 * latency, so it passes every twin and catches no slow one.
 */
record ToolMotions(TwinModel model) {

  /** The reference's probes with the addresses passed round by one; a probe of its own when there are none. */
  Map<String, Object> crossedProbes(Map<String, Object> with) {
    List<Map<String, Object>> probes = new ArrayList<>();
    if (with.get("probes") instanceof List<?> given) {
      for (Object p : given) if (p instanceof Map<?, ?> m) probes.add(copy(m));
    }
    if (probes.isEmpty()) {
      probes.add(new LinkedHashMap<>(Map.of("property", model.properties().keySet().iterator().next(), "connection", "${plc}",
          "address", "nsu=urn:twinlab:plc;s=\"Test\".\"Probe\"")));
    }
    List<Object> addresses = probes.stream().map(p -> p.get("address")).toList();
    for (int i = 0; i < probes.size(); i++) probes.get(i).put("address", addresses.get((i + 1) % addresses.size()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("probes", probes);
    return out;
  }

  /** The reference's script, or one on the first writable number, at one write in five seconds with a minute's threshold. */
  Map<String, Object> lenientScript(Map<String, Object> with) {
    Map<String, Object> out = new LinkedHashMap<>(with);
    if (!out.containsKey("property")) {
      PropertyDef p = model.properties().values().stream()
          .filter(d -> d.writable() && d.range().isPresent() && (d.type() == PropertyType.DOUBLE || d.type() == PropertyType.INT))
          .findFirst().orElseThrow(() -> new IllegalStateException(model.id() + " has no writable number with a range"));
      out.put("property", p.path());
      out.put("values", List.of(p.range().get().min(), p.range().get().max()));
      out.put("metric", "max");
    }
    out.put("rate", 0.2);
    out.put("seconds", 60);
    out.put("threshold_ms", 60_000);
    return out;
  }

  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
