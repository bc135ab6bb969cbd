package org.twinlab.viewer.app;

import com.jme3.app.SimpleApplication;
import com.jme3.font.BitmapText;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector2f;
import com.jme3.math.Vector3f;
import java.awt.image.BufferedImage;
import java.util.List;
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
  private final List<String> notices;
  private StationLabels labels;
  private BitmapText notice;
  private final java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
  private org.twinlab.viewer.scene.Shading shading = org.twinlab.viewer.scene.Shading.FLAT;
  private String selectedTwin;
  private String selectedShape;
  // the part panel drawn with AWT while its text has characters the bitmap font lacks (a Chinese station name)
  private com.jme3.ui.Picture selectionPicture;
  private String selectionPictured;

  /**
   * @param initial the twins' state to show first, by the name of the station that shows it
   * @param notices what the viewer has to tell on the screen, e.g. the twins it skipped
   * @param ready called on the render thread once the scene is built and the state applied
   */
  public ViewerApp(List<StationGrid.Station> stations, Map<String, TwinView> initial, List<String> notices, Consumer<ViewerApp> ready) {
    super(new com.jme3.app.state.AppState[0]); // no fly camera, no stats: the viewer brings its own
    this.stations = List.copyOf(stations);
    this.initial = Map.copyOf(initial);
    this.notices = List.copyOf(notices);
    this.ready = ready;
  }

  /** Draws the rigs lit and shaded, casting shadows on a floor, instead of flat (call before start). */
  public void shade(org.twinlab.viewer.scene.Shading shading) {
    this.shading = shading;
  }

  @Override
  public void simpleInitApp() {
    viewPort.setBackgroundColor(new ColorRGBA(0.93f, 0.94f, 0.95f, 1f));
    grid = new StationGrid(stations, assetManager, shading);
    rootNode.attachChild(grid.root());
    if (shading == org.twinlab.viewer.scene.Shading.LIT) light();
    live = new LiveStations(grid);
    initial.forEach(live::load);
    stateManager.attach(new OrbitCamera(grid.centre(), grid.viewingDistance(), this::pick));
    cam.setFrustumPerspective(45f, (float) cam.getWidth() / cam.getHeight(), 0.05f, 500f);
    var font = assetManager.loadFont("Interface/Fonts/Default.fnt");
    labels = new StationLabels(grid, font, guiNode, assetManager);
    notice = new BitmapText(font);
    notice.setSize(font.getCharSet().getRenderedSize());
    notice.setColor(new ColorRGBA(0.6f, 0.1f, 0f, 1f));
    notice.setText(StationLabels.printable(font, String.join("\n", notices)));
    notice.setLocalTranslation(10, 10 + notice.getHeight(), 0);
    guiNode.attachChild(notice);
    selection = new BitmapText(font);
    selection.setSize(font.getCharSet().getRenderedSize());
    selection.setColor(ColorRGBA.DarkGray);
    selection.setLocalTranslation(10, cam.getHeight() - 10, 0);
    guiNode.attachChild(selection);
    ready.accept(this);
  }

  /** A sun from above, front left, with its shadows, some light from everywhere, and a floor to take the shadows. */
  private void light() {
    var sun = new com.jme3.light.DirectionalLight(new Vector3f(-0.9f, -1f, -0.5f).normalizeLocal(), new ColorRGBA(0.85f, 0.85f, 0.8f, 1f));
    rootNode.addLight(sun);
    rootNode.addLight(new com.jme3.light.AmbientLight(new ColorRGBA(0.45f, 0.45f, 0.5f, 1f)));
    var shadows = new com.jme3.shadow.DirectionalLightShadowRenderer(assetManager, 2048, 3);
    shadows.setLight(sun);
    shadows.setShadowIntensity(0.5f);
    viewPort.addProcessor(shadows);
    Vector3f centre = grid.centre();
    float size = grid.viewingDistance() * 2;
    var floor = new com.jme3.scene.Geometry("floor", new com.jme3.scene.shape.Quad(size, size));
    var m = new com.jme3.material.Material(assetManager, "Common/MatDefs/Light/Lighting.j3md");
    m.setBoolean("UseMaterialColors", true);
    m.setColor("Diffuse", new ColorRGBA(0.8f, 0.8f, 0.78f, 1f));
    m.setColor("Ambient", new ColorRGBA(0.6f, 0.6f, 0.58f, 1f));
    floor.setMaterial(m);
    floor.rotate(-com.jme3.math.FastMath.HALF_PI, 0, 0); // the quad lies in x-y: laid flat, facing up
    floor.setLocalTranslation(centre.x - size / 2, -0.002f, centre.z + size / 2);
    floor.setShadowMode(com.jme3.renderer.queue.RenderQueue.ShadowMode.Receive);
    rootNode.attachChild(floor);
  }

  @Override
  public void simpleUpdate(float tpf) {
    live.drain();
    grid.scenes().values().forEach(s -> s.update(tpf));
    // the labels keep clear of the notice, at the bottom left
    labels.update(cam, live, notices.isEmpty() ? List.of()
        : List.of(new StationLabels.Rect(10, 10, 10 + notice.getLineWidth(), 10 + notice.getHeight())));
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

  /** Where each station's label is on the screen, in pixels from the top left: left, top, right, bottom. */
  public Map<String, float[]> labelRegions() {
    Map<String, float[]> out = new java.util.LinkedHashMap<>();
    labels.regions().forEach((twin, r) -> out.put(twin, new float[] {r.x0(), cam.getHeight() - r.y1(), r.x1(), cam.getHeight() - r.y0()}));
    return out;
  }

  /** Where the notice is on the screen, as {@link #labelRegions()}, with its text; empty when there is none. */
  public java.util.Optional<float[]> noticeRegion() {
    if (notices.isEmpty()) return java.util.Optional.empty();
    float top = cam.getHeight() - notice.getLocalTranslation().y;
    return java.util.Optional.of(new float[] {10, top, 10 + notice.getLineWidth(), top + notice.getHeight()});
  }

  /** What the viewer tells on the screen. */
  public List<String> notices() {
    return notices;
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
    if (selectedTwin == null) {
      selection.setText("");
      if (selectionPicture != null) {
        selectionPicture.removeFromParent();
        selectionPicture = null;
        selectionPictured = null;
      }
    }
  }

  /** Shows the panel of a part as a click on it would (for snapshots); false when the station has no such part. */
  public boolean select(String twin, String part) {
    if (grid.scene(twin).map(s -> s.parts().contains(part)).orElse(false)) {
      selectedTwin = twin;
      selectedShape = part;
      showSelection();
      return true;
    }
    return false;
  }

  private void showSelection() {
    String text = describe(grid.scene(selectedTwin).orElseThrow(), selectedTwin, selectedShape, live);
    boolean lacking = text.codePoints().anyMatch(c -> c > 127 && c != '°' && selection.getFont().getCharSet().getCharacter(c) == null);
    var family = lacking ? TextImages.familyFor(text) : java.util.Optional.<String>empty();
    if (family.isEmpty()) {
      if (selectionPicture != null) {
        selectionPicture.removeFromParent();
        selectionPicture = null;
        selectionPictured = null;
      }
      selection.setText(printable(text));
      return;
    }
    selection.setText("");
    if (text.equals(selectionPictured)) return;
    int size = Math.round(selection.getSize());
    var image = TextImages.render(text, family.get(), size, java.awt.Color.DARK_GRAY);
    if (selectionPicture == null) {
      selectionPicture = new com.jme3.ui.Picture("panel#awt");
      guiNode.attachChild(selectionPicture);
    }
    selectionPicture.setTexture(assetManager, new com.jme3.texture.Texture2D(new com.jme3.texture.plugins.AWTLoader().load(image, true)), true);
    selectionPicture.setWidth(image.getWidth());
    selectionPicture.setHeight(image.getHeight());
    selectionPicture.setLocalTranslation(10, cam.getHeight() - 10 - image.getHeight(), 0);
    selectionPictured = text;
  }

  /** Where the part panel is on the screen, as {@link #labelRegions()}; empty when no part is selected. */
  public java.util.Optional<float[]> panelRegion() {
    if (selectedTwin == null) return java.util.Optional.empty();
    if (selectionPicture != null) {
      return java.util.Optional.of(new float[] {10, 10, 10 + selectionPicture.getWorldScale().x, 10 + selectionPicture.getWorldScale().y});
    }
    return java.util.Optional.of(new float[] {10, 10, 10 + selection.getLineWidth(), 10 + selection.getHeight()});
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

  private String printable(String text) {
    return StationLabels.printable(selection.getFont(), text);
  }

  private static String format(Object v) {
    return StationLabels.format(v);
  }
}
