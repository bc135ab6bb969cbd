package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.asset.DesktopAssetManager;
import com.jme3.math.Vector2f;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.PropertyView;
import org.twinlab.wire.TwinSummaryView;
import org.twinlab.wire.TwinView;

/** A click finds the part under the cursor, and the panel names its properties with unit and quality; no display needed. */
class PickerTest {
  private final StationGrid grid = new StationGrid(List.of(
      new StationGrid.Station("conveyor-1", ModelLibrary.loadBuiltIn("conveyor-sorting")),
      new StationGrid.Station("motor-1", ModelLibrary.loadBuiltIn("motor-vibration"))), new DesktopAssetManager(true));

  private Camera cameraOn(String twin, String part) {
    Camera cam = new Camera(800, 500);
    cam.setFrustumPerspective(45f, 800f / 500f, 0.05f, 500f);
    Vector3f target = grid.scene(twin).orElseThrow().worldPositionOf(part);
    cam.setLocation(target.add(0.4f, 1.2f, 2.5f));
    cam.lookAt(target, Vector3f.UNIT_Y);
    return cam;
  }

  private Vector2f onScreen(Camera cam, String twin, String part) {
    Vector3f s = cam.getScreenCoordinates(grid.scene(twin).orElseThrow().worldPositionOf(part));
    return new Vector2f(s.x, s.y);
  }

  @Test
  void aClickOnALampOrTheMotorHousingFindsIt() {
    Camera cam = cameraOn("conveyor-1", "lamp_red");
    assertThat(Picker.pick(cam, grid, onScreen(cam, "conveyor-1", "lamp_red"))).contains(new Picker.Picked("conveyor-1", "lamp_red"));
    Camera onMotor = cameraOn("motor-1", "Housing");
    assertThat(Picker.pick(onMotor, grid, onScreen(onMotor, "motor-1", "Housing"))).contains(new Picker.Picked("motor-1", "Housing"));
    assertThat(Picker.pick(cam, grid, new Vector2f(2, 2))).as("the sky").isEmpty();
  }

  @Test
  void thePanelShowsTheValuesUnitsAndQuality() {
    LiveStations live = new LiveStations(grid);
    live.load(new TwinView(new TwinSummaryView("motor-1", "motor-vibration", "Motor", "sensor-node", "RUNNING", 2, 0, 0, 1), Map.of(
        "motor.winding_temperature", new PropertyView("motor.winding_temperature", 95.5, "°C", "GOOD", "", null, null),
        "vibration.rms_x", new PropertyView("vibration.rms_x", 7.25, "mm/s", "UNCERTAIN", "", null, null)), List.of(), List.of(), List.of()));
    String text = ViewerApp.describe(grid.scene("motor-1").orElseThrow(), "motor-1", "Housing", live);
    assertThat(text).isEqualTo("motor-1 - Housing\nvibration.rms_x = 7.25 mm/s  (UNCERTAIN)\nmotor.winding_temperature = 95.50 °C  (GOOD)");
  }
}
