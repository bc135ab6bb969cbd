package org.twinlab.models.yaml;

/** One thing wrong with an input file, naming where and which field. */
public record Problem(SourceLocation location, String field, String message) {

  @Override
  public String toString() {
    return location + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
