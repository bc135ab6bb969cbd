package org.twinlab.viewer.app;

import com.jme3.app.Application;
import com.jme3.app.state.BaseAppState;
import com.jme3.input.InputManager;
import com.jme3.input.MouseInput;
import com.jme3.input.controls.ActionListener;
import com.jme3.input.controls.AnalogListener;
import com.jme3.input.controls.MouseAxisTrigger;
import com.jme3.input.controls.MouseButtonTrigger;
import com.jme3.math.FastMath;
import com.jme3.math.Vector2f;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import java.util.function.Consumer;

/**
 * An orbit camera: drag with the left button to turn around the stations, the wheel to come
 * closer; a click that does not drag is handed on (to pick a part).
 */
final class OrbitCamera extends BaseAppState implements ActionListener, AnalogListener {
  private static final String DRAG = "orbit.drag";
  private static final String[] AXES = {"orbit.left", "orbit.right", "orbit.up", "orbit.down", "orbit.in", "orbit.out"};
  private final Vector3f target;
  private final Consumer<Vector2f> click;
  private float distance;
  static final float AZIMUTH = -FastMath.QUARTER_PI * 0.6f;
  static final float ELEVATION = 0.55f;
  private float azimuth = AZIMUTH;
  private float elevation = ELEVATION;
  private boolean dragging;
  private Vector2f pressedAt;
  private boolean moved;

  OrbitCamera(Vector3f target, float distance, Consumer<Vector2f> click) {
    this.target = target;
    this.distance = distance;
    this.click = click;
  }

  @Override
  protected void initialize(Application app) {
    InputManager in = app.getInputManager();
    in.addMapping(DRAG, new MouseButtonTrigger(MouseInput.BUTTON_LEFT));
    in.addMapping(AXES[0], new MouseAxisTrigger(MouseInput.AXIS_X, true));
    in.addMapping(AXES[1], new MouseAxisTrigger(MouseInput.AXIS_X, false));
    in.addMapping(AXES[2], new MouseAxisTrigger(MouseInput.AXIS_Y, false));
    in.addMapping(AXES[3], new MouseAxisTrigger(MouseInput.AXIS_Y, true));
    in.addMapping(AXES[4], new MouseAxisTrigger(MouseInput.AXIS_WHEEL, false));
    in.addMapping(AXES[5], new MouseAxisTrigger(MouseInput.AXIS_WHEEL, true));
    in.addListener(this, DRAG);
    in.addListener(this, AXES);
    place(app.getCamera());
  }

  @Override
  public void onAction(String name, boolean pressed, float tpf) {
    dragging = pressed;
    Vector2f at = getApplication().getInputManager().getCursorPosition().clone();
    if (pressed) {
      pressedAt = at;
      moved = false;
    } else if (!moved && pressedAt != null) {
      click.accept(at);
    }
  }

  @Override
  public void onAnalog(String name, float value, float tpf) {
    switch (name) {
      case "orbit.in" -> distance = Math.max(1f, distance * (1 - value * 0.1f));
      case "orbit.out" -> distance = Math.min(200f, distance * (1 + value * 0.1f));
      default -> {
        if (!dragging) return;
        moved = true;
        float step = value * 2.5f;
        switch (name) {
          case "orbit.left" -> azimuth -= step;
          case "orbit.right" -> azimuth += step;
          case "orbit.up" -> elevation = Math.min(1.45f, elevation + step);
          default -> elevation = Math.max(0.05f, elevation - step);
        }
      }
    }
    place(getApplication().getCamera());
  }

  private void place(Camera cam) {
    place(cam, target, distance, azimuth, elevation);
  }

  /** The camera as the viewer first shows the stations: from the front, a little to the left and above. */
  static void firstView(Camera cam, org.twinlab.viewer.scene.StationGrid grid) {
    cam.setFrustumPerspective(45f, (float) cam.getWidth() / cam.getHeight(), 0.05f, 500f);
    place(cam, grid.centre(), grid.viewingDistance(), AZIMUTH, ELEVATION);
  }

  private static void place(Camera cam, Vector3f target, float distance, float azimuth, float elevation) {
    float horizontal = distance * FastMath.cos(elevation);
    cam.setLocation(target.add(horizontal * FastMath.sin(azimuth), distance * FastMath.sin(elevation), horizontal * FastMath.cos(azimuth)));
    cam.lookAt(target, Vector3f.UNIT_Y);
  }

  @Override
  protected void cleanup(Application app) {
    app.getInputManager().removeListener(this);
  }

  @Override
  protected void onEnable() {
  }

  @Override
  protected void onDisable() {
  }
}
