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
  void litRigsHaveLitMaterialsThatCastShadowsAndTakeTheSameColours() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("conveyor-sorting"), ASSETS, Shading.LIT);
    var lamp = GltfParts.firstGeometry(body(scene, "lamp_red"));
    assertThat(lamp.getMaterial().getMaterialDef().getAssetName()).isEqualTo("Common/MatDefs/Light/Lighting.j3md");
    assertThat(lamp.getShadowMode()).isEqualTo(com.jme3.renderer.queue.RenderQueue.ShadowMode.CastAndReceive);
    assertThat(scene.colorOf("lamp_red")).isEqualTo(Colors.parse("#400000"));
    scene.apply("lamps.red", true);
    assertThat(scene.colorOf("lamp_red")).isEqualTo(Colors.parse("#ff2020"));
    RigScene motor = new RigScene(ModelLibrary.loadBuiltIn("motor-vibration"), ASSETS, Shading.LIT);
    motor.apply("motor.winding_temperature", 130.0);
    assertThat(motor.colorOf("Housing")).isEqualTo(Colors.parse("#e53935"));
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
    assertThat(scene.colorOf("Housing")).isEqualTo(Colors.parse("#fb8c00"));
    scene.apply("motor.winding_temperature", 130.0);
    assertThat(scene.colorOf("Housing")).isEqualTo(Colors.parse("#e53935"));
  }

  @Test
  void vibrationShakesTheMotorEachFrame() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("motor-vibration"), ASSETS);
    scene.apply("vibration.rms_x", 10.0);
    float max = 0;
    for (int i = 0; i < 50; i++) {
      scene.update(0.016f);
      max = Math.max(max, Math.abs(body(scene, "Housing").getLocalTranslation().x));
    }
    assertThat(max).isGreaterThan(0.005f).isLessThanOrEqualTo(0.02f);
  }

  @Test
  void aGltfSceneHasItsNamedNodesBoundToTheTwin() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("motor-vibration"), ASSETS);
    assertThat(scene.parts()).containsExactlyInAnyOrder("Housing", "Fan", "TerminalBox");
    assertThat(scene.propertiesOf("Housing")).containsExactly("vibration.rms_x", "motor.winding_temperature");
    // the fan turns with the motor's current
    scene.apply("motor.current", 4.0);
    scene.update(0.5f);
    com.jme3.math.Quaternion turned = body(scene, "Fan").getLocalRotation();
    assertThat(turned.toAngleAxis(new com.jme3.math.Vector3f())).isCloseTo(3.0f, offset(1e-3f));
    // a click on the housing's mesh names the housing, and the glTF keeps where the file put it
    com.jme3.scene.Spatial mesh = ((Node) body(scene, "Housing")).getChild(0);
    assertThat(scene.shapeOf(mesh)).contains("Housing");
    assertThat(scene.worldPositionOf("Housing").y).isCloseTo(0.16f, offset(0.01f));
    // an alarm about a bound property wraps the part in a red glow, and the glow goes with the alarm
    scene.highlight(java.util.Set.of("motor.winding_temperature"));
    assertThat(scene.highlighted("Housing")).isTrue();
    assertThat(scene.highlighted("Fan")).isFalse();
    scene.highlight(java.util.Set.of());
    assertThat(scene.highlighted("Housing")).isFalse();
  }

  @Test
  void aWorkpieceStartsOverAtTheEndOfTheBelt() {
    RigScene scene = new RigScene(ModelLibrary.loadBuiltIn("conveyor-sorting"), ASSETS);
    scene.apply("belt.encoder_position", 5000);
    assertThat(body(scene, "workpiece").getLocalTranslation().x).isCloseTo(0.5f, offset(1e-4f));
    assertThat(body(scene, "workpiece2").getLocalTranslation().x).isCloseTo(1.5f, offset(1e-4f));
    scene.apply("belt.encoder_position", 25000);
    assertThat(body(scene, "workpiece").getLocalTranslation().x).isCloseTo(0.5f, offset(1e-4f));
  }

  // every built-in rig is a glTF scene now: the conveyor's and the tank's bound nodes are its parts,
  // where the hints used to put them, and they move and colour with the twin
  @Test
  void theConveyorAndTheTankAreGltfScenesWithTheirPartsBound() {
    RigScene conveyor = new RigScene(ModelLibrary.loadBuiltIn("conveyor-sorting"), ASSETS, Shading.LIT);
    assertThat(conveyor.model().view().shapes()).isEmpty();
    assertThat(conveyor.parts()).containsExactlyInAnyOrder("belt", "workpiece", "workpiece2", "pusher1", "pusher2", "pusher3",
        "lamp_red", "lamp_yellow", "lamp_green");
    assertThat(conveyor.root().getChild("lamp_post")).as("the stack light's post, drawn though bound to nothing").isNotNull();
    assertThat(conveyor.root().getChild("frame")).isNotNull();
    assertThat(conveyor.worldPositionOf("lamp_red").y).isCloseTo(1.35f, offset(0.01f));
    assertThat(conveyor.worldPositionOf("workpiece").x).isCloseTo(-1.0f, offset(0.01f));
    conveyor.apply("belt.encoder_position", 5000);
    assertThat(conveyor.worldPositionOf("workpiece").x).as("rode half a metre").isCloseTo(-0.5f, offset(0.01f));
    conveyor.apply("pusher3.extended", true);
    assertThat(body(conveyor, "pusher3").getLocalTranslation().z).isCloseTo(0.1f, offset(1e-6f));
    conveyor.apply("lamps.green", true);
    assertThat(conveyor.colorOf("lamp_green")).isEqualTo(Colors.parse("#20ff40"));
    assertThat(GltfParts.firstGeometry(body(conveyor, "belt")).getShadowMode())
        .isEqualTo(com.jme3.renderer.queue.RenderQueue.ShadowMode.CastAndReceive);

    RigScene tank = new RigScene(ModelLibrary.loadBuiltIn("tank-process"), ASSETS, Shading.LIT);
    assertThat(tank.parts()).containsExactlyInAnyOrder("water", "pump", "heater");
    assertThat(tank.propertiesOf("water")).containsExactly("tank.level");
    tank.apply("pump.running", true);
    assertThat(tank.colorOf("pump")).isEqualTo(Colors.parse("#43a047"));
    tank.apply("tank.level", 125.0);
    assertThat(body(tank, "water").getLocalScale().y).isCloseTo(0.25f, offset(1e-4f));
    // the shell one sees the water through: blended, drawn after it, and casting no shadow
    var shell = GltfParts.firstGeometry((Node) tank.root().getChild("tank_shell"));
    assertThat(shell.getQueueBucket()).isEqualTo(com.jme3.renderer.queue.RenderQueue.Bucket.Transparent);
    assertThat(shell.getShadowMode()).isEqualTo(com.jme3.renderer.queue.RenderQueue.ShadowMode.Off);
    assertThat(Shading.colorOf(shell.getMaterial()).a).isLessThan(0.5f);
  }
}
