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

  /** Plain values, never null: a key or item without a value is a problem reported at its place. */
  static Object of(YamlValue v, Problems problems) {
    if (v.isNull()) {
      v.problem(problems, "a value is missing here");
      return "";
    }
    if (v.text().isPresent()) return v.asScalar(problems);
    Problems probe = new Problems();
    var map = v.asMap(probe);
    if (map.isPresent()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : map.get().keys()) {
        YamlValue x = map.get().node(key).orElseThrow();
        if (x.isNull()) {
          // most often a comma inside unquoted text of a {…} mapping, which starts a new key
          x.problem(problems, "'" + key + "' has no value; if it is part of a text with a comma, put the text in quotes");
        } else {
          out.put(key, of(x, problems));
        }
      }
      return out;
    }
    List<Object> out = new ArrayList<>();
    for (YamlValue item : v.asList(problems)) out.add(of(item, problems));
    return out;
  }
}
