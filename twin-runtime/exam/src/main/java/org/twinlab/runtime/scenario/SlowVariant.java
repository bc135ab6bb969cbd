package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingWriter;

/**
 * A slow variant of a twin application, the kind of defect a performance test script catches:
 * every sample reaching the twin late (a congested link, a busy gateway), or every signal sampled
 * far less often than the sound application does.
 *
 * @param kind added_latency or throttled_sampling
 * @param ms the latency added, or the sampling interval every binding gets
 */
public record SlowVariant(String kind, long ms) {

  public static final List<String> KINDS = List.of("added_latency", "throttled_sampling");

  /** The variants every rig's application is graded against. */
  public static List<SlowVariant> all() {
    return List.of(new SlowVariant("added_latency", 1500), new SlowVariant("throttled_sampling", 2000));
  }

  public String describe() {
    return kind.equals("added_latency") ? "every sample reaches the twin " + ms + " ms late" : "every signal sampled every " + ms + " ms";
  }

  /** How long a sample waits before the twin gets it. */
  long delayMs() {
    return kind.equals("added_latency") ? ms : 0;
  }

  /** This variant's bindings, made from the sound ones. */
  BindingSet bindings(BindingSet sound, TwinModel model, Map<String, String> protocols) throws InvalidInputException {
    if (!kind.equals("throttled_sampling")) return sound;
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Map<String, Object> b : BindingWriter.toMaps(sound.bindings())) {
      Map<String, Object> m = new LinkedHashMap<>(b);
      m.put("sampling_ms", ms);
      maps.add(m);
    }
    BindingSet loaded = BindingLoader.load("variant " + describe(), sound.twin(), model, maps, protocols);
    return new BindingSet(loaded.twin(), loaded.model(), loaded.bindings(), sound.commands());
  }
}
