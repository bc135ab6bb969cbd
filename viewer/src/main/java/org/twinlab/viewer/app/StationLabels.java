package org.twinlab.viewer.app;

import com.jme3.bounding.BoundingBox;
import com.jme3.font.BitmapFont;
import com.jme3.font.BitmapText;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import com.jme3.scene.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.viewer.scene.RigScene;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.PropertyView;

/**
 * The stations' names on the screen, each pinned above its own rig with the rig's key value (red
 * with the alarm's message while one is active). Each label stays inside its station's cell of the
 * grid as the camera sees it (the cell's outline on a plane just above the rigs, projected): the
 * cells do not overlap on the screen, so neither do the labels, at any number of stations. A label
 * too big for its cell is drawn smaller.
 */
final class StationLabels {
  /** How far above a rig's top its label's anchor is, in metres. */
  static final float ABOVE = 0.15f;
  /** The smallest a label is drawn, as a fraction of the font's size. */
  static final float SMALLEST = 0.35f;
  /** The last segments of the properties that make a rig's key value, most telling first. */
  private static final List<String> KEY_NAMES = List.of("level", "speed", "current", "flow", "pressure", "temperature", "frequency");

  private final StationGrid grid;
  private final BitmapFont font;
  private final com.jme3.asset.AssetManager assets;
  private final Node gui;
  private boolean toldNoFont;
  private final Map<String, Label> labels = new LinkedHashMap<>();

  /** A screen rectangle in pixels, y up from the bottom (jME's screen coordinates). */
  record Rect(float x0, float y0, float x1, float y1) {
    boolean overlaps(Rect o) {
      return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    /** The distance from a point to this rectangle, 0 inside it. */
    float distanceTo(float x, float y) {
      float dx = Math.max(Math.max(x0 - x, 0), x - x1);
      float dy = Math.max(Math.max(y0 - y, 0), y - y1);
      return (float) Math.hypot(dx, dy);
    }
  }

  private static final class Label {
    final BitmapText text;
    /** The label drawn by AWT instead, while its text has characters the bitmap font lacks. */
    com.jme3.ui.Picture picture;
    String pictured;
    final Vector3f anchor;
    final Vector3f[] cell;
    final Optional<String> key;
    Rect rect = new Rect(0, 0, 0, 0);

    Label(BitmapText text, Vector3f anchor, Vector3f[] cell, Optional<String> key) {
      this.text = text;
      this.anchor = anchor;
      this.cell = cell;
      this.key = key;
    }
  }

  StationLabels(StationGrid grid, BitmapFont font, Node gui, com.jme3.asset.AssetManager assets) {
    this.grid = grid;
    this.font = font;
    this.gui = gui;
    this.assets = assets;
    RigScene.refreshWorld(grid.root());
    for (Map.Entry<String, RigScene> e : grid.scenes().entrySet()) {
      // pinned just above the rig's own top: a short rig's label is not left floating over the rig behind it
      BoundingBox b = bounds(e.getValue());
      float y = b.getMax(null).y + ABOVE;
      Vector3f place = grid.place(e.getKey());
      Vector3f anchor = new Vector3f(b.getCenter().x, y, b.getCenter().z);
      float hx = StationGrid.SPACING_X / 2;
      float hz = StationGrid.SPACING_Z / 2;
      Vector3f[] cell = {new Vector3f(place.x - hx, y, place.z - hz), new Vector3f(place.x + hx, y, place.z - hz),
          new Vector3f(place.x + hx, y, place.z + hz), new Vector3f(place.x - hx, y, place.z + hz)};
      BitmapText text = new BitmapText(font);
      text.setSize(font.getCharSet().getRenderedSize());
      text.setName("label:" + e.getKey());
      gui.attachChild(text);
      labels.put(e.getKey(), new Label(text, anchor, cell, keyProperty(e.getValue().model())));
    }
  }

  /** The rig's world bounds (its own parts only, the alarm glow aside: that is what the anchor follows). */
  static BoundingBox bounds(RigScene scene) {
    RigScene.refreshWorld(scene.root());
    return (BoundingBox) scene.root().getWorldBound();
  }

  /** The property whose value a rig's label shows: its level, speed, current… in that order; else none. */
  static Optional<String> keyProperty(TwinModel model) {
    for (String name : KEY_NAMES) {
      for (PropertyDef p : model.properties().values()) {
        if (p.id().endsWith(name) && numeric(p)) return Optional.of(p.path());
      }
    }
    return Optional.empty();
  }

  private static boolean numeric(PropertyDef p) {
    return p.type().isNumeric();
  }

  /** Sets each label's text from the live state and lays it out for the camera (render thread). */
  void update(Camera cam, LiveStations live) {
    update(cam, live, List.of());
  }

  /** As {@link #update(Camera, LiveStations)}, keeping the labels clear of these rectangles too (the notice's). */
  void update(Camera cam, LiveStations live, List<Rect> reserved) {
    for (Map.Entry<String, Label> e : labels.entrySet()) {
      Label l = e.getValue();
      List<String> alarms = live.activeAlarms(e.getKey());
      String text = e.getKey() + (alarms.isEmpty() ? "" : "  ! " + String.join(", ", alarms));
      if (l.key.isPresent()) text += "\n" + keyValue(l.key.get(), live.value(e.getKey(), l.key.get()));
      l.text.setText(printable(font, text));
      l.text.setColor(alarms.isEmpty() ? ColorRGBA.Black : ColorRGBA.Red);
      picture(l, e.getKey(), text, !alarms.isEmpty());
    }
    // the nearest stations first (lowest on the screen): they have the most room, and the first say
    List<Label> order = new java.util.ArrayList<>(labels.values());
    order.sort(java.util.Comparator.comparingDouble(l -> cam.getScreenCoordinates(l.anchor).y));
    List<Rect> placed = new java.util.ArrayList<>(reserved);
    for (Label l : order) {
      layout(cam, l, placed);
      if (l.rect.x1() > l.rect.x0()) placed.add(l.rect);
    }
  }

  /**
   * Draws the label with AWT while its text has characters the bitmap font lacks and an installed
   * font has them all; else the bitmap font's text stands, those characters left out (said once).
   */
  private void picture(Label l, String twin, String text, boolean alarmed) {
    boolean lacking = text.codePoints().anyMatch(c -> c > 127 && c != '°' && font.getCharSet().getCharacter(c) == null);
    Optional<String> family = lacking ? TextImages.familyFor(text) : Optional.empty();
    if (lacking && family.isEmpty() && !toldNoFont) {
      toldNoFont = true;
      java.util.logging.Logger.getLogger(StationLabels.class.getName()).warning(
          "neither the shipped font nor an installed one has every character of '" + text.replace('\n', ' ') + "': labels leave them out");
    }
    if (family.isEmpty()) {
      if (l.picture != null) {
        l.picture.removeFromParent();
        l.picture = null;
        l.pictured = null;
      }
      return;
    }
    String key = text + (alarmed ? "\u0000red" : "");
    if (key.equals(l.pictured)) return;
    var image = TextImages.render(text, family.get(), font.getCharSet().getRenderedSize(), alarmed ? java.awt.Color.RED : java.awt.Color.BLACK);
    var texture = new com.jme3.texture.Texture2D(new com.jme3.texture.plugins.AWTLoader().load(image, true));
    if (l.picture == null) {
      l.picture = new com.jme3.ui.Picture("label:" + twin + "#awt");
      gui.attachChild(l.picture);
    }
    l.picture.setTexture(assets, texture, true);
    l.picture.setWidth(image.getWidth());
    l.picture.setHeight(image.getHeight());
    l.picture.setUserData("width", (float) image.getWidth());
    l.picture.setUserData("height", (float) image.getHeight());
    l.pictured = key;
  }

  /** Whether a station's label is drawn by AWT now (its text has characters the bitmap font lacks). */
  boolean drawnWithAwt(String twin) {
    return labels.get(twin).picture != null;
  }

  /** Each label's rectangle on the screen as last laid out, by station. */
  Map<String, Rect> regions() {
    Map<String, Rect> out = new LinkedHashMap<>();
    labels.forEach((twin, l) -> out.put(twin, l.rect));
    return out;
  }

  /** The label's anchor on the screen: the point just above the middle of its rig. */
  Vector3f anchorOnScreen(Camera cam, String twin) {
    return cam.getScreenCoordinates(labels.get(twin).anchor);
  }

  /** The text a label shows now. */
  String text(String twin) {
    return labels.get(twin).text.getText();
  }

  /**
   * The largest size and place by the anchor at which the label stays in its station's cell (as the
   * camera sees it, at the anchor's height) and clear of the labels placed before it.
   */
  private static void layout(Camera cam, Label l, List<Rect> placed) {
    Vector3f a = cam.getScreenCoordinates(l.anchor);
    float[][] quad = new float[4][];
    boolean inFront = a.z > 0 && a.z < 1;
    for (int i = 0; i < 4; i++) {
      Vector3f c = cam.getScreenCoordinates(l.cell[i]);
      inFront &= c.z > 0 && c.z < 1;
      quad[i] = new float[] {c.x, c.y};
    }
    float w = l.picture != null ? (float) l.picture.getUserData("width") : l.text.getLineWidth();
    float h = l.picture != null ? (float) l.picture.getUserData("height") : l.text.getHeight();
    float scale = 1f;
    Rect r = sitting(a, w, h, scale);
    if (inFront) {
      // the largest size that fits the cell: first standing on the anchor, then centred on it
      search:
      for (scale = 1f; scale >= SMALLEST; scale *= 0.9f) {
        for (Rect candidate : new Rect[] {sitting(a, w, h, scale), centred(a, w, h, scale)}) {
          if (inside(quad, candidate) && placed.stream().noneMatch(candidate::overlaps)) {
            r = candidate;
            break search;
          }
        }
      }
      if (scale < SMALLEST) {
        // no room at all (a camera far off to the side): left out rather than drawn over another
        inFront = false;
        r = new Rect(-1, -1, -1, -1);
      }
    } else {
      r = new Rect(-1, -1, -1, -1); // behind the camera: not drawn
    }
    l.rect = r;
    var shown = inFront ? com.jme3.scene.Spatial.CullHint.Inherit : com.jme3.scene.Spatial.CullHint.Always;
    l.text.setCullHint(l.picture == null ? shown : com.jme3.scene.Spatial.CullHint.Always);
    l.text.setLocalScale(scale, scale, 1);
    l.text.setLocalTranslation(r.x0, r.y1, 0); // a BitmapText hangs down from its top left
    if (l.picture != null) {
      l.picture.setCullHint(shown);
      l.picture.setWidth(scale * w); // a picture is a unit square scaled to its size
      l.picture.setHeight(scale * h);
      l.picture.setLocalTranslation(r.x0, r.y0, 0); // a picture stands on its bottom left
    }
  }

  private static Rect sitting(Vector3f a, float w, float h, float s) {
    return new Rect(a.x - s * w / 2, a.y, a.x + s * w / 2, a.y + s * h);
  }

  private static Rect centred(Vector3f a, float w, float h, float s) {
    return new Rect(a.x - s * w / 2, a.y - s * h / 2, a.x + s * w / 2, a.y + s * h / 2);
  }

  /** Whether the rectangle lies in the convex quadrilateral (its corners in order, either way round). */
  static boolean inside(float[][] quad, Rect r) {
    float[][] corners = {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
    for (float[] p : corners) {
      int sign = 0;
      for (int i = 0; i < 4; i++) {
        float[] u = quad[i];
        float[] v = quad[(i + 1) % 4];
        float cross = (v[0] - u[0]) * (p[1] - u[1]) - (v[1] - u[1]) * (p[0] - u[0]);
        int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
        if (s == 0) continue;
        if (sign == 0) sign = s;
        else if (s != sign) return false;
      }
    }
    return true;
  }

  private static String keyValue(String property, PropertyView v) {
    String name = property.substring(property.indexOf('.') + 1).replace('_', ' ');
    if (v == null || v.value() == null) return name + " -";
    return name + " " + format(v.value()) + (v.unit() == null || v.unit().isEmpty() ? "" : " " + v.unit());
  }

  static String format(Object v) {
    if (v instanceof Double d) return String.format(Locale.ROOT, "%.2f", d);
    if (v instanceof Float f) return String.format(Locale.ROOT, "%.2f", f);
    return Objects.toString(v);
  }

  /** Text the bitmap font can draw: a degree sign spelt out, other characters it lacks left out. */
  static String printable(BitmapFont font, String text) {
    var chars = font.getCharSet();
    StringBuilder out = new StringBuilder(text.length());
    text.replace("°", " deg ").codePoints().forEach(c -> {
      if (c == '\n' || c == ' ' || chars.getCharacter(c) != null) out.appendCodePoint(c);
    });
    return out.toString().replaceAll(" {2,}", "  ");
  }
}
