package org.twinlab.models.view;

import java.util.List;
import java.util.Optional;

/** What the 3D viewer needs to draw a rig: primitive shapes and, optionally, a glTF scene. */
public record ViewHints(List<ShapeHint> shapes, Optional<GltfScene> gltf) {
  public static final ViewHints NONE = new ViewHints(List.of(), Optional.empty());

  public ViewHints {
    shapes = List.copyOf(shapes);
  }
}
