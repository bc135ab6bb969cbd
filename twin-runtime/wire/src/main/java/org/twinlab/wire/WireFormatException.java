package org.twinlab.wire;

/** A tree that is not the view it should be, naming the field at fault (a path such as {@code values.tank.level.quality}). */
public final class WireFormatException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  public WireFormatException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  /** The same problem, seen from the object that holds the field. */
  WireFormatException within(String parent) {
    WireFormatException e = new WireFormatException(parent + "." + field, problem);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
