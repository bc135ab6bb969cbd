package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.asset.AssetManager;
import com.jme3.asset.DesktopAssetManager;
import com.jme3.bounding.BoundingBox;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import com.jme3.scene.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.ChangeView;
import org.twinlab.wire.PropertyView;

/**
 * The stations' labels as the camera sees them, without a display: each label's rectangle on the
 * screen is where the labels lay it out, and each rig's from its bounds projected through the camera.
 */
class StationLabelsTest {
  private static final AssetManager ASSETS = new DesktopAssetManager(true);
  private static final List<String> MODELS = List.of("conveyor-sorting", "motor-vibration", "tank-process");

  /** Stations of the three built-in models in turn: conveyor-1, motor-1, tank-1, conveyor-2, … */
  private static List<StationGrid.Station> stations(int n) {
    List<StationGrid.Station> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TwinModel m = ModelLibrary.loadBuiltIn(MODELS.get(i % 3));
      out.add(new StationGrid.Station(m.id().split("-")[0] + "-" + (i / 3 + 1), m));
    }
    return out;
  }

  private record Scene(StationGrid grid, StationLabels labels, Camera cam, LiveStations live) {}

  private static Scene scene(int n, int width, int height) {
    StationGrid grid = new StationGrid(stations(n), ASSETS);
    Camera cam = new Camera(width, height);
    OrbitCamera.firstView(cam, grid);
    cam.update();
    StationLabels labels = new StationLabels(grid, ASSETS.loadFont("Interface/Fonts/Default.fnt"), new Node("gui"), ASSETS);
    LiveStations live = new LiveStations(grid);
    labels.update(cam, live);
    return new Scene(grid, labels, cam, live);
  }

  /** A rig's rectangle on the screen: its bounds' corners projected. */
  private static StationLabels.Rect rig(Scene s, String twin) {
    BoundingBox b = StationLabels.bounds(s.grid.scene(twin).orElseThrow());
    Vector3f min = b.getMin(null);
    Vector3f max = b.getMax(null);
    float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
    for (int i = 0; i < 8; i++) {
      Vector3f corner = new Vector3f((i & 1) == 0 ? min.x : max.x, (i & 2) == 0 ? min.y : max.y, (i & 4) == 0 ? min.z : max.z);
      Vector3f p = s.cam.getScreenCoordinates(corner);
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
    return new StationLabels.Rect(x0, y0, x1, y1);
  }

  /** Whether the label is on its rig: the middle of its lower edge over the rig's image, or at most 40 pixels above it. */
  private static boolean over(StationLabels.Rect label, StationLabels.Rect rig) {
    float x = (label.x0() + label.x1()) / 2;
    return x >= rig.x0() && x <= rig.x1() && label.y0() >= rig.y0() && label.y0() <= rig.y1() + 40;
  }

  // 30 stations, the most an exam room holds: every label readable, none on another
  @Test
  void thirtyStationsLabelsNeverOverlapAndEachIsOverItsOwnRig() {
    Scene s = scene(30, 1280, 720);
    Map<String, StationLabels.Rect> labels = s.labels.regions();
    assertThat(labels).hasSize(30);
    List<String> twins = new ArrayList<>(labels.keySet());
    for (int i = 0; i < twins.size(); i++) {
      StationLabels.Rect a = labels.get(twins.get(i));
      assertThat(a.x1() - a.x0()).as("%s drawn", twins.get(i)).isGreaterThan(10);
      assertThat(a.x0()).as("%s on the screen", twins.get(i)).isGreaterThanOrEqualTo(0);
      assertThat(a.x1()).as("%s on the screen", twins.get(i)).isLessThanOrEqualTo(1280);
      assertThat(a.y0()).as("%s on the screen", twins.get(i)).isGreaterThanOrEqualTo(0);
      assertThat(a.y1()).as("%s on the screen", twins.get(i)).isLessThanOrEqualTo(720);
      for (int j = i + 1; j < twins.size(); j++) {
        assertThat(a.overlaps(labels.get(twins.get(j)))).as("%s %s and %s %s overlap", twins.get(i), a, twins.get(j), labels.get(twins.get(j)))
            .isFalse();
      }
      assertThat(over(a, rig(s, twins.get(i)))).as("%s's label %s over its rig %s", twins.get(i), a, rig(s, twins.get(i))).isTrue();
    }
  }

  // motor-1's label used to sit under conveyor-1: the glTF rig's label is over the motor
  @Test
  void theMotorsLabelIsOverTheMotor() {
    Scene s = scene(3, 800, 500);
    StationLabels.Rect motor = s.labels.regions().get("motor-1");
    assertThat(over(motor, rig(s, "motor-1"))).as("%s over the motor %s", motor, rig(s, "motor-1")).isTrue();
    assertThat(over(motor, rig(s, "conveyor-1"))).as("%s not over the conveyor %s", motor, rig(s, "conveyor-1")).isFalse();
  }

  @Test
  void aLabelShowsItsRigsKeyValueLive() {
    Scene s = scene(3, 800, 500);
    assertThat(s.labels.text("tank-1")).isEqualTo("tank-1\nlevel -");
    s.live.offer(new ChangeView.PropertyChange("tank-1", new PropertyView("tank.level", 312.5, "mm", "GOOD", null, null, null)));
    s.live.drain();
    s.labels.update(s.cam, s.live);
    assertThat(s.labels.text("tank-1")).isEqualTo("tank-1\nlevel 312.50 mm");
    assertThat(s.labels.text("conveyor-1")).startsWith("conveyor-1\nspeed ");
  }

  @Test
  void labelsKeepClearOfTheNotice() {
    Scene s = scene(30, 1280, 720);
    StationLabels.Rect notice = new StationLabels.Rect(10, 10, 600, 400); // a long notice over the nearest stations
    s.labels.update(s.cam, s.live, List.of(notice));
    s.labels.regions().forEach((twin, r) -> assertThat(r.overlaps(notice)).as("%s %s", twin, r).isFalse());
    assertThat(s.labels.regions().values().stream().filter(r -> r.x1() > r.x0()).count()).as("labels still drawn").isGreaterThan(15);
  }
}
