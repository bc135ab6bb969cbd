package org.twinlab.viewer.app;

import com.jme3.app.SimpleApplication;
import com.jme3.font.BitmapText;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector2f;
import com.jme3.math.Vector3f;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.twinlab.viewer.scene.RigScene;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.PropertyView;
import org.twinlab.wire.TwinView;

/**
 * The viewer's window: the stations in a grid with their names (red while an alarm is active), an
 * orbit camera, and a panel with the properties of the part last clicked. It can also grab one
 * frame and hand it on (snapshots), or count frames (the performance figure).
 */
public final class ViewerApp extends SimpleApplication {
  private final List<StationGrid.Station> stations;
  private final Map<String, TwinView> initial;
  private final Consumer<ViewerApp> ready;
  private StationGrid grid;
  private LiveStations live;
  private BitmapText selection;
  private final Map<String, BitmapText> labels = new HashMap<>();
  private final java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
  private String selectedTwin;
  private String selectedShape;

  /**
   * @param initial the twins' state to show first, by the name of the station that shows it
   * @param ready called on the render thread once the scene is built and the state applied
   */
  public ViewerApp(List<StationGrid.Station> stations, Map<String, TwinView> initial, Consumer<ViewerApp> ready) {
    super(new com.jme3.app.state.AppState[0]); // no fly camera, no stats: the viewer brings its own
    this.stations = List.copyOf(stations);
    this.initial = Map.copyOf(initial);
    this.ready = ready;
  }

  @Override
  public void simpleInitApp() {
    viewPort.setBackgroundColor(new ColorRGBA(0.93f, 0.94f, 0.95f, 1f));
    grid = new StationGrid(stations, assetManager);
    rootNode.attachChild(grid.root());
    live = new LiveStations(grid);
    initial.forEach(live::load);
    stateManager.attach(new OrbitCamera(grid.centre(), grid.viewingDistance(), this::pick));
    cam.setFrustumPerspective(45f, (float) cam.getWidth() / cam.getHeight(), 0.05f, 500f);
    var font = assetManager.loadFont("Interface/Fonts/Default.fnt");
    for (StationGrid.Station s : stations) {
      BitmapText label = new BitmapText(font);
      label.setSize(font.getCharSet().getRenderedSize());
      label.setText(s.twin());
      guiNode.attachChild(label);
      labels.put(s.twin(), label);
    }
    selection = new BitmapText(font);
    selection.setSize(font.getCharSet().getRenderedSize());
    selection.setColor(ColorRGBA.DarkGray);
    selection.setLocalTranslation(10, cam.getHeight() - 10, 0);
    guiNode.attachChild(selection);
    ready.accept(this);
  }

  @Override
  public void simpleUpdate(float tpf) {
    live.drain();
    grid.scenes().values().forEach(s -> s.update(tpf));
    for (Map.Entry<String, BitmapText> e : labels.entrySet()) {
      RigScene scene = grid.scene(e.getKey()).orElseThrow();
      Vector3f above = scene.root().getWorldBound().getCenter().add(0, 1.0f, 0);
      Vector3f at = cam.getScreenCoordinates(above);
      BitmapText label = e.getValue();
      List<String> alarms = live.activeAlarms(e.getKey());
      label.setText(printable(e.getKey() + (alarms.isEmpty() ? "" : "  ! " + String.join(", ", alarms))));
      label.setColor(alarms.isEmpty() ? ColorRGBA.Black : ColorRGBA.Red);
      label.setLocalTranslation(at.x - label.getLineWidth() / 2, at.y + label.getLineHeight(), 0);
    }
    if (selectedTwin != null) showSelection();
  }

  @Override
  public void destroy() {
    super.destroy();
    closed.complete(null);
  }

  /** Completes when the window has closed. */
  public java.util.concurrent.CompletableFuture<Void> closed() {
    return closed;
  }

  /** The live state the viewer holds; changes go in from any thread. */
  LiveStations live() {
    return live;
  }

  public StationGrid grid() {
    return grid;
  }

  /** Hands the next frame drawn after {@code afterFrames} frames to {@code done} (render thread). */
  public void grabFrame(int afterFrames, Consumer<BufferedImage> done) {
    // the GUI's view port is drawn last: the frame then carries the labels too
    guiViewPort.addProcessor(new FrameGrab(afterFrames, done));
  }

  /** Where a shape of a station appears on the screen, in pixels from the top left. */
  public Vector2f screenPositionOf(String twin, String shape) {
    Vector3f world = grid.scene(twin).orElseThrow().worldPositionOf(shape);
    Vector3f s = cam.getScreenCoordinates(world);
    return new Vector2f(s.x, cam.getHeight() - s.y);
  }

  private void pick(Vector2f cursor) {
    var picked = Picker.pick(cam, grid, cursor);
    selectedTwin = picked.map(Picker.Picked::twin).orElse(null);
    selectedShape = picked.map(Picker.Picked::part).orElse(null);
    if (selectedTwin == null) selection.setText("");
  }

  private void showSelection() {
    selection.setText(printable(describe(grid.scene(selectedTwin).orElseThrow(), selectedTwin, selectedShape, live)));
  }

  /** A part as the panel shows it: its station and name, then each property that drives it, with unit and quality. */
  static String describe(RigScene scene, String twin, String part, LiveStations live) {
    StringBuilder text = new StringBuilder(twin + " - " + part);
    for (String p : scene.propertiesOf(part)) {
      PropertyView v = live.value(twin, p);
      text.append('\n').append(p).append(" = ")
          .append(v == null ? "-" : format(v.value()) + " " + Objects.toString(v.unit(), "") + "  (" + Objects.toString(v.quality(), "quality not given") + ")");
    }
    return text.toString();
  }

  /** Text the bitmap font can draw: a degree sign spelt out, other characters it lacks left out. */
  private String printable(String text) {
    var chars = selection.getFont().getCharSet();
    StringBuilder out = new StringBuilder(text.length());
    text.replace("°", " deg ").codePoints().forEach(c -> {
      if (c == '\n' || c == ' ' || chars.getCharacter(c) != null) out.appendCodePoint(c);
    });
    return out.toString().replaceAll(" {2,}", "  ");
  }

  private static String format(Object v) {
    if (v instanceof Double d) return String.format(Locale.ROOT, "%.2f", d);
    if (v instanceof Float f) return String.format(Locale.ROOT, "%.2f", f);
    return String.valueOf(v);
  }
}
