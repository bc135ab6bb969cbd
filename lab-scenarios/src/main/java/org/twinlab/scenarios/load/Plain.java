package org.twinlab.scenarios.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlValue;

/** A YAML node as plain Java values: maps, lists, and the scalars their tags say. */
final class Plain {
  private Plain() {}

  static Object of(YamlValue v, Problems problems) {
    if (v.text().isPresent()) return v.asScalar(problems);
    Problems probe = new Problems();
    var map = v.asMap(probe);
    if (map.isPresent()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : map.get().keys()) out.put(key, map.get().get(key).map(x -> of(x, problems)).orElse(null));
      return out;
    }
    List<Object> out = new ArrayList<>();
    for (YamlValue item : v.asList(problems)) out.add(of(item, problems));
    return out;
  }
}
