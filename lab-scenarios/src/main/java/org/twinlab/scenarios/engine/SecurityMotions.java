package org.twinlab.scenarios.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;

/**
 * The security script of a candidate going through the motions: one case that a legal write is
 * accepted, which passes on every twin and so finds no hole.
 */
record SecurityMotions(TwinModel model) {

  Map<String, Object> legalWrite() {
    PropertyDef p = model.properties().values().stream().filter(d -> d.writable() && d.range().isPresent()).findFirst()
        .orElseThrow(() -> new IllegalStateException(model.id() + " has no writable property with a range"));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "a legal write is taken");
    c.put("write", Map.of("property", p.path(), "value", p.range().get().min()));
    c.put("expect", "accepted");
    return c;
  }
}
