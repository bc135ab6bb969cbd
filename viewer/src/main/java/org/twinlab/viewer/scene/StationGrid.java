package org.twinlab.viewer.scene;

import com.jme3.asset.AssetManager;
import com.jme3.math.Vector3f;
import com.jme3.scene.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.TwinModel;

/**
 * Several stations side by side for an examiner: one rig scene per twin, in rows of a square-ish
 * grid, each under a node named after its twin.
 */
public final class StationGrid {
  public static final float SPACING_X = 3.2f;
  public static final float SPACING_Z = 2.4f;
  private final Node root = new Node("stations");
  private final Map<String, RigScene> byTwin = new LinkedHashMap<>();
  private final Map<String, Vector3f> places = new LinkedHashMap<>();
  private final int columns;

  /** One station to show: the twin and its model. */
  public record Station(String twin, TwinModel model) {}

  public StationGrid(List<Station> stations, AssetManager assets) {
    this(stations, assets, Shading.FLAT);
  }

  public StationGrid(List<Station> stations, AssetManager assets, Shading shading) {
    this.columns = Math.max(1, (int) Math.ceil(Math.sqrt(stations.size())));
    for (int i = 0; i < stations.size(); i++) {
      Station s = stations.get(i);
      RigScene scene = new RigScene(s.model(), assets, shading);
      Node place = new Node(s.twin());
      place.setLocalTranslation((i % columns) * SPACING_X, 0, (i / columns) * SPACING_Z);
      place.attachChild(scene.root());
      root.attachChild(place);
      byTwin.put(s.twin(), scene);
      places.put(s.twin(), place.getLocalTranslation().clone());
    }
  }

  public Node root() {
    return root;
  }

  public Map<String, RigScene> scenes() {
    return byTwin;
  }

  public Optional<RigScene> scene(String twin) {
    return Optional.ofNullable(byTwin.get(twin));
  }

  /** Where a station stands: the middle of its cell of the grid, SPACING_X by SPACING_Z. */
  public Vector3f place(String twin) {
    return places.get(twin).clone();
  }

  /** The middle of the grid, where the camera looks. */
  public Vector3f centre() {
    int rows = (byTwin.size() + columns - 1) / columns;
    return new Vector3f((columns - 1) * SPACING_X / 2, 0.6f, (rows - 1) * SPACING_Z / 2);
  }

  /** How far the camera stands back to see every station. */
  public float viewingDistance() {
    int rows = (byTwin.size() + columns - 1) / columns;
    return 1.2f + 0.95f * Math.max(columns * SPACING_X, rows * SPACING_Z);
  }

  /** The twin a picked spatial belongs to. */
  public Optional<String> twinOf(com.jme3.scene.Spatial hit) {
    for (com.jme3.scene.Spatial s = hit; s != null; s = s.getParent()) {
      if (s.getParent() == root) return Optional.of(s.getName());
    }
    return Optional.empty();
  }
}
