package org.twinlab.viewer.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.jme3.asset.AssetManager;
import com.jme3.asset.DesktopAssetManager;
import com.jme3.math.ColorRGBA;
import com.jme3.scene.Node;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;

/** The scene is built and driven without a display: only rendering needs OpenGL. */
class RigSceneTest {
  private static final AssetManager ASSETS = new DesktopAssetManager(true);

  private static Node body(RigScene scene, String shape) {
    return (Node) ((Node) scene.root().getChild(shape)).getChild(shape + "#body");
  }

  @Test
  void aLampTurnsRedWhenItsPropertyIsTrue() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("conveyor-sorting"), ASSETS);
    assertThat(scene.colorOf("lamp_red")).isEqualTo(Colors.parse("#400000"));
    scene.apply("lamps.red", true);
    ColorRGBA lit = scene.colorOf("lamp_red");
    assertThat(lit.r).isGreaterThan(0.9f);
    assertThat(lit.g).isLessThan(0.2f);
  }

  @Test
  void theWaterFillsWithTheLevel() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("tank-process"), ASSETS);
    scene.apply("tank.level", 250.0);
    assertThat(body(scene, "water").getLocalScale().y).isCloseTo(0.5f, offset(1e-4f));
    assertThat(body(scene, "water").getLocalScale().x).isCloseTo(1f, offset(1e-6f));
    scene.apply("tank.level", 500.0);
    assertThat(body(scene, "water").getLocalScale().y).isCloseTo(1f, offset(1e-4f));
  }

  @Test
  void aPusherMovesOutWhenExtended() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("conveyor-sorting"), ASSETS);
    scene.apply("pusher2.extended", true);
    assertThat(body(scene, "pusher2").getLocalTranslation().z).isCloseTo(0.1f, offset(1e-6f));
    scene.apply("pusher2.extended", false);
    assertThat(body(scene, "pusher2").getLocalTranslation().z).isZero();
  }

  @Test
  void numericColoursTakeTheHighestThresholdReached() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("motor-vibration"), ASSETS);
    scene.apply("motor.winding_temperature", 95.0);
    assertThat(scene.colorOf("motor")).isEqualTo(Colors.parse("#fb8c00"));
    scene.apply("motor.winding_temperature", 130.0);
    assertThat(scene.colorOf("motor")).isEqualTo(Colors.parse("#e53935"));
  }

  @Test
  void vibrationShakesTheMotorEachFrame() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("motor-vibration"), ASSETS);
    scene.apply("vibration.rms_x", 10.0);
    float max = 0;
    for (int i = 0; i < 50; i++) {
      scene.update(0.016f);
      max = Math.max(max, Math.abs(body(scene, "motor").getLocalTranslation().x));
    }
    assertThat(max).isGreaterThan(0.005f).isLessThanOrEqualTo(0.02f);
  }
}
