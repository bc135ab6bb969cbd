package org.twinlab.wire;

import static org.twinlab.wire.Fields.EN;
import static org.twinlab.wire.Fields.ZH;

import java.util.Map;

/** A text of a model in English and Chinese: {@code {"en": "Tank", "zh": "水箱"}}. */
public record LocalizedView(String en, String zh) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(EN, en);
    m.put(ZH, zh);
    return m;
  }

  public static LocalizedView fromMap(Map<String, ?> m) {
    return new LocalizedView(Tree.string(m, EN), Tree.string(m, ZH));
  }

  static LocalizedView read(Map<String, ?> m, String field) {
    LocalizedView v = Tree.nested(m, field, LocalizedView::fromMap);
    return v == null ? new LocalizedView(null, null) : v;
  }
}
