package org.twinlab.models.view;

/** How a property changes a shape in the viewer. */
public enum Effect {
  /** Moves along the axis: the property's value times {@code scale} metres. */
  TRANSLATE,
  /** Turns about the axis: the property's value times {@code scale} radians per second. */
  SPIN,
  /** Scales along the axis from 0 to 1 as the property goes from its range's min to max. */
  FILL,
  /** Takes the colour mapped to the current value; for numbers, the colour of the highest threshold reached. */
  COLOR,
  /** Shown only while the boolean property is true. */
  VISIBLE,
  /** Shakes with an amplitude of the property's value times {@code scale} metres. */
  SHAKE
}
