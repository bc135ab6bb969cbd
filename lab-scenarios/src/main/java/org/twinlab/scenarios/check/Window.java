package org.twinlab.scenarios.check;

/**
 * Where in the run a check looks: from an anchor to another, closed at both ends unless the end is
 * a {@code before} anchor (the moment itself is not before itself). When the start anchor never
 * happens the window is empty; when the end anchor never happens the window runs to the end.
 *
 * @param endExclusive true for {@code before X}: the window stops just short of X
 */
public record Window(Anchor from, Anchor to, boolean endExclusive) {
  public static final Window WHOLE_RUN = new Window(new Anchor.Start(), new Anchor.End(), false);
}
