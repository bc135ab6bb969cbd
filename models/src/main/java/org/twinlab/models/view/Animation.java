package org.twinlab.models.view;

import java.util.Map;

/**
 * One link from a twin property to a visual effect.
 *
 * @param colors for {@link Effect#COLOR}: value (as text: "true", "RUNNING", ...) to colour
 */
public record Animation(String property, Effect effect, Vec3 axis, double scale, Map<String, String> colors) {
  public Animation {
    colors = Map.copyOf(colors);
  }
}
