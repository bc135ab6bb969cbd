package org.twinlab.viewer.app;

import com.jme3.collision.CollisionResults;
import com.jme3.math.Ray;
import com.jme3.math.Vector2f;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import java.util.Optional;
import org.twinlab.viewer.scene.StationGrid;

/** What is under the cursor: the station and the part a click lands on. */
final class Picker {
  /** A part of a station. */
  record Picked(String twin, String part) {}

  private Picker() {}

  /** @param cursor in pixels from the bottom left, as jME's input reports it */
  static Optional<Picked> pick(Camera cam, StationGrid grid, Vector2f cursor) {
    Vector3f from = cam.getWorldCoordinates(cursor, 0f);
    Vector3f dir = cam.getWorldCoordinates(cursor, 1f).subtractLocal(from).normalizeLocal();
    CollisionResults hits = new CollisionResults();
    org.twinlab.viewer.scene.RigScene.refreshWorld(grid.root());
    grid.root().collideWith(new Ray(from, dir), hits);
    for (int i = 0; i < hits.size(); i++) {
      var geometry = hits.getCollision(i).getGeometry();
      var twin = grid.twinOf(geometry);
      var part = twin.flatMap(t -> grid.scene(t)).flatMap(s -> s.shapeOf(geometry));
      if (part.isPresent()) return Optional.of(new Picked(twin.get(), part.get()));
    }
    return Optional.empty();
  }
}
