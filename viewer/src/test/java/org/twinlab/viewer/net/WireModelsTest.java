package org.twinlab.viewer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jme3.asset.DesktopAssetManager;
import com.jme3.math.ColorRGBA;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.Severity;
import org.twinlab.models.TwinModel;
import org.twinlab.models.view.Effect;
import org.twinlab.viewer.scene.RigScene;
import org.twinlab.wire.ModelView;
import org.twinlab.wire.WireFormatException;

/**
 * A model the viewer has never seen, read from what the runtime answered for it (saved from
 * {@code GET /api/v1/twins/{id}/model}: a bench fan that is no built-in model), and the scene built
 * from it without a display: its shapes and the nodes of its glTF scene, which came inline.
 */
class WireModelsTest {
  static String saved() throws Exception {
    try (InputStream in = WireModelsTest.class.getResourceAsStream("/bench-fan-model.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static TwinModel benchFan() throws Exception {
    return WireModels.toModel(ModelView.fromMap(Json.object(saved())));
  }

  @Test
  void theSavedModelReadsAsTheModelItIs() throws Exception {
    TwinModel fan = benchFan();
    assertThat(fan.id()).isEqualTo("bench-fan");
    assertThat(fan.version()).isEqualTo(2);
    assertThat(fan.name().zh()).isEqualTo("台式风扇");
    PropertyDef speed = fan.property("fan.speed").orElseThrow();
    assertThat(speed.unit()).isEqualTo("rpm");
    assertThat(speed.range().orElseThrow().max()).isEqualTo(3000);
    assertThat(speed.expectedPeriodMs()).isEqualTo(500);
    assertThat(fan.property("fan.running").orElseThrow().eventDriven()).isTrue();
    assertThat(fan.property("fan.mode").orElseThrow().enumValues()).containsExactly("eco", "boost");
    assertThat(fan.property("fan.mode").orElseThrow().writable()).isTrue();
    assertThat(fan.command("fan.stop")).isPresent();
    assertThat(fan.alarms()).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(Severity.WARNING);
      assertThat(a.condition().properties()).containsExactly("fan.speed");
      assertThat(a.condition().test(Map.of("fan.speed", 2900.0)::get)).isTrue();
      assertThat(a.condition().test(Map.of("fan.speed", 1000.0)::get)).isFalse();
    });
    assertThat(fan.view().shapes()).extracting(s -> s.id()).containsExactly("lamp");
    var gltf = fan.view().gltf().orElseThrow();
    assertThat(gltf.file()).isEqualTo("bench-fan.gltf");
    assertThat(gltf.nodes()).extracting(n -> n.node() + " " + n.animation().effect()).containsExactly("Fan " + Effect.SPIN, "Housing " + Effect.COLOR);
    assertThat(gltf.content()).hasValueSatisfying(text -> assertThat(text).contains("twinlab bench fan"));
  }

  @Test
  void itsSceneIsBuiltFromTheGltfThatCameInlineAndItsShapes() throws Exception {
    RigScene scene = new RigScene(benchFan(), new DesktopAssetManager(true));
    assertThat(scene.parts()).containsExactlyInAnyOrder("lamp", "Fan", "Housing");
    assertThat(scene.root().getChild("bench-fan#gltf")).as("the glTF scene, read from the model's own text").isNotNull();
    scene.apply("fan.running", true);
    assertThat(scene.colorOf("lamp")).isEqualTo(new ColorRGBA(0x43 / 255f, 0xa0 / 255f, 0x47 / 255f, 1f));
    scene.apply("fan.speed", 2900.0);
    ColorRGBA hot = scene.colorOf("Housing");
    assertThat(hot.r).isGreaterThan(0.85f);
    assertThat(hot.b).isLessThan(0.3f);
    assertThat(scene.propertiesOf("Fan")).containsExactly("fan.speed");
  }

  @Test
  void whatMakesNoModelIsNamedByItsField() throws Exception {
    Map<String, Object> tree = Json.object(saved());
    @SuppressWarnings("unchecked")
    Map<String, Object> alarm = ((List<Map<String, Object>>) tree.get("alarms")).get(0);
    alarm.put("condition", "fan.speed >");
    assertThatThrownBy(() -> WireModels.toModel(ModelView.fromMap(tree))).isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("alarms[0].condition: not a condition");
    alarm.put("condition", "fan.speed > 2800");
    @SuppressWarnings("unchecked")
    Map<String, Object> shape = ((List<Map<String, Object>>) ((Map<String, Object>) tree.get("view")).get("shapes")).get(0);
    shape.put("shape", "torus");
    assertThatThrownBy(() -> WireModels.toModel(ModelView.fromMap(tree))).hasMessageStartingWith("view.shapes[0].shape: ");
  }
}
