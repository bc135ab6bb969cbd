package org.twinlab.models.view;

/** A point or size in the viewer's scene, metres, y up. */
public record Vec3(double x, double y, double z) {
  public static final Vec3 ZERO = new Vec3(0, 0, 0);
}
