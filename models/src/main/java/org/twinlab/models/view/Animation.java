package org.twinlab.models.view;

import java.util.Map;

/**
 * One link from a twin property to a visual effect.
 *
 * @param colors for {@link Effect#COLOR}: value (as text: "true", "RUNNING", ...) to colour
 * @param wrap for {@link Effect#TRANSLATE}: the distance after which the movement starts over (a
 *     workpiece riding a belt on an ever-growing encoder count), or 0 for none
 * @param offset for {@link Effect#TRANSLATE}: a distance added before wrapping (a second workpiece
 *     further along the same belt)
 */
public record Animation(String property, Effect effect, Vec3 axis, double scale, Map<String, String> colors, double wrap,
    double offset) {

  /** How far a translate effect moves its shape for a value, along the axis. */
  public double distance(double value) {
    double d = value * scale + offset;
    return wrap > 0 ? ((d % wrap) + wrap) % wrap : d;
  }
  public Animation {
    colors = Map.copyOf(colors);
  }
}
