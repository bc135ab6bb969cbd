package org.twinlab.models.view;

import java.util.List;

/** A primitive solid of the procedural scene, with the properties that animate it. */
public record ShapeHint(String id, ShapeKind shape, Vec3 size, Vec3 position, String color, List<Animation> animations) {
  public ShapeHint {
    animations = List.copyOf(animations);
  }
}
