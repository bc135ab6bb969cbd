package org.twinlab.scenarios.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's fields as event attributes, which checks match by name: nested fields by dotted path
 * ({@code transform.scale}), lists joined with commas, plus who acted and what the action produced.
 */
final class EventAttributes {
  private EventAttributes() {}

  static Map<String, String> of(String who, Map<String, Object> fields, Map<String, String> result) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", fields, out);
    out.putAll(result);
    out.put("who", who);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
    map.forEach((k, v) -> {
      String key = prefix + k;
      if (v instanceof Map<?, ?> m) {
        flatten(key + ".", m, out);
      } else if (v instanceof List<?> l) {
        out.put(key, String.join(",", l.stream().map(EventAttributes::text).toList()));
      } else if (v != null) {
        out.put(key, text(v));
      }
    });
  }

  private static String text(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return Long.toString(d.longValue());
    return String.valueOf(v);
  }
}
