package org.twinlab.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinlab.wire.WireRoundTripTest.list;
import static org.twinlab.wire.WireRoundTripTest.obj;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's views read from the tree the runtime writes and written back the same, in the same order. */
class ModelRoundTripTest {

  static Map<String, Object> text(String en, String zh) {
    return obj("en", en, "zh", zh);
  }

  static Map<String, Object> level() {
    return obj("property", "tank.level", "type", "double", "unit", "mm", "range", list(0.0, 500.0), "writable", false,
        "period_ms", 200L, "event_driven", false, "description", text("Level transmitter reading", "液位变送器读数"));
  }

  static Map<String, Object> model() {
    Map<String, Object> mode = obj("property", "pid.mode", "type", "enum", "unit", "", "range", null, "values", list("auto", "manual"),
        "writable", true, "period_ms", null, "event_driven", true, "description", text("Mode", "模式"));
    return obj("id", "tank-process", "version", 1, "name", text("Tank process", "液位温度过程控制装置"), "kind", "plc-station",
        "counts", obj("components", 2, "properties", 2, "alarms", 1, "commands", 1),
        "components", list(
            obj("id", "tank", "name", text("Tank", "水箱"), "properties", list(level()), "commands", list()),
            obj("id", "pid", "name", text("PID", "PID"), "properties", list(mode), "commands",
                list(obj("command", "pid.reset", "description", text("Reset", "复位"), "params", list())))),
        "alarms", list(obj("alarm", "level_high", "condition", "tank.level > 450", "severity", "major",
            "message", text("Tank level above 450 mm", "液位高于 450 mm"))),
        "view", obj("shapes", list(obj("id", "water", "shape", "cylinder", "size", list(0.38, 0.5, 0.38), "position", list(0.0, 0.05, 0.0),
                "color", "#2196f3", "animate", list(obj("property", "tank.level", "effect", "fill", "axis", list(0.0, 1.0, 0.0),
                    "scale", 1.0, "colors", obj(), "wrap", 0.0, "offset", 0.0)))),
            "gltf", obj("file", "rig.gltf", "nodes", list(obj("node", "Fan", "property", "pid.mode", "effect", "color",
                "axis", list(0.0, 1.0, 0.0), "scale", 1.0, "colors", obj("auto", "#43a047", "manual", "#607d8b"), "wrap", 0.0, "offset", 0.0)),
                "scene", obj("asset", obj("version", "2.0"), "nodes", list(obj("name", "Fan"))))));
  }

  @Test
  void aModelReadAndWrittenBackIsTheSameTreeInTheSameOrder() {
    Map<String, Object> tree = model();
    ModelView view = ModelView.fromMap(tree);
    assertThat(view.toMap()).isEqualTo(tree);
    assertThat(view.toMap().keySet()).containsExactlyElementsOf(tree.keySet());
    assertThat(ModelView.fromMap(view.toMap())).isEqualTo(view);
    assertThat(view.summary()).isEqualTo(new ModelSummaryView("tank-process", 1, new LocalizedView("Tank process", "液位温度过程控制装置"),
        "plc-station", 2, 2, 1, 1));
    ModelPropertyView level = view.components().get(0).properties().get(0);
    assertThat(level.range()).containsExactly(0.0, 500.0);
    assertThat(level.periodMs()).isEqualTo(200L);
    ModelPropertyView mode = view.components().get(1).properties().get(0);
    assertThat(mode.eventDriven()).isTrue();
    assertThat(mode.periodMs()).isNull();
    assertThat(mode.values()).containsExactly("auto", "manual");
    assertThat(view.gltf().orElseThrow().nodes().get(0).animation().colors()).containsEntry("manual", "#607d8b");
    assertThat(view.gltf().orElseThrow().scene()).containsKey("asset");
  }

  @Test
  void aSummaryIsTheModelsHead() {
    Map<String, Object> tree = model();
    Map<String, Object> head = new LinkedHashMap<>();
    List.of("id", "version", "name", "kind", "counts").forEach(k -> head.put(k, tree.get(k)));
    ModelSummaryView summary = ModelSummaryView.fromMap(tree);
    assertThat(summary.toMap()).isEqualTo(head);
    assertThat(summary.toMap().keySet()).containsExactlyElementsOf(head.keySet());
  }

  @Test
  void absentFieldsReadAsNotSaidAndWrongTypesAreNamedByTheirPath() {
    ModelView bare = ModelView.fromMap(obj("id", "my-rig"));
    assertThat(bare.components()).isEmpty();
    assertThat(bare.shapes()).isEmpty();
    assertThat(bare.gltf()).isEmpty();
    assertThat(bare.summary().name()).isEqualTo(new LocalizedView(null, null));

    Map<String, Object> badRange = model();
    Map<String, Object> l = level();
    l.put("range", list(0.0, "high"));
    ((Map<String, Object>) ((List<Object>) badRange.get("components")).get(0)).put("properties", list(l));
    assertThatThrownBy(() -> ModelView.fromMap(badRange)).isInstanceOf(WireFormatException.class)
        .hasMessage("components[0].properties[0].range[1]: a number, not the text \"high\"");

    Map<String, Object> badCount = model();
    badCount.put("counts", obj("properties", "two"));
    assertThatThrownBy(() -> ModelView.fromMap(badCount)).hasMessage("counts.properties: a whole number, not the text \"two\"");

    Map<String, Object> badShape = model();
    badShape.put("view", obj("shapes", list(obj("id", "water", "size", "big"))));
    assertThatThrownBy(() -> ModelView.fromMap(badShape)).hasMessage("view.shapes[0].size: a list of numbers, not the text \"big\"");
  }
}
