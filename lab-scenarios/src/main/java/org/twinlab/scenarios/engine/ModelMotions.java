package org.twinlab.scenarios.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.RigKind;
import org.twinlab.models.TwinModel;

/**
 * The motions of model work without its substance: a model file that loads but describes nothing of
 * the rig, a mapping test whose one case tolerates any difference, parameter readings made up
 * rather than read off the twin.
 */
final class ModelMotions {
  private final TwinModel model;

  ModelMotions(TwinModel model) {
    this.model = model;
  }

  /** A model of the rig's name that loads, of the other kind, with one property the rig does not have. */
  Map<String, Object> emptyModel(Map<String, Object> with) {
    String other = model.kind() == RigKind.PLC_STATION ? "sensor-node" : "plc-station";
    Map<String, Object> out = new LinkedHashMap<>();
    if (with.get("rig") != null) out.put("rig", with.get("rig"));
    out.put("file", with.getOrDefault("file", model.id() + ".yaml"));
    out.put("text", "model: " + model.id() + "\nversion: 1\nname: {en: Rig, zh: 装置}\nkind: " + other + "\n"
        + "components:\n  - id: body\n    name: {en: Body, zh: 本体}\n    properties:\n"
        + "      - {id: value, type: double, description: {en: A value, zh: 数值}}\n");
    return out;
  }

  /** A case on the first numeric property that any twin passes: it tolerates any difference from the rig. */
  Map<String, Object> looseCase() {
    String numeric = model.properties().values().stream().filter(p -> p.type().isNumeric()).map(PropertyDef::path).findFirst()
        .orElse(model.properties().keySet().iterator().next());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "the twin shows the value");
    c.put("property", numeric);
    c.put("tolerance", 1.0e9);
    c.put("within", "2s");
    c.put("hold", "1s");
    return c;
  }

  /** The reference's properties, each read as a number far from any it could show. */
  Map<String, Object> madeUpReadings(Map<String, Object> with) {
    Map<String, Object> readings = new LinkedHashMap<>();
    if (with.get("readings") instanceof Map<?, ?> given) {
      given.forEach((p, v) -> readings.put(String.valueOf(p), v instanceof Number n ? n.doubleValue() * 10 + 1000 : "unread"));
    }
    if (readings.isEmpty()) {
      model.properties().values().stream().filter(p -> p.type().isNumeric()).limit(3).forEach(p -> readings.put(p.path(), 1.0e6));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (with.get("rig") != null) out.put("rig", with.get("rig"));
    out.put("readings", readings);
    return out;
  }
}
